from django.db import models


class DataStamp(models.Model):
    """Writes counted per slot; their sum is the stamp of the data (`mhw.web.data_stamp`)."""

    slot = models.PositiveIntegerField(primary_key=True)
    writes = models.BigIntegerField(default=0)

    def __str__(self):
        return f"{self.slot}: {self.writes}"

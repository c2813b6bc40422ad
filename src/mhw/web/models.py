from django.db import models


class DataStamp(models.Model):
    """Writes to a table counted per slot; their sum is the table's stamp (`mhw.web.data_stamp`)."""

    table_name = models.CharField(max_length=63)
    slot = models.PositiveIntegerField()
    writes = models.BigIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["table_name", "slot"], name="one_count_per_table_and_slot")]

    def __str__(self):
        return f"{self.table_name} {self.slot}: {self.writes}"

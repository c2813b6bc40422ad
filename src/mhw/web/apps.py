from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebConfig(AppConfig):
    name = "mhw.web"
    verbose_name = _("Web front door and dashboards")

    def ready(self):
        from mhw.web import data_stamp

        data_stamp.connect()

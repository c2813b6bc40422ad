from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebConfig(AppConfig):
    name = "mhw.web"
    verbose_name = _("Web front door and dashboards")

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MetroConfig(AppConfig):
    name = "mhw.metro"
    verbose_name = _("Company route")

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PathsConfig(AppConfig):
    name = "mhw.paths"
    verbose_name = _("Development paths")

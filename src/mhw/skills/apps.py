from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SkillsConfig(AppConfig):
    name = "mhw.skills"
    verbose_name = _("Skills framework")

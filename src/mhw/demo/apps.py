from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "mhw.demo"
    verbose_name = "Demo data"

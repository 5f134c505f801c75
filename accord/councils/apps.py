from django.apps import AppConfig


class CouncilsConfig(AppConfig):
    name = "accord.councils"
    label = "councils"
    verbose_name = "Councils"

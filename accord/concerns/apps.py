from django.apps import AppConfig


class ConcernsConfig(AppConfig):
    name = "accord.concerns"
    label = "concerns"
    verbose_name = "When things go wrong"

    def ready(self) -> None:
        from accord.cases.actions import actions_register
        from accord.cases.nav import nav_register

        from .actions import CONCERN_ACTIONS
        from .nav import concern_nav_links

        actions_register(CONCERN_ACTIONS)
        nav_register(self.label, concern_nav_links)

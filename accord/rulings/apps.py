from django.apps import AppConfig


class RulingsConfig(AppConfig):
    name = "accord.rulings"
    label = "rulings"
    verbose_name = "Advice and the Monitoring Officer's rulings"

    def ready(self) -> None:
        from accord.cases.actions import actions_register
        from accord.cases.citation_notes import citation_notes_register
        from accord.cases.nav import nav_register

        from .actions import QUESTION_ACTIONS
        from .nav import ruling_nav_links
        from .selectors import ruling_notes

        actions_register(QUESTION_ACTIONS)
        nav_register(self.label, ruling_nav_links)
        citation_notes_register(self.label, ruling_notes)

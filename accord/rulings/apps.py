from django.apps import AppConfig


class RulingsConfig(AppConfig):
    name = "accord.rulings"
    label = "rulings"
    verbose_name = "Advice and the Monitoring Officer's rulings"

    def ready(self) -> None:
        from accord.cases.history import chain_verifier, chains_register
        from accord.rulings.models import QuestionChainHead, QuestionEvent

        """Install the question actions and the rulings as notes beside citations. No navigation link: the
        service navigation is full (one row at 1280 px); the protocol page links to the rulings and the
        rulings page to the questions."""
        from accord.cases.actions import actions_register
        from accord.cases.citation_notes import citation_notes_register

        from .actions import QUESTION_ACTIONS
        from .selectors import ruling_notes

        actions_register(QUESTION_ACTIONS)
        citation_notes_register(self.label, ruling_notes)
        chains_register("questions", chain_verifier(QuestionEvent, QuestionChainHead, "question"))

from django.apps import AppConfig


class ConcernsConfig(AppConfig):
    name = "accord.concerns"
    label = "concerns"
    verbose_name = "When things go wrong"

    def ready(self) -> None:
        from accord.cases.actions import actions_register
        from accord.cases.history import chain_verifier, chains_register
        from accord.cases.nav import nav_register
        from accord.concerns.models import ConcernChainHead, ConcernEvent
        from accord.notifications.feeds import calendar_feed_register

        from .actions import CONCERN_ACTIONS
        from .nav import concern_nav_links
        from .services import meetings_for_feed

        actions_register(CONCERN_ACTIONS)
        nav_register(self.label, concern_nav_links, title="Concerns")
        calendar_feed_register(self.label, meetings_for_feed)
        chains_register("concerns", chain_verifier(ConcernEvent, ConcernChainHead, "concern"))

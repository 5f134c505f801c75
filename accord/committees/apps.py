from django.apps import AppConfig


class CommitteesConfig(AppConfig):
    name = "accord.committees"
    label = "committees"
    verbose_name = "Committees and decisions"

    def ready(self) -> None:
        from accord.cases.actions import actions_register
        from accord.cases.disclosure import disclosure_sources_register
        from accord.cases.history import chain_verifier, chains_register
        from accord.cases.nav import nav_register
        from accord.notifications.feeds import calendar_feed_register

        from . import invariants  # noqa: F401  (registers the named checks)
        from .actions import DECISION_ACTIONS, MEETING_ACTIONS
        from .calendar import meetings_of_user
        from .disclosure import decision_disclosure_hits
        from .models import DecisionChainHead, DecisionEvent, MeetingChainHead, MeetingEvent
        from .nav import committee_nav_links

        actions_register(MEETING_ACTIONS)
        actions_register(DECISION_ACTIONS)
        nav_register(self.label, committee_nav_links, title="Meetings")
        calendar_feed_register(self.label, meetings_of_user)
        disclosure_sources_register(self.label, decision_disclosure_hits)
        chains_register(
            self.label,
            lambda council: [
                chain_verifier(MeetingEvent, MeetingChainHead, "meeting")(council),
                chain_verifier(DecisionEvent, DecisionChainHead, "decision")(council),
            ],
        )

from django.apps import AppConfig


class CommitteesConfig(AppConfig):
    name = "accord.committees"
    label = "committees"
    verbose_name = "Committees and decisions"

    def ready(self) -> None:
        from accord.cases.actions import actions_register
        from accord.cases.nav import nav_register
        from accord.notifications.feeds import calendar_feed_register

        from . import invariants  # noqa: F401  (registers the named checks)
        from .actions import DECISION_ACTIONS, MEETING_ACTIONS
        from .calendar import meetings_of_user
        from .nav import committee_nav_links

        actions_register(MEETING_ACTIONS)
        actions_register(DECISION_ACTIONS)
        nav_register(self.label, committee_nav_links)
        calendar_feed_register(self.label, meetings_of_user)

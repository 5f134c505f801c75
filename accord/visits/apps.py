from django.apps import AppConfig


class VisitsConfig(AppConfig):
    name = "accord.visits"
    label = "visits"
    verbose_name = "Premises visits and appointments"

    def ready(self) -> None:
        from accord.cases.actions import actions_register
        from accord.cases.history import chains_register
        from accord.cases.nav import nav_register
        from accord.notifications.feeds import calendar_feed_register
        from accord.visits.chain import chain_verify as visits_chain_verify

        from .actions import APPOINTMENT_ACTIONS, VISIT_ACTIONS
        from .appointments import appointment_calendar_events
        from .nav import visit_nav_links

        actions_register(VISIT_ACTIONS)
        actions_register(APPOINTMENT_ACTIONS)
        nav_register(self.label, visit_nav_links, title="Visits")
        calendar_feed_register("appointments", appointment_calendar_events)
        chains_register("visits", visits_chain_verify)

from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "accord.notifications"
    label = "notifications"
    verbose_name = "Notifications"

    def ready(self) -> None:
        from . import checks, jobs
        from .alerts import outbox_failure_tell_democratic_services
        from .services import FAILURE_LISTENERS

        checks.register()
        jobs.register()
        if outbox_failure_tell_democratic_services not in FAILURE_LISTENERS:
            FAILURE_LISTENERS.append(outbox_failure_tell_democratic_services)

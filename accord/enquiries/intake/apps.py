from django.apps import AppConfig


class IntakeConfig(AppConfig):
    """Enquiries e-mailed to the council's enquiries address (D 6.3: received when the mailbox got them)."""

    name = "accord.enquiries.intake"
    label = "intake"
    verbose_name = "Enquiries by e-mail"

    def ready(self) -> None:
        from . import jobs

        jobs.register()

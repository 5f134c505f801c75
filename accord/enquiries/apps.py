from django.apps import AppConfig


class EnquiriesConfig(AppConfig):
    name = "accord.enquiries"
    label = "enquiries"
    verbose_name = "Members' enquiries"

    def ready(self) -> None:
        from . import jobs

        jobs.register()

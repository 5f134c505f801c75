from django.apps import AppConfig


class EnquiriesConfig(AppConfig):
    name = "accord.enquiries"
    label = "enquiries"
    verbose_name = "Members' enquiries"

    def ready(self) -> None:
        from accord.councils.apps import track_council_settings

        from . import jobs

        jobs.register()
        track_council_settings(self.get_model("EnquirySettings"))

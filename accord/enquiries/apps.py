from django.apps import AppConfig


class EnquiriesConfig(AppConfig):
    name = "accord.enquiries"
    label = "enquiries"
    verbose_name = "Members' enquiries"

    def ready(self) -> None:
        from accord.cases.actions import actions_register
        from accord.cases.history import chains_register
        from accord.cases.nav import nav_register
        from accord.councils.apps import track_council_settings
        from accord.councils.calendars import calendar_changed_register, case_deadline_register
        from accord.enquiries.chain import chain_verify as enquiries_chain_verify

        from . import jobs
        from .actions import ENQUIRY_ACTIONS
        from .nav import enquiry_nav_links
        from .selectors import council_case_deadline_of

        actions_register(ENQUIRY_ACTIONS)
        nav_register(self.label, enquiry_nav_links, title="Enquiries")
        case_deadline_register(council_case_deadline_of)

        jobs.register()
        from .services import council_closure_days_apply

        calendar_changed_register(council_closure_days_apply)
        track_council_settings(self.get_model("EnquirySettings"))

        from accord.cases.disclosure import disclosure_sources_register

        from .disclosure import enquiry_disclosure_hits

        disclosure_sources_register(self.label, enquiry_disclosure_hits)
        chains_register("enquiries", enquiries_chain_verify)

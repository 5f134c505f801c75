from django.apps import AppConfig


class EnquiriesConfig(AppConfig):
    name = "accord.enquiries"
    label = "enquiries"
    verbose_name = "Members' enquiries"

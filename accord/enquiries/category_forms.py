"""The forms democratic services use for their council's categories and enquiry settings (bounded input)."""

from __future__ import annotations

from typing import Any

from django import forms

from accord.councils.models import Council, Service
from accord.enquiries.models import Category

MAX_RESPONSE_WORKING_DAYS = 60
MAX_REOPEN_WORKING_DAYS = 60
MAX_REMINDER_WORKING_DAYS = 10


def _text(label: str, required_message: str) -> forms.CharField:
    """A required line of text of at most 200 characters, with errors that name it."""
    return forms.CharField(
        label=label,
        max_length=200,
        error_messages={
            "required": required_message,
            "max_length": "This must be 200 characters or fewer",
        },
    )


class CategoryForm(forms.Form):
    name = _text("Name", "Enter the category's name")
    service = forms.TypedChoiceField(
        label="Service that owns these enquiries",
        coerce=int,
        error_messages={"required": "Select the service"},
    )
    is_service_failure = forms.BooleanField(
        label="A report of a service failure (never for the out-of-hours service, D 6.6)",
        required=False,
    )
    is_employment_matter = forms.BooleanField(
        label="Staff, discipline or HR matters: routed to the Monitoring Officer (D 4.2, D 2.4)",
        required=False,
    )

    def __init__(self, *args: Any, council: Council, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.council = council
        services = Service.objects.filter(council=council).order_by("name")
        self.fields["service"].choices = [  # type: ignore[attr-defined]
            ("", "Select a service"),
            *((s.pk, s.name) for s in services),
        ]

    @classmethod
    def initial_of(cls, category: Category) -> dict[str, Any]:
        return {
            "name": category.name,
            "service": category.service_id,
            "is_service_failure": category.is_service_failure,
            "is_employment_matter": category.is_employment_matter,
        }

    def chosen_service(self) -> Service:
        return Service.objects.get(pk=self.cleaned_data["service"], council=self.council)


def _days(label: str, maximum: int, *, required: bool = True, hint: str = "") -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        min_value=0 if maximum != MAX_RESPONSE_WORKING_DAYS else 1,
        max_value=maximum,
        required=required,
        help_text=hint,
        error_messages={
            "required": f"Enter {label[0].lower()}{label[1:]}",
            "invalid": "Enter a whole number of working days",
            "min_value": "Enter a number of working days of at least %(limit_value)s",
            "max_value": "Enter a number of working days of at most %(limit_value)s",
        },
    )


class EnquirySettingsForm(forms.Form):
    response_working_days = _days(
        "Working days to give a substantive response",
        MAX_RESPONSE_WORKING_DAYS,
        required=False,
        hint="Leave blank to use the protocol's default.",
    )
    reopen_working_days = _days(
        "Working days after an answer in which a Member may reopen the enquiry",
        MAX_REOPEN_WORKING_DAYS,
    )
    reminder_working_days = _days(
        "Working days before the due date to remind the officer", MAX_REMINDER_WORKING_DAYS
    )
    complaints_contact = _text(
        "Where complaints are diverted (D 6.7)", "Enter where complaints are diverted"
    )

    def __init__(self, *args: Any, deadline_fixed: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if deadline_fixed:
            del self.fields["response_working_days"]

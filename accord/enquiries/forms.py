"""Forms for enquiry pages: input checks only; the rules of the protocol are the services' (GOV.UK wording)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms

from accord.core import clock
from accord.core.clock import LONDON
from accord.core.dates import DATE_MAX, DATE_MIN
from accord.core.errors import AccordError
from accord.core.forms import InputRulesForm
from accord.core.text import field_max_length
from accord.councils.models import Area, Council, Member, Officer, PoliticalGroup, Service
from accord.enquiries.models import Category, Enquiry
from accord.enquiries.postcodes import POSTCODE_INPUT_MAX_LENGTH, enquiry_area_resolve
from accord.enquiries.search import MAX_QUERY_LENGTH
from accord.enquiries.selectors import EnquiryFilters
from accord.enquiries.services.attachments import attachment_check
from accord.enquiries.services.received import LOGGED_CHANNELS
from accord.web.forms import DueDateForm


def attachment_field_check(upload: Any) -> Any:
    """The file field's own error when a file is too big, of a type not taken, or not what its name says."""
    if upload is not None:
        try:
            attachment_check(upload)
        except AccordError as exc:
            raise forms.ValidationError(exc.message) from None
    return upload


RECEIVED_FIELDS = ("received_day", "received_month", "received_year", "received_time")
DEFAULT_TIME = dt.time(9, 0)


def _choices(qs: Any, empty: str) -> list[tuple[str, str]]:
    return [("", empty), *((str(o.pk), str(o)) for o in qs)]


class ChoicesMixin:
    fields: dict[str, forms.Field]

    def _set_choices(self, name: str, choices: list[tuple[str, str]]) -> None:
        field = self.fields[name]
        assert isinstance(field, forms.ChoiceField)
        field.choices = choices


class ReceivedFields(InputRulesForm, DueDateForm):
    """When an enquiry made by phone, letter or e-mail was received (D 6.3's day zero): the date (empty:
    now), and the time if known (empty: now for today, otherwise 09:00)."""

    working_days = None  # type: ignore[assignment]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in RECEIVED_FIELDS:
            if name in self.fields:
                self.fields[name].required = False
        # The year of receipt lies in the range of every date Accord takes, with one message that names it.
        year = self.fields["received_year"]
        assert isinstance(year, forms.IntegerField)
        year.min_value, year.max_value = DATE_MIN.year, DATE_MAX.year
        year.validators = []
        year.widget.attrs.update(min=str(DATE_MIN.year), max=str(DATE_MAX.year))
        words = f"Enter the year it was received as a year from {DATE_MIN.year} to {DATE_MAX.year}"
        year.error_messages = {**year.error_messages, "invalid": words}
        self.year_words = words

    def clean_received_year(self) -> int | None:
        year: int | None = self.cleaned_data.get("received_year")
        if year is not None and not DATE_MIN.year <= year <= DATE_MAX.year:
            raise forms.ValidationError(self.year_words)
        return year

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        given = [data.get(k) is not None for k in RECEIVED_FIELDS[:3]]
        wrong = any(k in self.errors for k in RECEIVED_FIELDS[:3])
        if any(given) and not all(given) and not wrong:
            self.add_error("received_day", "Enter the day, month and year it was received")
        return data

    def clean_received_time(self) -> dt.time | None:  # type: ignore[override]
        if not (self.cleaned_data.get("received_time") or "").strip():
            return None
        return super().clean_received_time()

    def received(self) -> dt.datetime:
        """The aware London datetime of receipt; call after `is_valid()`."""
        day: dt.date = self.cleaned_data["received_date"]
        time: dt.time | None = self.cleaned_data["received_time"]
        if time is None:
            now = clock.now()
            return now if day == now.date() else dt.datetime.combine(day, DEFAULT_TIME, LONDON)
        return dt.datetime.combine(day, time, tzinfo=LONDON)


class EnquiryRaiseForm(ChoicesMixin, ReceivedFields):
    """Raise an enquiry (D 6.3). Democratic services may raise one on a Member's behalf: one the Member made
    by phone, letter or e-mail, with when it was received."""

    member = forms.TypedChoiceField(
        label="Member", coerce=int, error_messages={"required": "Select the Member"}
    )
    channel = forms.ChoiceField(
        label="How did the Member make the enquiry?",
        choices=[(c.value, c.label) for c in LOGGED_CHANNELS],
        widget=forms.RadioSelect,
        error_messages={"required": "Select how the Member made the enquiry"},
    )
    subject = forms.CharField(
        label="Subject",
        max_length=field_max_length(Enquiry, "subject"),
        error_messages={"required": "Enter a subject"},
    )
    details = forms.CharField(
        label="Your enquiry",
        widget=forms.Textarea,
        error_messages={"required": "Enter the details of your enquiry"},
    )
    category = forms.TypedChoiceField(
        label="What is it about?", coerce=int, error_messages={"required": "Select a category"}
    )
    area = forms.TypedChoiceField(label="Area", coerce=int, required=False, empty_value=None)
    postcode = forms.CharField(
        label="Postcode (optional)", max_length=POSTCODE_INPUT_MAX_LENGTH, required=False
    )
    capacity = forms.ChoiceField(
        label="In what capacity are you asking?",
        choices=Enquiry.Capacity.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the capacity you are asking in"},
    )
    urgency = forms.ChoiceField(
        label="How urgent is it?",
        choices=Enquiry.Urgency.choices,
        widget=forms.RadioSelect,
        initial=Enquiry.Urgency.NORMAL,
    )
    urgency_justification = forms.CharField(
        label="Why is it extremely urgent?", widget=forms.Textarea, required=False
    )
    constituent_name = forms.CharField(
        label="Constituent's name",
        max_length=field_max_length(Enquiry, "constituent_name"),
        required=False,
    )
    constituent_contact = forms.CharField(
        label="Constituent's contact details",
        max_length=field_max_length(Enquiry, "constituent_contact"),
        required=False,
    )
    constituent_is_employee = forms.BooleanField(
        label="The constituent is a council employee asking about an employment matter",
        required=False,
    )
    is_complaint = forms.BooleanField(
        label="This is a constituent's complaint about a council service", required=False
    )
    attachment = forms.FileField(label="Attach a file (optional)", required=False)

    def __init__(self, *args: Any, council: Council, on_behalf: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.council = council
        self.on_behalf = on_behalf
        if on_behalf:
            self._set_choices(
                "member",
                _choices(
                    Member.objects.filter(council=council).order_by("name"), "Select a Member"
                ),
            )
        else:
            for name in ("member", "channel", *RECEIVED_FIELDS):
                del self.fields[name]
        self._set_choices(
            "category",
            _choices(
                Category.objects.filter(council=council).order_by("name"), "Select a category"
            ),
        )
        self.fields["area"].label = council.get_area_noun_display().capitalize()
        self._set_choices(
            "area",
            _choices(
                Area.objects.filter(council=council).order_by("name"),
                f"Not about one {council.area_noun}",
            ),
        )
        self.fields["postcode"].help_text = (
            f"When {council.name} holds postcode data, the {council.area_noun} is found from the "
            f"postcode and you do not need to choose it."
        )

    def clean_attachment(self) -> Any:
        return attachment_field_check(self.cleaned_data.get("attachment"))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.on_behalf and data.get("received_date") and "received_time" not in self.errors:
            data["received_at"] = self.received()
        if data.get("postcode") and "area" not in self.errors:
            self._area_from_postcode(data)
        if (
            data.get("urgency") == Enquiry.Urgency.OUT_OF_HOURS
            and not (data.get("urgency_justification") or "").strip()
        ):
            self.add_error("urgency_justification", "Explain why the enquiry is extremely urgent")
        return data

    def _area_from_postcode(self, data: dict[str, Any]) -> None:
        """The area the postcode is in, in the council's own data (D 6.5): it fills an empty area."""
        chosen = self.council.areas.filter(pk=data["area"]).first() if data.get("area") else None
        try:
            area = enquiry_area_resolve(
                council=self.council, area=chosen, postcode=data["postcode"]
            )
        except AccordError as exc:
            self.add_error("postcode", exc.message)
        else:
            data["area"] = area.pk if area else None


class SearchForm(InputRulesForm):
    """The search box of the enquiry lists: reference, subject or words in the enquiry or its answer."""

    q = forms.CharField(
        label="Search by reference, subject or text",
        required=False,
        max_length=MAX_QUERY_LENGTH,
        error_messages={"max_length": f"Search for at most {MAX_QUERY_LENGTH} characters"},
    )

    def text(self) -> str:
        """The search text; call after `is_valid()` (blank when invalid)."""
        return (self.cleaned_data.get("q") or "") if hasattr(self, "cleaned_data") else ""


class EnquiryFilterForm(ChoicesMixin, SearchForm):
    service = forms.TypedChoiceField(label="Service", coerce=int, required=False, empty_value=None)
    area = forms.TypedChoiceField(label="Area", coerce=int, required=False, empty_value=None)
    group = forms.TypedChoiceField(
        label="Member's political group", coerce=int, required=False, empty_value=None
    )
    state = forms.ChoiceField(
        label="State", required=False, choices=[("", "Any state"), *Enquiry.State.choices]
    )
    overdue = forms.BooleanField(label="Overdue only", required=False)
    received_from = forms.DateField(label="Received from", required=False)
    received_to = forms.DateField(label="Received to", required=False)

    def __init__(self, *args: Any, council: Council, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._set_choices(
            "service",
            _choices(Service.objects.filter(council=council).order_by("name"), "Any service"),
        )
        self.fields["area"].label = council.get_area_noun_display().capitalize()
        self._set_choices(
            "area",
            _choices(
                Area.objects.filter(council=council).order_by("name"), f"Any {council.area_noun}"
            ),
        )
        self._set_choices(
            "group",
            _choices(PoliticalGroup.objects.filter(council=council).order_by("name"), "Any group"),
        )
        for name in ("received_from", "received_to"):
            self.fields[name].error_messages["invalid"] = "Enter a real date, like 2026-01-31"

    def filters(self) -> EnquiryFilters:
        """The filters; call after `is_valid()` (invalid fields are left out)."""
        data = self.cleaned_data if hasattr(self, "cleaned_data") else {}
        return EnquiryFilters(
            service=data.get("service"),
            area=data.get("area"),
            group=data.get("group"),
            state=data.get("state") or None,
            overdue=bool(data.get("overdue")),
            received_from=data.get("received_from"),
            received_to=data.get("received_to"),
            q=self.text(),
        )


# One small form per action on the case page; the services decide whether the action is allowed.


class TextForm(InputRulesForm):
    text = forms.CharField(widget=forms.Textarea, error_messages={"required": "Enter some text"})

    def __init__(self, *args: Any, label: str = "Text", required: bool = True, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["text"].label = label
        self.fields["text"].required = required
        self.fields["text"].error_messages["required"] = f"Enter {label[0].lower()}{label[1:]}"


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one input; none is allowed. Each is checked by the attachment service."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(d, initial) for d in data if d]
        return [single(data, initial)] if data else []


class AnswerForm(TextForm):
    """The substantive response, and files to go with it (D 6.3)."""

    attachments = MultipleFileField(
        label="Files to send with the response (optional)",
        required=False,
        help_text="Up to 5 documents or pictures, each up to 10 MB.",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, label="Substantive response", **kwargs)


class EmptyForm(forms.Form):
    pass


class AssignForm(ChoicesMixin, forms.Form):
    officer = forms.TypedChoiceField(
        label="Officer", coerce=int, error_messages={"required": "Select an officer"}
    )

    def __init__(self, *args: Any, council: Council, service: Service, **kwargs: Any) -> None:
        """The service's officers first, then the rest of the council's, each in its own group (D 6.2)."""
        super().__init__(*args, **kwargs)
        active = Officer.objects.filter(council=council, is_active=True).order_by("name")
        own = [(o.pk, o.name) for o in active.filter(service=service)]
        rest = [(o.pk, o.name) for o in active.exclude(service=service)]
        choices: list[Any] = [("", "Select an officer")]
        if own:
            choices.append((f"{service.name} officers", own))
        if rest:
            choices.append(("Other officers of the council", rest))
        self.fields["officer"].choices = choices  # type: ignore[attr-defined]


class HoldingReplyForm(InputRulesForm):
    reason = forms.CharField(
        label="Why a substantive response cannot be given in time",
        widget=forms.Textarea,
        error_messages={"required": "Enter the reason"},
    )
    new_due_date = forms.DateField(
        label="The new date to propose to the Member",
        help_text="The Member accepts or declines it; until they accept, the due date stands. "
        "For example, 2026-01-31",
        error_messages={
            "required": "Enter the new date",
            "invalid": "Enter a real date, like 2026-01-31",
        },
    )

    def clean_new_due_date(self) -> dt.date:
        value: dt.date = self.cleaned_data["new_due_date"]
        return value


class AttachmentForm(forms.Form):
    upload = forms.FileField(label="File", error_messages={"required": "Select a file"})

    def clean_upload(self) -> Any:
        return attachment_field_check(self.cleaned_data["upload"])

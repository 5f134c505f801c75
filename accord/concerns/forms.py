"""Forms for the concern pages: input checks only (the protocol's rules are the services'), GOV.UK wording."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms

from accord.concerns.models import DETAILS_MAX, PLACE_MAX, SUMMARY_MAX
from accord.concerns.services import MEETING_MINUTES
from accord.core.clock import LONDON
from accord.core.forms import InputRulesForm
from accord.councils.models import Council, Member, Officer


class ConcernRaiseForm(InputRulesForm):
    about = forms.ChoiceField(
        label="Who is it about?",
        error_messages={"required": "Select the Member or officer the concern is about"},
    )
    summary = forms.CharField(
        label="In a few words",
        max_length=SUMMARY_MAX,
        error_messages={"required": "Enter the concern in a few words"},
    )
    details = forms.CharField(
        label="What happened",
        widget=forms.Textarea,
        max_length=DETAILS_MAX,
        error_messages={"required": "Enter what happened"},
    )
    unlawful_conduct = forms.BooleanField(
        label="It may be unlawful conduct (the whistle-blowing policy)", required=False
    )

    def __init__(self, *args: Any, council: Council, whistleblowing: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        members = Member.objects.filter(council=council, is_active=True).order_by("name")
        officers = Officer.objects.filter(council=council, is_active=True).order_by("name")
        self.fields["about"].choices = [  # type: ignore[attr-defined]
            ("", "Select a person"),
            ("Members", [(f"member-{m.pk}", str(m)) for m in members]),
            ("Officers", [(f"officer-{o.pk}", str(o)) for o in officers]),
        ]
        if not whistleblowing:
            del self.fields["unlawful_conduct"]

    def about_person(self, council: Council) -> tuple[Member | None, Officer | None]:
        """The chosen person (the choice names one of the council's active Members or officers)."""
        kind, _, pk = str(self.cleaned_data["about"]).partition("-")
        if kind == "member":
            return Member.objects.get(pk=int(pk), council=council), None
        return None, Officer.objects.get(pk=int(pk), council=council)


class NoteForm(InputRulesForm):
    text = forms.CharField(widget=forms.Textarea, max_length=DETAILS_MAX)

    def __init__(self, *args: Any, label: str = "Note", required: bool = True, **kwargs: Any):
        super().__init__(*args, **kwargs)
        field = self.fields["text"]
        field.label = label
        field.required = required
        field.error_messages["required"] = f"Enter {label[0].lower()}{label[1:]}"


class MeetingForm(InputRulesForm):
    """When and where the informal meeting of D 11.3 is; the service checks it lies ahead."""

    date = forms.DateField(
        label="Date",
        help_text="For example, 27/3/2027",
        input_formats=["%d/%m/%Y", "%Y-%m-%d"],
        error_messages={
            "required": "Enter the date of the meeting",
            "invalid": "Enter the date of the meeting as day/month/year, like 27/3/2027",
        },
    )
    start = forms.TimeField(
        label="Start time",
        help_text="Use the 24-hour clock, like 14:30",
        input_formats=["%H:%M"],
        error_messages={
            "required": "Enter the start time",
            "invalid": "Enter the start time like 14:30",
        },
    )
    minutes = forms.IntegerField(
        label="Length in minutes",
        min_value=MEETING_MINUTES[0],
        max_value=MEETING_MINUTES[1],
        initial=60,
        error_messages={
            "required": "Enter the length in minutes",
            "invalid": "Enter the length as a whole number of minutes",
            "min_value": f"The meeting must last at least {MEETING_MINUTES[0]} minutes",
            "max_value": f"The meeting must last at most {MEETING_MINUTES[1]} minutes",
        },
    )
    place = forms.CharField(
        label="Place or online meeting link",
        max_length=PLACE_MAX,
        error_messages={"required": "Enter where the meeting is"},
    )
    audit_chair = forms.BooleanField(
        label="Invite the Chair of the Audit and Standards Committee", required=False
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("date") and data.get("start"):
            data["starts_at"] = dt.datetime.combine(data["date"], data["start"], tzinfo=LONDON)
        return data

"""The web forms of the premises register, visits and appointments, under the input rules
(`accord.core.forms.InputRulesForm`: no control characters, dates in range, each message naming the field)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms

from accord.core import clock
from accord.core.forms import InputRulesForm
from accord.councils.models import Committee, Council, Member, Office, Officer
from accord.visits.models import Appointment, Premises, Visit

DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d", "%d %m %Y"]
DATE_HINT = "For example, 17/03/2027"
TIME_HINT = "24-hour clock, for example 14:30"


def _date(label: str) -> forms.DateField:
    return forms.DateField(
        label=label,
        input_formats=DATE_FORMATS,
        help_text=DATE_HINT,
        error_messages={
            "required": f"Enter the {label.lower()}",
            "invalid": f"Enter the {label.lower()} as a real date, like 17/03/2027",
        },
    )


def _time(label: str) -> forms.TimeField:
    return forms.TimeField(
        label=label,
        input_formats=["%H:%M", "%H.%M"],
        help_text=TIME_HINT,
        error_messages={
            "required": f"Enter the {label.lower()}",
            "invalid": f"Enter the {label.lower()} as a time, like 14:30",
        },
    )


def _choice(choices: Any, label: str) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=choices,
        error_messages={"required": f"Choose {label[0].lower()}{label[1:]}"},
    )


class TextForm(InputRulesForm):
    """One text area: a note, a reason."""

    text = forms.CharField(widget=forms.Textarea, max_length=2000)

    def __init__(self, *args: Any, label: str = "Note", required: bool = False, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["text"].label = label
        self.fields["text"].required = required
        self.fields["text"].error_messages["required"] = f"Enter {label[0].lower()}{label[1:]}"


class PremisesForm(InputRulesForm):
    name = forms.CharField(label="Name", max_length=200)
    address = forms.CharField(label="Address", max_length=300)
    postcode = forms.CharField(
        label="Postcode", max_length=8, help_text="The division is found from it (N 26)."
    )
    kind = _choice(Premises.Kind.choices, "Kind of premises")
    tenure = _choice(Premises.Tenure.choices, "How the Council holds them")
    manager_name = forms.CharField(label="Local manager or head teacher", max_length=200)
    manager_email = forms.EmailField(label="Their e-mail address", max_length=254)
    cabinet_member = forms.TypedChoiceField(
        label="The relevant Cabinet Member (optional)", coerce=int, required=False, empty_value=None
    )
    committee = forms.TypedChoiceField(
        label="The relevant committee (optional)", coerce=int, required=False, empty_value=None
    )

    def __init__(self, *args: Any, council: Council, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cabinet = Member.objects.filter(
            council=council, offices__kind=Office.Kind.CABINET_MEMBER, is_active=True
        ).distinct()
        self.fields["cabinet_member"].choices = [("", "None"), *((m.pk, m.name) for m in cabinet)]  # type: ignore[attr-defined]
        self.fields["committee"].choices = [  # type: ignore[attr-defined]
            ("", "None"),
            *((c.pk, c.name) for c in Committee.objects.filter(council=council)),
        ]


class VisitRequestForm(InputRulesForm):
    premises = forms.TypedChoiceField(
        label="Premises", coerce=int, error_messages={"required": "Choose the premises"}
    )
    visit_on = _date("Day of the visit")
    purpose = _choice(Visit.Purpose.choices, "Why you are visiting")
    details = forms.CharField(
        label="What the visit is for (optional)",
        widget=forms.Textarea,
        max_length=2000,
        required=False,
    )
    safety_acknowledged = forms.BooleanField(
        label="I will follow the health and safety, security and other workplace rules of the "
        "premises, and not interfere with services to the public (N 26)",
        required=False,
    )

    def __init__(self, *args: Any, council: Council, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["premises"].choices = [  # type: ignore[attr-defined]
            ("", "Choose the premises"),
            *((p.pk, f"{p.name}, {p.postcode}") for p in Premises.objects.filter(council=council)),
        ]


class PermissionForm(InputRulesForm):
    decision = forms.ChoiceField(
        label="Your answer",
        choices=[("agree", "I agree to the visit"), ("refuse", "I refuse it")],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether you agree to the visit"},
    )
    note = forms.CharField(
        label="Note to the Member (optional)",
        widget=forms.Textarea,
        max_length=2000,
        required=False,
    )


class _Times(InputRulesForm):
    """A day, a start and an end: `cleaned_data["starts_at"]` and `["ends_at"]` in Europe/London."""

    day = _date("Day of the meeting")
    start = _time("Start time")
    end = _time("End time")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if all(data.get(k) for k in ("day", "start", "end")):
            zone = clock.now().tzinfo
            data["starts_at"] = dt.datetime.combine(data["day"], data["start"], tzinfo=zone)
            data["ends_at"] = dt.datetime.combine(data["day"], data["end"], tzinfo=zone)
        return data


class _Place(forms.Form):
    mode = _choice(Appointment.Mode.choices, "How you will meet")
    location = forms.CharField(
        label="Where (for a meeting in person)", max_length=200, required=False
    )
    meeting_link = forms.URLField(
        label="Meeting link (for an online meeting)",
        max_length=500,
        required=False,
        assume_scheme="https",
        error_messages={"invalid": "Enter the meeting link as a web address, like https://..."},
    )


class AppointmentBookForm(_Times, _Place):
    officer = forms.TypedChoiceField(
        label="Officer", coerce=int, error_messages={"required": "Choose the officer"}
    )
    subject = forms.CharField(label="What the meeting is about", max_length=200)
    note = forms.CharField(
        label="Note to the officer (optional)",
        widget=forms.Textarea,
        max_length=2000,
        required=False,
    )
    field_order = ["officer", "subject", "day", "start", "end", "mode", "location", "meeting_link"]

    def __init__(self, *args: Any, council: Council, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["officer"].choices = [  # type: ignore[attr-defined]
            ("", "Choose the officer"),
            *(
                (o.pk, f"{o.name}, {o.job_title}")
                for o in Officer.objects.filter(council=council, is_active=True)
            ),
        ]


class CounterForm(_Times):
    note = forms.CharField(
        label="Note to the Member (optional)",
        widget=forms.Textarea,
        max_length=2000,
        required=False,
    )


class ChangeForm(_Times, _Place):
    note = forms.CharField(
        label="Why it changes (optional)", widget=forms.Textarea, max_length=2000, required=False
    )

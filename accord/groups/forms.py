"""The web forms of group meetings and briefings; every text and date keeps the input rules
(`accord.core.forms.InputRulesForm`), each message naming the field."""

from __future__ import annotations

from typing import Any

from django import forms

from accord.core.forms import InputRulesForm
from accord.councils.models import Council, Member, Officer
from accord.groups.models import Briefing, GroupMeeting, GroupNote


def _choices(form: forms.Form, name: str, choices: list[tuple[str, str]]) -> None:
    field = form.fields[name]
    assert isinstance(field, forms.ChoiceField)
    field.choices = choices


def _officers(council: Council, *, chief_only: bool = False) -> list[tuple[str, str]]:
    officers = Officer.objects.filter(council=council, is_active=True)
    if chief_only:
        officers = officers.filter(grade=Officer.Grade.CHIEF_OFFICER)
    return [("", "Choose an officer")] + [
        (str(o.pk), f"{o.name}, {o.job_title}") for o in officers.order_by("name")
    ]


class TextForm(InputRulesForm):
    text = forms.CharField(widget=forms.Textarea, max_length=5000)

    def __init__(self, *args: Any, label: str = "Text", required: bool = True, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["text"].label = label
        self.fields["text"].required = required
        self.fields["text"].error_messages["required"] = f"Enter {label[0].lower()}{label[1:]}"


class OfficerChoiceForm(InputRulesForm):
    officer = forms.TypedChoiceField(coerce=int, label="Officer to attend")

    def __init__(self, *args: Any, council: Council, **kwargs: Any):
        super().__init__(*args, **kwargs)
        _choices(self, "officer", _officers(council))
        self.fields["officer"].error_messages["required"] = "Choose the officer to attend"


class NoteForm(InputRulesForm):
    kind = forms.ChoiceField(
        choices=GroupNote.Kind.choices, label="What it is", initial=GroupNote.Kind.NOTE
    )
    text = forms.CharField(
        widget=forms.Textarea,
        label="The note (seen by your group's Members only)",
        max_length=5000,
        error_messages={"required": "Enter the note"},
    )


class VerifyForm(InputRulesForm):
    note = forms.TypedChoiceField(coerce=int, label="Minute of your advice")
    text = forms.CharField(
        widget=forms.Textarea,
        label="Your verification: confirm it, or say what is wrong",
        max_length=5000,
        error_messages={"required": "Enter your verification"},
    )

    def __init__(self, *args: Any, choices: list[tuple[str, str]], **kwargs: Any):
        super().__init__(*args, **kwargs)
        _choices(self, "note", [("", "Choose a minute"), *choices])
        self.fields["note"].error_messages["required"] = "Choose a minute of your advice"


class PermitForm(InputRulesForm):
    member = forms.TypedChoiceField(coerce=int, label="Member to permit")

    def __init__(self, *args: Any, council: Council, exclude: int, **kwargs: Any):
        super().__init__(*args, **kwargs)
        members = Member.objects.filter(council=council, is_active=True).exclude(pk=exclude)
        _choices(
            self,
            "member",
            [("", "Choose a Member")] + [(str(m.pk), m.name) for m in members.order_by("name")],
        )
        self.fields["member"].error_messages["required"] = "Choose a Member"


class MeetingRequestForm(InputRulesForm):
    meeting_date = forms.DateField(
        label="Date of the meeting",
        help_text="For example 2026-12-17",
        error_messages={
            "required": "Enter the date of the meeting",
            "invalid": "Date of the meeting must be a real date, like 2026-12-17",
        },
    )
    place = forms.CharField(
        label="Place",
        max_length=GroupMeeting._meta.get_field("place").max_length,
        error_messages={"required": "Enter the place of the meeting"},
    )
    subject = forms.CharField(
        label="Subject (Council business)",
        max_length=GroupMeeting._meta.get_field("subject").max_length,
        error_messages={"required": "Enter the subject"},
    )
    officer = forms.TypedChoiceField(coerce=int, label="Officer asked for")
    chief_officer = forms.TypedChoiceField(
        coerce=int,
        required=False,
        empty_value=None,
        label="The appropriate Chief Officer the request goes through",
    )

    def __init__(self, *args: Any, council: Council, invite_chief: bool, **kwargs: Any):
        super().__init__(*args, **kwargs)
        _choices(self, "officer", _officers(council, chief_only=invite_chief))
        self.fields["officer"].error_messages["required"] = "Choose the officer asked for"
        if invite_chief:
            self.fields["officer"].label = "Chief Officer invited"
            del self.fields["chief_officer"]
        else:
            _choices(self, "chief_officer", _officers(council, chief_only=True))


class BriefingRequestForm(InputRulesForm):
    officer = forms.TypedChoiceField(coerce=int, label="Chief Officer or head of unit")
    subject = forms.CharField(
        label="Subject",
        max_length=Briefing._meta.get_field("subject").max_length,
        error_messages={"required": "Enter the subject"},
    )
    details = forms.CharField(
        label="What you would like to know", widget=forms.Textarea, required=False, max_length=5000
    )
    confidential = forms.BooleanField(
        label="A private and confidential briefing (else information offered to the other groups)",
        required=False,
        initial=True,
    )
    decision_pending = forms.BooleanField(
        label="The matter awaits a decision of the Council or one of its bodies", required=False
    )

    def __init__(self, *args: Any, council: Council, **kwargs: Any):
        super().__init__(*args, **kwargs)
        officers = Officer.objects.filter(council=council, is_active=True).filter(
            grade__in=(Officer.Grade.CHIEF_OFFICER, Officer.Grade.HEAD_OF_SERVICE)
        ) | Officer.objects.filter(council=council, is_active=True, services_headed__isnull=False)
        _choices(
            self,
            "officer",
            [("", "Choose an officer")]
            + [
                (str(o.pk), f"{o.name}, {o.job_title}")
                for o in officers.distinct().order_by("name")
            ],
        )
        self.fields["officer"].error_messages["required"] = "Choose the officer"


class EmptyForm(InputRulesForm):
    pass


class OfferAnswerForm(InputRulesForm):
    """Take up or decline an offer (D 7.4(b)(v), N 15): the page's two buttons post `answer`."""

    answer = forms.ChoiceField(
        choices=[("take-up", "Take up the offer"), ("decline", "Decline")],
        label="Your group's answer",
        error_messages={
            "required": "Choose whether to take up the offer",
            "invalid_choice": "Choose whether to take up the offer",
        },
    )

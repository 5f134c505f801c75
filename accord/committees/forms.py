"""The web forms of meetings, agendas, proposals and decision records, under the input rules
(`accord.core.forms`): a bad value is named by its label and nothing is saved."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms

from accord.core.forms import InputRulesForm
from accord.councils.models import Committee, Council, Member, Officer
from accord.protocol.calendar import LONDON

from .models import AgendaItem, DecisionRecord, ItemProposal, Meeting


def _required(label: str) -> dict[str, str]:
    return {"required": f"Enter {label[0].lower()}{label[1:]}"}


def _lines(label: str, *, required: bool = True, help_text: str = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        widget=forms.Textarea,
        required=required,
        help_text=help_text,
        error_messages=_required(label),
    )


def _line(label: str, max_length: int = 200, *, required: bool = True) -> forms.CharField:
    return forms.CharField(
        label=label, max_length=max_length, required=required, error_messages=_required(label)
    )


def _pick(label: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        coerce=int,
        error_messages={"required": f"Select {label[0].lower()}{label[1:]}"},
    )


class EmptyForm(forms.Form):
    pass


class ItemProposeForm(InputRulesForm):
    title = _line("Title of the item")
    summary = _lines("Summary of the report", required=False)
    must_add = forms.ChoiceField(
        label="Must it be on the agenda?",
        required=False,
        choices=[
            ("", "No: the Chair decides"),
            (AgendaItem.Reason.LEGAL_PERIOD.value, AgendaItem.Reason.LEGAL_PERIOD.label),
            (AgendaItem.Reason.STATUTORY_OFFICER.value, AgendaItem.Reason.STATUTORY_OFFICER.label),
        ],
    )
    legal_period = _line("The period within which it must legally be decided", required=False)


class _ItemForm(InputRulesForm):
    item = _pick("Item")

    def __init__(self, *args: Any, meeting: Meeting, states: tuple[str, ...], **kwargs: Any):
        super().__init__(*args, **kwargs)
        items = meeting.items.filter(state__in=states)
        self.fields["item"].choices = [("", "Select an item")] + [  # type: ignore[attr-defined]
            (i.pk, i.title) for i in items
        ]


class ItemIncludeForm(_ItemForm):
    pass


class ItemRemoveForm(_ItemForm):
    reason = _lines("Reason for leaving it off the agenda")


class ProposalRaiseForm(InputRulesForm):
    title = _line("Title of the item")
    relevance = _lines("Why the item is relevant to the committee")


class _ProposalForm(InputRulesForm):
    proposal = _pick("Proposal")

    def __init__(self, *args: Any, meeting: Meeting, member: Member | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        open_ = meeting.proposals.filter(state=ItemProposal.State.COLLECTING)
        self.fields["proposal"].choices = [("", "Select a proposal")] + [  # type: ignore[attr-defined]
            (p.pk, p.title) for p in open_
        ]


class ProposalSignForm(_ProposalForm):
    pass


class ProposalSubmitForm(_ProposalForm):
    pass


class ProposalRefuseForm(_ProposalForm):
    reason = _lines("Why it is not a relevant item")


class ReasonForm(InputRulesForm):
    reason = _lines("Reason")


class AdviceForm(InputRulesForm):
    text = _lines(
        "Your professional advice",
        help_text="Once submitted it is on record: nobody can change, hide or delete it. You may "
        "later issue a correction, which is kept beside it.",
    )


class CorrectionForm(InputRulesForm):
    text = _lines("The corrected advice")
    reason = _lines("What the correction changes, and why")


class DecisionTakeForm(InputRulesForm):
    text = _lines("The decision taken")


class MeetingMoveForm(InputRulesForm):
    day = forms.DateField(
        label="Date of the meeting",
        help_text="For example 2027-03-16",
        error_messages={**_required("Date of the meeting"), "invalid": "Enter a real date"},
    )
    start = forms.TimeField(
        label="Start time",
        help_text="For example 18:30",
        error_messages={**_required("Start time"), "invalid": "Enter a time like 18:30"},
    )
    hours = forms.IntegerField(
        label="Length in hours",
        min_value=1,
        max_value=12,
        initial=2,
        error_messages=_required("Length in hours"),
    )
    place = _line("Place")

    def starts_at(self) -> dt.datetime:
        return dt.datetime.combine(
            self.cleaned_data["day"], self.cleaned_data["start"], tzinfo=LONDON
        )


class MeetingCreateForm(MeetingMoveForm):
    committee = _pick("Committee or Cabinet")
    publication_date = forms.DateField(
        label="Date the agenda is published",
        help_text="For example 2027-03-08",
        error_messages={
            **_required("Date the agenda is published"),
            "invalid": "Enter a real date",
        },
    )
    field_order = ["committee", "day", "start", "hours", "place", "publication_date"]

    def __init__(self, *args: Any, council: Council, **kwargs: Any):
        super().__init__(*args, **kwargs)
        kinds = (Committee.Kind.CABINET, Committee.Kind.COMMITTEE, Committee.Kind.SCRUTINY)
        committees = council.committees.filter(kind__in=kinds)
        self.fields["committee"].choices = [("", "Select a committee")] + [  # type: ignore[attr-defined]
            (c.pk, c.name) for c in committees
        ]


class DecisionCreateForm(InputRulesForm):
    matter = _line("The matter to be decided")
    maker = forms.ChoiceField(
        label="Decision maker",
        choices=[("", "Select who decides"), *DecisionRecord.Maker.choices],
        error_messages={"required": "Select who decides"},
    )
    maker_member = forms.TypedChoiceField(
        label="The Leader or Cabinet Member (for their decisions)", coerce=int, required=False
    )
    maker_committee = forms.TypedChoiceField(
        label="The Cabinet or committee (for their decisions)", coerce=int, required=False
    )
    report = _lines("The report")
    officer = _pick("Appropriate officer who gives professional advice")

    def __init__(self, *args: Any, council: Council, **kwargs: Any):
        super().__init__(*args, **kwargs)
        members = Member.objects.filter(
            council=council, is_active=True, offices__kind__in=["leader", "cabinet-member"]
        ).distinct()
        self.fields["maker_member"].choices = [("", "Not a Member's decision")] + [  # type: ignore[attr-defined]
            (m.pk, m.name) for m in members
        ]
        committees = council.committees.exclude(kind=Committee.Kind.WORKING_GROUP)
        self.fields["maker_committee"].choices = [("", "Not a body's decision")] + [  # type: ignore[attr-defined]
            (c.pk, c.name) for c in committees
        ]
        officers = Officer.objects.filter(council=council, is_active=True)
        self.fields["officer"].choices = [("", "Select an officer")] + [  # type: ignore[attr-defined]
            (o.pk, f"{o.name}, {o.job_title}") for o in officers
        ]

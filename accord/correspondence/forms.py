"""Forms for the correspondence, press and publicity pages: input checks only (labels name each field, the
limits are the models'); the protocol's rules are the services'."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms

from accord.core import clock
from accord.core.forms import InputRulesForm
from accord.core.text import field_max_length
from accord.correspondence import rules
from accord.correspondence.models import (
    Correspondence,
    IctAgreement,
    InformationRequest,
    PreElectionPeriod,
    PressEnquiry,
    PublicityRequest,
    SupportRequest,
)
from accord.councils.models import Council, Member, Officer, PoliticalGroup

Letter = Correspondence


def _text(
    model: type,
    field: str,
    label: str,
    *,
    required: bool = True,
    lines: bool = True,
    hint: str = "",
) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        max_length=field_max_length(model, field),
        widget=forms.Textarea if lines else forms.TextInput,
        help_text=hint,
    )


class GovukForm(InputRulesForm):
    """A form whose widgets carry the GOV.UK Frontend classes (`correspondence/_field.html` draws them)."""

    CLASSES = {
        forms.Textarea: "govuk-textarea",
        forms.SelectMultiple: "govuk-select accord-select-multiple",
        forms.Select: "govuk-select",
        forms.CheckboxInput: "govuk-checkboxes__input",
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.widgets_style()

    def widgets_style(self) -> None:
        for field in self.fields.values():
            css = next(
                (c for widget, c in self.CLASSES.items() if isinstance(field.widget, widget)),
                "govuk-input",
            )
            field.widget.attrs["class"] = css


class CorrespondenceForm(GovukForm):
    """Draft a letter or e-mail: what it says, to whom, and in whose name (D 8.1, D 8.2, D 8.4, D 10.6)."""

    subject = _text(Letter, "subject", "Subject", lines=False)
    recipients = _text(
        Letter,
        "recipients",
        "To",
        lines=False,
        hint="The intended recipients, as the letter names them.",
    )
    body = _text(Letter, "body", "The letter or e-mail")
    signed_as = forms.ChoiceField(label="In whose name it goes", choices=Letter.SignedAs.choices)
    basis = forms.ChoiceField(
        label="Why it goes in that name",
        choices=Letter.Basis.choices,
        help_text="A Member writes in their own name only to a constituent about a local matter, or as the "
        "Leader or a Cabinet Member about their area of responsibility (D 8.2).",
    )
    officer = forms.ModelChoiceField(
        label="The officer in whose name it goes",
        queryset=Officer.objects.none(),
        required=False,
        help_text="Leave empty for your own name.",
    )
    on_behalf_of_council = forms.BooleanField(
        label="It creates legal obligations or gives instructions on behalf of the Council",
        required=False,
    )
    audience = forms.ChoiceField(label="Who it goes to", choices=Letter.Audience.choices)
    audience_group = forms.ModelChoiceField(
        label="The group (for a message to a whole group)",
        queryset=PoliticalGroup.objects.none(),
        required=False,
    )
    audience_reason = _text(
        Letter,
        "audience_reason",
        "The reason it goes to every Member or a whole group",
        required=False,
        hint="Needed for anything but the intended recipients only (D 8.1).",
    )
    no_political_comment = forms.BooleanField(
        label="It carries no political comment and no criticism of policy adopted by Full Council",
        required=False,
    )

    def __init__(self, *args: Any, council: Council, member: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        officer = self.fields["officer"]
        group = self.fields["audience_group"]
        assert isinstance(officer, forms.ModelChoiceField) and isinstance(
            group, forms.ModelChoiceField
        )
        officer.queryset = Officer.objects.filter(council=council, is_active=True)
        group.queryset = PoliticalGroup.objects.filter(council=council)
        if not member:
            signed = self.fields["signed_as"]
            assert isinstance(signed, forms.ChoiceField)
            signed.choices = [(Letter.SignedAs.OFFICER, Letter.SignedAs.OFFICER.label)]


class AdviceRequestForm(GovukForm):
    officer = forms.ModelChoiceField(
        label="The officer whose advice you want", queryset=Officer.objects.none()
    )
    question = _text(Letter, "advice_question", "Your question")

    def __init__(self, *args: Any, council: Council, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        officer = self.fields["officer"]
        assert isinstance(officer, forms.ModelChoiceField)
        officer.queryset = Officer.objects.filter(council=council, is_active=True)


class TextForm(GovukForm):
    """One text area, its label and limit given."""

    def __init__(
        self, *args: Any, label: str, max_length: int, required: bool = True, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["text"] = forms.CharField(
            label=label, required=required, max_length=max_length, widget=forms.Textarea
        )
        self.widgets_style()


class EmptyForm(forms.Form):
    pass


class ReviewForm(GovukForm):
    """The Communications Team's review against the Code of Recommended Practice (D 10.3-10.6)."""

    decision = forms.ChoiceField(
        label="Decision", choices=[("", "Choose"), ("approve", "Approve"), ("decline", "Decline")]
    )
    note = _text(PublicityRequest, "review_note", "Note (needed to decline)", required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for key, label in rules.PUBLICITY_CODE:
            self.fields[f"check_{key.replace('-', '_')}"] = forms.BooleanField(
                label=label, required=False
            )
        self.widgets_style()

    @staticmethod
    def checks_of(data: dict[str, Any]) -> list[str]:
        """The Code's checks ticked in the form's cleaned data, by key."""
        return [
            key for key, _ in rules.PUBLICITY_CODE if data.get(f"check_{key.replace('-', '_')}")
        ]


class PressEnquiryForm(GovukForm):
    outlet = _text(PressEnquiry, "outlet", "Newspaper, broadcaster or website", lines=False)
    journalist = _text(PressEnquiry, "journalist", "Journalist", lines=False)
    contact = _text(
        PressEnquiry, "contact", "Their telephone or e-mail", lines=False, required=False
    )
    question = _text(PressEnquiry, "question", "What they asked")
    received_on = forms.DateField(
        label="Day received (YYYY-MM-DD)", required=False, help_text="Empty: now."
    )


class PublicityForm(GovukForm):
    title = _text(PublicityRequest, "title", "Title", lines=False)
    content = _text(PublicityRequest, "content", "What the publicity says")
    channel = forms.ChoiceField(label="Channel", choices=PublicityRequest.Channel.choices)
    capacity = forms.ChoiceField(label="Capacity", choices=PublicityRequest.Capacity.choices)
    featured = forms.ModelMultipleChoiceField(
        label="Members featured",
        queryset=Member.objects.none(),
        required=False,
        widget=forms.SelectMultiple,
    )

    def __init__(self, *args: Any, council: Council, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        featured = self.fields["featured"]
        assert isinstance(featured, forms.ModelMultipleChoiceField)
        featured.queryset = Member.objects.filter(council=council, is_active=True)


class InformationRequestForm(GovukForm):
    regime = forms.ChoiceField(label="Kind of request", choices=InformationRequest.Regime.choices)
    requester = _text(InformationRequest, "requester", "Who made the request", lines=False)
    request = _text(InformationRequest, "request", "The request, in the requester's words")
    terms = _text(
        InformationRequest, "terms", "Search for (a person, place or subject)", lines=False
    )
    date_from = forms.DateField(label="Period searched: from (YYYY-MM-DD)")
    date_to = forms.DateField(label="Period searched: to (YYYY-MM-DD)")
    received_on = forms.DateField(label="Day received (YYYY-MM-DD)")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("date_from"), data.get("date_to")
        if isinstance(start, dt.date) and isinstance(end, dt.date) and start > end:
            self.add_error(
                "date_from", "Period searched: from must be on or before the day it ends"
            )
        received = data.get("received_on")
        if isinstance(received, dt.date) and received > clock.today():
            self.add_error("received_on", "Day received cannot be in the future")
        return data


class PeriodForm(GovukForm):
    """A pre-election period of the council calendar (D 10.4)."""

    election = _text(PreElectionPeriod, "election", "Election", lines=False)
    notice_of_election = forms.DateField(label="Notice of election (YYYY-MM-DD)")
    polling_day = forms.DateField(label="Polling day (YYYY-MM-DD)")
    standing = forms.ModelMultipleChoiceField(
        label="Members standing for election", queryset=Member.objects.none(), required=False
    )

    def __init__(self, *args: Any, council: Council, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        standing = self.fields["standing"]
        assert isinstance(standing, forms.ModelMultipleChoiceField)
        standing.queryset = Member.objects.filter(council=council, is_active=True)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("notice_of_election"), data.get("polling_day")
        if isinstance(start, dt.date) and isinstance(end, dt.date) and start > end:
            self.add_error(
                "notice_of_election", "Notice of election must be on or before polling day"
            )
        return data


class AgreementForm(GovukForm):
    """A new version of the Members' ICT User Agreement, as the council uploads it (D 9)."""

    version = _text(IctAgreement, "version", "Version", lines=False, hint="For example 2026-1.")
    text = _text(IctAgreement, "text", "The agreement's text")


class SupportForm(GovukForm):
    """A Member's support request (D 9)."""

    kind = forms.ChoiceField(label="What you need", choices=SupportRequest.Kind.choices)
    details = _text(SupportRequest, "details", "Details")
    council_business = forms.BooleanField(
        label="It is for Council business only: not for party-political activity or self-promotion",
        required=False,
    )


class SupportDecideForm(GovukForm):
    decision = forms.ChoiceField(
        label="Decision", choices=[("provide", "Provided"), ("decline", "Declined")]
    )
    note = _text(SupportRequest, "details", "Note", required=False, lines=False)

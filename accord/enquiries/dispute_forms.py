"""Forms for the N 17 dispute pages: input checks only; who may take a step is the services' (GOV.UK wording)."""

from __future__ import annotations

from typing import Any

from django import forms

from accord.core.forms import InputRulesForm
from accord.councils.models import Council, Member
from accord.enquiries.forms import ChoicesMixin, _choices
from accord.enquiries.services.disputes import DOCUMENT_MAX


class DisputeOpenForm(ChoicesMixin, InputRulesForm):
    """A Chief Officer records declining a document a Member asked for (N 17)."""

    member = forms.TypedChoiceField(
        label="Member", coerce=int, error_messages={"required": "Select the Member"}
    )
    document = forms.CharField(
        label="The document the Member asked for",
        max_length=DOCUMENT_MAX,
        error_messages={
            "required": "Enter the document the Member asked for",
            "max_length": f"Name the document in {DOCUMENT_MAX} characters or fewer",
        },
    )
    reason = forms.CharField(
        label="Why the Member is not entitled to it",
        widget=forms.Textarea,
        error_messages={"required": "Enter why the Member is not entitled to the document"},
    )

    def __init__(self, *args: Any, council: Council, member: Member | None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        if member is not None:
            del self.fields["member"]
        else:
            self._set_choices(
                "member",
                _choices(
                    Member.objects.filter(council=council).order_by("name"), "Select a Member"
                ),
            )


class DisputeDecisionForm(InputRulesForm):
    """A decision: whether the Member is entitled to the document, and its reasons."""

    entitled = forms.TypedChoiceField(
        label="Is the Member entitled to the document?",
        choices=[("yes", "Yes, the Member is entitled to it"), ("no", "No, the Member is not")],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether the Member is entitled to the document"},
    )
    decision = forms.CharField(widget=forms.Textarea)

    def __init__(self, *args: Any, label: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["decision"]
        field.label = label
        field.error_messages["required"] = f"Enter {label[0].lower()}{label[1:]}"

"""Forms for questions and rulings: input checks only (GOV.UK wording)."""

from __future__ import annotations

from typing import Any

from django import forms

from accord.core.forms import InputRulesForm
from accord.protocol import Profile
from accord.rulings.models import TEXT_MAX


def paragraph_choices(profile: Profile, empty: str) -> list[tuple[str, str]]:
    return [("", empty), *((p.id, f"{p.label}: {p.heading}") for p in profile.paragraphs)]


class QuestionAskForm(InputRulesForm):
    question = forms.CharField(
        label="Your question",
        widget=forms.Textarea,
        max_length=TEXT_MAX,
        error_messages={"required": "Enter your question"},
    )
    paragraph = forms.ChoiceField(label="The paragraph it is about (optional)", required=False)

    def __init__(self, *args: Any, profile: Profile, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["paragraph"].choices = paragraph_choices(profile, "Not a particular paragraph")  # type: ignore[attr-defined]


class RulingForm(InputRulesForm):
    paragraph = forms.ChoiceField(
        label="Paragraph", error_messages={"required": "Choose the paragraph the ruling interprets"}
    )
    interpretation = forms.CharField(
        label="How the paragraph is to be read",
        widget=forms.Textarea,
        max_length=TEXT_MAX,
        error_messages={"required": "Enter how the paragraph is to be read"},
    )

    def __init__(self, *args: Any, profile: Profile, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["paragraph"].choices = paragraph_choices(profile, "Choose a paragraph")  # type: ignore[attr-defined]


class TextForm(InputRulesForm):
    text = forms.CharField(widget=forms.Textarea, max_length=TEXT_MAX)

    def __init__(self, *args: Any, label: str = "Text", required: bool = True, **kwargs: Any):
        super().__init__(*args, **kwargs)
        field = self.fields["text"]
        field.label = label
        field.required = required
        field.error_messages["required"] = f"Enter {label[0].lower()}{label[1:]}"

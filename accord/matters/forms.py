"""Forms for local matters: input checks only (each message names its field); the protocol's rules are the
services'."""

from __future__ import annotations

import json
from typing import Any

from django import forms

from accord.core.clock import LONDON
from accord.core.forms import InputRulesForm
from accord.core.text import field_max_length
from accord.councils.models import Council
from accord.councils.places import Place
from accord.matters.models import Matter
from accord.matters.rules import matter_kinds
from accord.protocol import load_profile

DATE_HINT = "For example 2027-03-31"
MOMENT_HINT = "London time, for example 2027-03-31 18:30"
POLYGON_MAX = 100_000
PLACE_FIELDS = ("postcode", "latitude", "longitude", "easting", "northing", "polygon")


def _text(label: str, model_field: str, **kw: Any) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=field_max_length(Matter, model_field),
        error_messages={"required": f"Enter the {label.lower()}"},
        **kw,
    )


class MomentField(forms.DateTimeField):
    """A date and time in London (the meeting's time)."""

    def to_python(self, value: Any) -> Any:
        result = super().to_python(value)
        if result is not None:
            result = result.astimezone(LONDON) if result.tzinfo else result.replace(tzinfo=LONDON)
        return result


def place_from(data: dict[str, Any]) -> Place | None:
    """The place given in the form or API input, or None. Raises `forms.ValidationError` keyed by field
    for a half-given point or a polygon that is not GeoJSON."""
    given = {k: data.get(k) for k in PLACE_FIELDS if data.get(k) not in (None, "")}
    if not given:
        return None
    errors: dict[str, str] = {}
    if ("latitude" in given) != ("longitude" in given):
        errors["longitude" if "latitude" in given else "latitude"] = (
            "Enter both the latitude and the longitude"
        )
    if ("easting" in given) != ("northing" in given):
        errors["northing" if "easting" in given else "easting"] = (
            "Enter both the easting and the northing"
        )
    polygon = given.get("polygon")
    if isinstance(polygon, str):
        try:
            polygon = json.loads(polygon)
        except (ValueError, RecursionError):
            errors["polygon"] = "Enter the drawn area as a GeoJSON Polygon"
    if polygon is not None and not isinstance(polygon, dict):
        errors["polygon"] = "Enter the drawn area as a GeoJSON Polygon"
    ways = sum(
        1
        for present in (
            "postcode" in given,
            "latitude" in given or "longitude" in given,
            "easting" in given or "northing" in given,
            "polygon" in given,
        )
        if present
    )
    if ways > 1:
        errors.setdefault(
            "postcode",
            "Give the place one way only: a postcode, a point, a grid point or a drawn area",
        )
    if errors:
        raise forms.ValidationError(errors)
    return Place(
        postcode=str(given.get("postcode") or ""),
        latitude=given.get("latitude"),
        longitude=given.get("longitude"),
        easting=given.get("easting"),
        northing=given.get("northing"),
        polygon=polygon if isinstance(polygon, dict) else None,
    )


class PlaceFields(InputRulesForm):
    """A place to find the areas from (D 5.3, N 21): a postcode, a point, a grid point or a drawn area."""

    postcode = forms.CharField(label="Postcode", max_length=20, required=False)
    latitude = forms.FloatField(label="Latitude", required=False, min_value=-90, max_value=90)
    longitude = forms.FloatField(label="Longitude", required=False, min_value=-180, max_value=180)
    easting = forms.FloatField(
        label="Easting (OS grid)", required=False, min_value=0, max_value=800_000
    )
    northing = forms.FloatField(
        label="Northing (OS grid)", required=False, min_value=0, max_value=1_400_000
    )
    polygon = forms.CharField(
        label="Drawn area (GeoJSON Polygon)",
        required=False,
        max_length=POLYGON_MAX,
        widget=forms.Textarea,
    )
    areas = forms.MultipleChoiceField(label="Areas", required=False)

    def __init__(self, *args: Any, council: Council, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.council = council
        noun = council.area_noun
        field = self.fields["areas"]
        assert isinstance(field, forms.MultipleChoiceField)
        field.label = f"The {noun}s it affects"
        field.choices = [(str(a.pk), a.name) for a in council.areas.order_by("name")]
        field.error_messages["invalid_choice"] = f"Choose {noun}s of {council.name}"

    def clean(self) -> dict[str, Any]:
        data: dict[str, Any] = super().clean() or {}
        if not any(k in self.errors for k in PLACE_FIELDS):
            try:
                data["place"] = place_from(data)
            except forms.ValidationError as error:
                for field, messages in error.message_dict.items():
                    for message in messages:
                        self.add_error(field, message)
        data["area_objects"] = list(
            self.council.areas.filter(pk__in=[int(pk) for pk in data.get("areas") or []])
        )
        return data


class MatterRecordForm(PlaceFields):
    title = _text("Title", "title")
    summary = forms.CharField(
        label="Summary", widget=forms.Textarea, error_messages={"required": "Enter the summary"}
    )
    kind = forms.ChoiceField(
        label="Kind of matter", error_messages={"required": "Choose the kind of matter"}
    )
    service = forms.TypedChoiceField(
        label="Service", coerce=int, error_messages={"required": "Choose the service"}
    )
    responsible_officer = forms.TypedChoiceField(
        label="Responsible officer",
        coerce=int,
        error_messages={"required": "Choose the officer responsible"},
    )
    starts_on = forms.DateField(
        label="Date it starts",
        required=False,
        help_text="When the consultation opens, the decision is taken or the work begins. "
        + DATE_HINT,
    )
    whole_council = forms.BooleanField(label="It affects the whole council", required=False)
    meeting_start = MomentField(label="Meeting starts", required=False, help_text=MOMENT_HINT)
    meeting_end = MomentField(label="Meeting ends", required=False, help_text=MOMENT_HINT)
    location = _text("Meeting place", "location", required=False)

    field_order = [
        "title",
        "summary",
        "kind",
        "service",
        "responsible_officer",
        "starts_on",
        "areas",
        "whole_council",
        *PLACE_FIELDS,
        "meeting_start",
        "meeting_end",
        "location",
    ]

    def __init__(self, *args: Any, council: Council, **kwargs: Any) -> None:
        super().__init__(*args, council=council, **kwargs)
        self._set("kind", [("", "Choose a kind"), *matter_kinds(load_profile(council.profile))])
        self._set(
            "service",
            [
                ("", "Choose a service"),
                *((s.pk, s.name) for s in council.services.order_by("name")),
            ],
        )
        officers = council.officers.filter(is_active=True).order_by("name")
        self._set(
            "responsible_officer",
            [("", "Choose an officer"), *((o.pk, f"{o.name}, {o.job_title}") for o in officers)],
        )

    def _set(self, name: str, choices: list[Any]) -> None:
        field = self.fields[name]
        assert isinstance(field, forms.ChoiceField)
        field.choices = choices


class MatterUpdateForm(InputRulesForm):
    title = _text("Title", "title")
    summary = forms.CharField(
        label="Summary", widget=forms.Textarea, error_messages={"required": "Enter the summary"}
    )
    starts_on = forms.DateField(label="Date it starts", required=False, help_text=DATE_HINT)
    note = forms.CharField(
        label="What changed (told to the Members)", required=False, widget=forms.Textarea
    )

    def __init__(self, *args: Any, matter: Matter, **kwargs: Any) -> None:
        kwargs.setdefault(
            "initial",
            {"title": matter.title, "summary": matter.summary, "starts_on": matter.starts_on},
        )
        super().__init__(*args, **kwargs)


class MeetingChangeForm(InputRulesForm):
    meeting_start = MomentField(
        label="Meeting starts",
        help_text=MOMENT_HINT,
        error_messages={"required": "Enter when the meeting starts"},
    )
    meeting_end = MomentField(
        label="Meeting ends",
        help_text=MOMENT_HINT,
        error_messages={"required": "Enter when the meeting ends"},
    )
    location = _text("Meeting place", "location", required=False)

    def __init__(self, *args: Any, matter: Matter, **kwargs: Any) -> None:
        start = matter.meeting_start.astimezone(LONDON) if matter.meeting_start else None
        end = matter.meeting_end.astimezone(LONDON) if matter.meeting_end else None
        kwargs.setdefault(
            "initial",
            {
                "meeting_start": f"{start:%Y-%m-%d %H:%M}" if start else "",
                "meeting_end": f"{end:%Y-%m-%d %H:%M}" if end else "",
                "location": matter.location,
            },
        )
        super().__init__(*args, **kwargs)

    def clean(self) -> dict[str, Any]:
        data: dict[str, Any] = super().clean() or {}
        start, end = data.get("meeting_start"), data.get("meeting_end")
        if start and end and end <= start:
            self.add_error("meeting_end", "The meeting must end after it starts")
        return data


class TextForm(InputRulesForm):
    text = forms.CharField(widget=forms.Textarea)

    def __init__(
        self, *args: Any, label: str = "Text", required: bool = True, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["text"].label = label
        self.fields["text"].required = required
        self.fields["text"].error_messages["required"] = f"Enter {label[0].lower()}{label[1:]}"


class EmptyForm(forms.Form):
    pass


class MatterFilterForm(forms.Form):
    kind = forms.ChoiceField(label="Kind", required=False)

    def __init__(self, *args: Any, council: Council, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["kind"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", "All kinds"), *matter_kinds(load_profile(council.profile))]

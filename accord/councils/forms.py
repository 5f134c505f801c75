"""Forms of the council model's pages."""

from __future__ import annotations

from typing import Any

from django import forms

from accord.core.errors import AccordError

from .models import Council
from .places import Place, PlaceAreas, areas_for_place


def _number(label: str, low: float, high: float, unit: str) -> forms.FloatField:
    return forms.FloatField(
        label=label,
        required=False,
        min_value=low,
        max_value=high,
        error_messages={
            "invalid": f"Enter the {label.lower()} as a number of {unit}",
            "min_value": f"Enter a {label.lower()} of at least {low:g} {unit}",
            "max_value": f"Enter a {label.lower()} of at most {high:g} {unit}",
        },
    )


class PlaceForm(forms.Form):
    """Which wards or divisions does a place affect (D 5.3, N 21)? A postcode, a point or a grid
    reference; the answer (or the refusal, on the field it concerns) comes from `areas_for_place`."""

    postcode = forms.CharField(label="Postcode", required=False, max_length=20)
    latitude = _number("Latitude", -90, 90, "degrees")
    longitude = _number("Longitude", -180, 180, "degrees")
    easting = _number("Easting", 0, 700_000, "metres")
    northing = _number("Northing", 0, 1_300_000, "metres")

    def lookup(self, council: Council) -> PlaceAreas | None:
        """The areas the place affects, or None with the problem added to its field."""
        if not self.is_valid():
            return None
        data: dict[str, Any] = self.cleaned_data
        try:
            return areas_for_place(
                council,
                Place(
                    postcode=data.get("postcode") or "",
                    latitude=data.get("latitude"),
                    longitude=data.get("longitude"),
                    easting=data.get("easting"),
                    northing=data.get("northing"),
                ),
            )
        except AccordError as exc:
            field = exc.field if exc.field in self.fields else "postcode"
            self.add_error(field, exc.message)
            self.citations = exc.citations
            return None

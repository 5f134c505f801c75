"""The API's inputs for local matters: each text repeats the model's limit and refuses control characters;
dates and times are bounded (`accord.api.inputs`)."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field

from accord.api.inputs import Day, Fits, Id, Input, Moment, fits
from accord.matters.forms import POLYGON_MAX
from accord.matters.models import ConsultationResponse, Matter


class MatterPlaceFields(Input):
    """A place, given one way: `postcode`; `latitude` + `longitude` (WGS84); `easting` + `northing` (OS
    grid metres); or `polygon`, a GeoJSON Polygon geometry (WGS84 longitude/latitude)."""

    postcode: Annotated[str, Fits(max_length=20)] = ""
    latitude: Annotated[float, Field(ge=-90, le=90)] | None = None
    longitude: Annotated[float, Field(ge=-180, le=180)] | None = None
    easting: Annotated[float, Field(ge=0, le=800_000)] | None = None
    northing: Annotated[float, Field(ge=0, le=1_400_000)] | None = None
    polygon: dict[str, Any] | None = Field(
        None, description=f"A GeoJSON Polygon, at most {POLYGON_MAX} characters as JSON"
    )


class MatterIn(MatterPlaceFields):
    title: Annotated[str, fits(Matter, "title")] = Field(min_length=1)
    summary: Annotated[str, fits(Matter, "summary")] = Field(min_length=1)
    kind: Annotated[str, Fits(max_length=60)] = Field(
        description="policy, operational, consultation, public-meeting, or a kind the profile lists"
    )
    service_id: Id
    responsible_officer_id: Id
    starts_on: Day | None = Field(None, description="When the matter starts (a meeting: its day)")
    area_ids: list[Id] = Field(default_factory=list, max_length=500)
    whole_council: bool = False
    meeting_start: Moment | None = None
    meeting_end: Moment | None = None
    location: Annotated[str, fits(Matter, "location")] = ""


class MatterAreasIn(MatterPlaceFields):
    area_ids: list[Id] = Field(default_factory=list, max_length=500)


class MatterUpdateIn(Input):
    title: Annotated[str, fits(Matter, "title")] = Field(min_length=1)
    summary: Annotated[str, fits(Matter, "summary")] = Field(min_length=1)
    starts_on: Day | None = None
    note: Annotated[str, Fits(max_length=5000, multiline=True)] = ""


class MatterMeetingIn(Input):
    meeting_start: Moment
    meeting_end: Moment
    location: Annotated[str, fits(Matter, "location")] = ""


class MatterTextIn(Input):
    text: Annotated[str, fits(ConsultationResponse, "text")] = Field(min_length=1)


class MatterNoteIn(Input):
    note: Annotated[str, Fits(max_length=5000, multiline=True)] = ""

"""Read endpoints for the council model, always scoped to the caller's council (another council is a 404)."""

from __future__ import annotations

from typing import Annotated, Any

import shapely
import shapely.geometry
from django.http import HttpRequest
from ninja import Query, Router, Schema, Status
from pydantic import Field

from accord.api.auth import api_actor
from accord.api.inputs import Fits, Input, Slug
from accord.api.schemas import (
    AreaOut,
    CitationOut,
    ClosureDayOut,
    CommitteeOut,
    CouncilOut,
    GroupOut,
    InvalidOut,
    MemberOut,
    OfficerOut,
    ProtocolOut,
    ServiceOut,
)
from accord.core.access import council_for, council_list_for
from accord.core.errors import AccordError
from accord.councils import selectors
from accord.councils.boundaries import boundary_index
from accord.councils.geometry import EASTING_RANGE, MAX_DRAWN_VERTICES, NORTHING_RANGE
from accord.councils.models import Council, Member, Officer
from accord.councils.places import Place, areas_for_place
from accord.protocol import ProfileError, load_profile
from accord.protocol.coverage import coverage_report

router = Router(tags=["councils"])


def _council(request: HttpRequest, slug: Slug) -> Council:
    return council_for(api_actor(request), slug)


def _ref(person: Member | Officer | None) -> dict[str, Any] | None:
    return None if person is None else {"id": person.pk, "name": person.name}


@router.get("/councils", response=list[CouncilOut])
def council_list(request: HttpRequest) -> list[Council]:
    """The caller's council (every council for a platform admin)."""
    return council_list_for(api_actor(request))


@router.get("/councils/{slug}", response=CouncilOut)
def council_detail(request: HttpRequest, slug: Slug) -> Council:
    return _council(request, slug)


@router.get("/councils/{slug}/areas", response=list[AreaOut])
def council_areas(request: HttpRequest, slug: Slug) -> list[dict[str, Any]]:
    """Wards or divisions (the council's `area_noun`), each with its Members."""
    return [
        {
            "id": a.pk,
            "name": a.name,
            "code": a.code,
            "members": [_ref(m) for m in a.members.all()],
        }
        for a in selectors.council_area_list(_council(request, slug))
    ]


@router.get("/councils/{slug}/members", response=list[MemberOut])
def council_members(request: HttpRequest, slug: Slug) -> list[dict[str, Any]]:
    return [
        {
            "id": m.pk,
            "name": m.name,
            "email": m.email,
            "group": m.group.name if m.group else None,
            "areas": [a.name for a in m.areas.all()],
            "offices": [str(o) for o in m.offices.all()],
        }
        for m in selectors.council_member_list(_council(request, slug))
    ]


@router.get("/councils/{slug}/groups", response=list[GroupOut])
def council_groups(request: HttpRequest, slug: Slug) -> Any:
    return selectors.council_group_list(_council(request, slug))


@router.get("/councils/{slug}/committees", response=list[CommitteeOut])
def council_committees(request: HttpRequest, slug: Slug) -> list[dict[str, Any]]:
    committees = selectors.council_committee_list(_council(request, slug)).prefetch_related(
        "members"
    )
    return [
        {
            "id": c.pk,
            "name": c.name,
            "kind": c.kind,
            "members": [_ref(m) for m in c.members.all()],
        }
        for c in committees
    ]


@router.get("/councils/{slug}/services", response=list[ServiceOut])
def council_services(request: HttpRequest, slug: Slug) -> list[dict[str, Any]]:
    return [
        {
            "id": s.pk,
            "name": s.name,
            "kind": s.kind,
            "directorate": s.directorate.name if s.directorate else None,
            "head": _ref(s.head),
        }
        for s in selectors.council_service_list(_council(request, slug))
    ]


@router.get("/councils/{slug}/officers", response=list[OfficerOut])
def council_officers(request: HttpRequest, slug: Slug) -> list[dict[str, Any]]:
    return [
        {
            "id": o.pk,
            "name": o.name,
            "email": o.email,
            "job_title": o.job_title,
            "grade": o.grade,
            "service": o.service.name if o.service else None,
            "line_manager": _ref(o.line_manager),
            "statutory_roles": [
                {"role": r.role, "title": r.title} for r in o.statutory_roles.all()
            ],
        }
        for o in selectors.council_officer_list(_council(request, slug))
    ]


@router.get("/councils/{slug}/closure-days", response=list[ClosureDayOut])
def council_closure_days(request: HttpRequest, slug: Slug) -> Any:
    """Days the council's offices are closed: not working days for any deadline (D 6.3)."""
    return selectors.council_closure_day_list(_council(request, slug))


@router.get("/councils/{slug}/protocol", response=ProtocolOut)
def council_protocol(request: HttpRequest, slug: Slug) -> dict[str, Any]:
    """The council's protocol, paragraph by paragraph, with each paragraph's state and rules."""
    council = _council(request, slug)
    try:
        profile = load_profile(council.profile)
    except ProfileError as exc:
        raise AccordError(f"The protocol profile {council.profile!r} cannot be loaded") from exc
    states = {c.paragraph: c.state for c in coverage_report(profile, test_roots=[])}
    return {
        "profile": profile.key,
        "title": profile.title,
        "version": profile.version,
        "paragraphs": [
            {
                "id": p.id,
                "label": p.label,
                "heading": p.heading,
                "text": p.text,
                "parent": p.parent,
                "state": states.get(p.id, "not yet"),
                "rules": [
                    {"id": r.id, "kind": r.kind, "summary": r.summary}
                    for r in profile.rules_citing(p.id)
                ],
            }
            for p in profile.paragraphs
        ],
    }


# Places (D 5.3, N 21): which of the council's areas a place affects, and the boundaries themselves.


class PlaceAreaOut(Schema):
    id: int
    name: str
    code: str


class PlaceAreasOut(Schema):
    """The areas a place affects (name order), how they were found, and the paragraphs behind it."""

    areas: list[PlaceAreaOut]
    how: str
    citations: list[CitationOut]


class DrawnAreaIn(Input):
    polygon: dict[str, Any] = Field(
        description='A GeoJSON Polygon: {"type": "Polygon", "coordinates": [[[longitude, latitude], '
        f"...]]}}, each ring closed, at most {MAX_DRAWN_VERTICES} positions in all."
    )


def _degrees(low: float, high: float, what: str) -> Any:
    return Query(None, ge=low, le=high, allow_inf_nan=False, description=what)


def _place_answer(council: Council, place: Place) -> Status:
    """200 and the areas, or 422 naming the field as the client sent it (`latitude`, `polygon`), with
    the citations when the protocol is behind the refusal."""
    try:
        found = areas_for_place(council, place)
    except AccordError as exc:
        field = exc.field or "request"
        return Status(
            422,
            {
                "detail": f"{field}: {exc.message}",
                "citations": [c.to_dict() for c in exc.citations],
                "errors": [{"field": field, "message": exc.message}],
            },
        )
    return Status(
        200,
        {
            "areas": [{"id": a.pk, "name": a.name, "code": a.code} for a in found.areas],
            "how": found.how,
            "citations": [c.to_dict() for c in found.citations],
        },
    )


@router.get("/councils/{slug}/places/areas", response={200: PlaceAreasOut, 422: InvalidOut})
def council_place_areas(
    request: HttpRequest,
    slug: Slug,
    postcode: Annotated[str | None, Fits(max_length=20)] = Query(
        None, description="A UK postcode the council holds, like AC1 1AB."
    ),
    latitude: float | None = _degrees(-90, 90, "WGS84 degrees north; with longitude."),
    longitude: float | None = _degrees(-180, 180, "WGS84 degrees east; with latitude."),
    easting: float | None = _degrees(
        *EASTING_RANGE, "British National Grid metres; with northing."
    ),
    northing: float | None = _degrees(
        *NORTHING_RANGE, "British National Grid metres; with easting."
    ),
) -> Status:
    """The council's wards or divisions a place affects (D 5.3, N 21): give a postcode, or a latitude
    and longitude, or an easting and northing. A place on a boundary affects the areas on both sides. A
    postcode the council lacks, a point outside every area, or a place given two ways is a 422 naming
    the field."""
    council = _council(request, slug)
    place = Place(
        postcode=postcode or "",
        latitude=latitude,
        longitude=longitude,
        easting=easting,
        northing=northing,
    )
    return _place_answer(council, place)


@router.post("/councils/{slug}/places/areas", response={200: PlaceAreasOut, 422: InvalidOut})
def council_drawn_area_areas(request: HttpRequest, slug: Slug, payload: DrawnAreaIn) -> Status:
    """The council's wards or divisions a drawn area affects (D 5.3, N 21): every area it intersects,
    including one it touches only along a boundary. An invalid polygon (not closed, crossing itself, out
    of degree range, too many positions) or one outside every area is a 422 naming `polygon`.
    Nothing is saved."""
    council = _council(request, slug)
    return _place_answer(council, Place(polygon=payload.polygon))


@router.get("/councils/{slug}/areas/boundaries", response=dict[str, Any])
def council_area_boundaries(request: HttpRequest, slug: Slug) -> dict[str, Any]:
    """The council's area boundaries as a GeoJSON FeatureCollection (WGS84 longitude/latitude), one
    Feature per area with a boundary: properties `id`, `name`, `code`."""
    index = boundary_index(_council(request, slug))
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"id": ref.id, "name": ref.name, "code": ref.code},
                "geometry": shapely.geometry.mapping(shape),
            }
            for ref, shape in zip(index.areas, index.shapes, strict=True)
        ],
    }

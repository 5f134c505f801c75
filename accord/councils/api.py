"""Read endpoints for the council model, always scoped to the caller's council (another council is a 404)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router

from accord.api.auth import api_actor
from accord.api.inputs import Slug
from accord.api.schemas import (
    AreaOut,
    ClosureDayOut,
    CommitteeOut,
    CouncilOut,
    GroupOut,
    MemberOut,
    OfficerOut,
    ProtocolOut,
    ServiceOut,
)
from accord.core.access import council_for, council_list_for
from accord.core.errors import AccordError
from accord.councils import selectors
from accord.councils.models import Council, Member, Officer
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

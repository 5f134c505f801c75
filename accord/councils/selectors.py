"""Reads of the council model. Callers pass a council they have already authorised (`core.access.council_for`)."""

from __future__ import annotations

import datetime as dt
from typing import TypedDict

from django.db.models import Prefetch, QuerySet

from accord.councils.models import (
    Area,
    ClosureDay,
    Committee,
    Council,
    Member,
    Office,
    Officer,
    PoliticalGroup,
    Service,
    StatutoryRole,
)
from accord.councils.postcodes import postcode_normalise


class CouncilCounts(TypedDict):
    areas: int
    members: int
    groups: int
    committees: int
    services: int
    officers: int
    closure_days: int


def council_counts(council: Council) -> CouncilCounts:
    return {
        "areas": council.areas.count(),
        "members": council.members.filter(is_active=True).count(),
        "groups": council.groups.count(),
        "committees": council.committees.count(),
        "services": council.services.count(),
        "officers": council.officers.filter(is_active=True).count(),
        "closure_days": council.closure_days.count(),
    }


def council_area_list(council: Council) -> QuerySet[Area]:
    """Wards or divisions, each with its active Members (and their groups)."""
    members = Member.objects.filter(is_active=True).select_related("group").order_by("name")
    return council.areas.prefetch_related(Prefetch("members", queryset=members)).order_by("name")


def area_for_postcode(council: Council, postcode: str) -> Area | None:
    """The council's ward or division holding `postcode` (any case or spacing), from the council's own
    postcode data only; None when it has no such postcode. A malformed postcode raises AccordError."""
    return council.areas.filter(
        postcodes__council=council, postcodes__postcode=postcode_normalise(postcode)
    ).first()


def council_member_list(council: Council) -> QuerySet[Member]:
    """Active Members with their group, areas and offices."""
    offices = Office.objects.select_related("committee")
    return (
        council.members.filter(is_active=True)
        .select_related("group")
        .prefetch_related("areas", Prefetch("offices", queryset=offices))
        .order_by("name")
    )


def council_group_list(council: Council) -> QuerySet[PoliticalGroup]:
    return council.groups.order_by("name")


def council_committee_list(council: Council) -> QuerySet[Committee]:
    return council.committees.order_by("name")


def council_service_list(council: Council) -> QuerySet[Service]:
    return council.services.select_related("directorate", "head").order_by("name")


def council_officer_list(council: Council) -> QuerySet[Officer]:
    """Active officers with their service, line manager and statutory roles."""
    return (
        council.officers.filter(is_active=True)
        .select_related("service", "line_manager")
        .prefetch_related(
            Prefetch("statutory_roles", queryset=StatutoryRole.objects.order_by("title"))
        )
        .order_by("name")
    )


def council_closure_day_list(
    council: Council, *, start: dt.date | None = None, end: dt.date | None = None
) -> QuerySet[ClosureDay]:
    """The council's closure days, optionally between `start` and `end` inclusive."""
    days = council.closure_days.order_by("date")
    if start is not None:
        days = days.filter(date__gte=start)
    if end is not None:
        days = days.filter(date__lte=end)
    return days


def member_office_list(member: Member) -> QuerySet[Office]:
    return member.offices.select_related("committee")


def officer_statutory_role_list(officer: Officer) -> QuerySet[StatutoryRole]:
    return officer.statutory_roles.order_by("title")

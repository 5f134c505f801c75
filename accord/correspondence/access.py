"""Who may see correspondence, press enquiries and publicity requests, and who acts for the Council.

Fetch-and-authorise in one step: `correspondence_for`, `press_enquiry_for` and `publicity_for` return the case
or raise `Http404` (another council's case, or another person's, is "not found"). The author, the person in
whose name it goes and the officer asked for advice see a letter; whoever logged a press enquiry or asked
for publicity sees it; the Communications Team, democratic services, the Monitoring Officer and Chief
Officers see every case of their council. Nothing here looks at a Member's political group (D 2.5-2.7).
"""

from __future__ import annotations

from typing import TypeVar

from django.db.models import Model, Q, QuerySet
from django.http import Http404

from accord.core.access import Actor, is_monitoring_officer
from accord.correspondence.models import (
    CommsSettings,
    Correspondence,
    PressEnquiry,
    PublicityRequest,
)

M = TypeVar("M", bound=Model)


def is_communications_team(actor: Actor) -> bool:
    """An officer of the council's Communications Team (D 10.7); democratic services act as the team
    where the council has named no communications service."""
    if actor.council_id is None:
        return False
    settings = CommsSettings.objects.filter(council_id=actor.council_id).first()
    if settings is None or settings.communications_service_id is None:
        return actor.is_democratic_services
    return actor.officer is not None and actor.officer.service_id == (
        settings.communications_service_id
    )


def sees_whole_council(actor: Actor) -> bool:
    return (
        actor.is_democratic_services
        or actor.is_chief_officer
        or is_monitoring_officer(actor)
        or is_communications_team(actor)
    )


def handles_information_requests(actor: Actor) -> bool:
    """Democratic services and the Monitoring Officer (the council's information governance lead) search
    what Accord holds for a request (D 8.3)."""
    return actor.council_id is not None and (
        actor.is_democratic_services or is_monitoring_officer(actor)
    )


def _visible(actor: Actor, qs: QuerySet[M], mine: Q) -> QuerySet[M]:
    if not actor.is_authenticated or actor.council_id is None:
        return qs.none()
    qs = qs.filter(council_id=actor.council_id)
    return qs if sees_whole_council(actor) else qs.filter(mine)


def _one(qs: QuerySet[M], pk: int | str, lock: bool, noun: str) -> M:
    try:
        key = int(pk)
    except (TypeError, ValueError):
        raise Http404(f"{noun} not found") from None
    one = qs.filter(pk=key)
    if lock:
        one = one.select_for_update(of=("self",))
    found = one.first()
    if found is None:
        raise Http404(f"{noun} not found")
    return found


def correspondence_visible_to(actor: Actor) -> QuerySet[Correspondence]:
    mine = Q(created_by=actor.user)
    if actor.member is not None:
        mine |= Q(member=actor.member)
    if actor.officer is not None:
        mine |= Q(officer=actor.officer) | Q(advice_from=actor.officer)
    return _visible(actor, Correspondence.objects.all(), mine)


def correspondence_for(actor: Actor, pk: int | str, *, lock: bool = False) -> Correspondence:
    """The letter if the actor may see it, else `Http404`; `lock=True` reads it `FOR UPDATE` (call inside
    the service's transaction)."""
    qs = correspondence_visible_to(actor).select_related(
        "council", "member", "officer", "advice_from"
    )
    return _one(qs, pk, lock, "Correspondence")


def press_enquiry_visible_to(actor: Actor) -> QuerySet[PressEnquiry]:
    return _visible(actor, PressEnquiry.objects.all(), Q(received_by=actor.user))


def press_enquiry_for(actor: Actor, pk: int | str, *, lock: bool = False) -> PressEnquiry:
    qs = press_enquiry_visible_to(actor).select_related("council", "received_by")
    return _one(qs, pk, lock, "Press enquiry")


def publicity_visible_to(actor: Actor) -> QuerySet[PublicityRequest]:
    return _visible(actor, PublicityRequest.objects.all(), Q(requested_by=actor.user))


def publicity_for(actor: Actor, pk: int | str, *, lock: bool = False) -> PublicityRequest:
    qs = publicity_visible_to(actor).select_related("council", "requested_by")
    return _one(qs, pk, lock, "Publicity request")


def same_council(actor: Actor, case: Correspondence | PressEnquiry | PublicityRequest) -> bool:
    return actor.council_id is not None and actor.council_id == case.council_id

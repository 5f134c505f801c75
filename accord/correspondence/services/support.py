"""Support services to Members and the Members' ICT User Agreement (D 9).

The council uploads the agreement's text; each Member accepts the version in force before using Accord,
and a new version asks again. A council that has uploaded none asks nothing. Support services (printing,
stationery, transport, typing) are for Council business only, never party-political activity or
self-promotion: a request says so, and democratic services provide or decline it.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction

from accord.core import clock
from accord.core.access import Actor
from accord.core.errors import AccordError
from accord.correspondence import rules
from accord.correspondence.models import IctAcceptance, IctAgreement, SupportRequest
from accord.correspondence.services._common import (
    event_add,
    profile_of,
    reference_placeholder,
    reference_set,
    state_move,
)
from accord.councils.models import Council, Member


def ict_agreement_current(council_id: int | None) -> IctAgreement | None:
    """The version in force at the council (the latest uploaded), or None when it has uploaded none."""
    if council_id is None:
        return None
    return (
        IctAgreement.objects.filter(council_id=council_id).order_by("-published_at", "-id").first()
    )


def ict_agreement_pending(actor: Actor) -> IctAgreement | None:
    """The version a Member has still to accept before using Accord; None for anyone else, or when the
    council has no agreement, or when the Member has accepted the version in force."""
    if actor.member is None or actor.user is None:
        return None
    current = ict_agreement_current(actor.council_id)
    if current is None or current.acceptances.filter(user=actor.user).exists():
        return None
    return current


def ict_agreement_publish(
    *, actor: Actor, council: Council, version: str, text: str
) -> IctAgreement:
    """Democratic services upload a new version; every Member is asked to accept it (D 9)."""
    if not actor.is_democratic_services or actor.council_id != council.pk or actor.user is None:
        raise AccordError("Only democratic services upload the Members' ICT User Agreement.")
    if IctAgreement.objects.filter(council=council, version=version).exists():
        raise AccordError(
            f"Version {version} is already uploaded: give the new text a new version.",
            field="version",
        )
    return IctAgreement.objects.create(
        council=council,
        version=version,
        text=text,
        published_at=clock.now(),
        published_by=actor.user,
    )


def ict_agreement_accept(*, actor: Actor, agreement: IctAgreement) -> IctAcceptance:
    """The Member accepts this version, recorded with the time (D 9); accepting twice keeps the first."""
    if actor.member is None or actor.user is None or agreement.council_id != actor.council_id:
        raise AccordError("Only a Member of the council accepts the Members' ICT User Agreement.")
    existing = IctAcceptance.objects.filter(agreement=agreement, user=actor.user).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            return IctAcceptance.objects.create(
                agreement=agreement, user=actor.user, member=actor.member, accepted_at=clock.now()
            )
    except IntegrityError:  # accepted at the same moment in another tab: the first stands
        return IctAcceptance.objects.get(agreement=agreement, user=actor.user)


def support_request_make(
    *, actor: Actor, council: Council, kind: str, details: str, council_business: bool
) -> SupportRequest:
    """A Member asks for a support service, confirming it is for Council business only (D 9)."""
    member: Member | None = actor.member
    if member is None or actor.user is None or actor.council_id != council.pk:
        raise AccordError("Only a Member of the council asks for support services.")
    profile = profile_of(council)
    citations = rules.citations_of(profile, rules.SUPPORT_SERVICES)
    if not council_business:
        raise AccordError(
            "Support services are provided only for Council business: never for party-political "
            "activity or self-promotion. Confirm it is for Council business.",
            citations=citations,
            field="council_business",
        )
    with transaction.atomic():
        request = SupportRequest.objects.create(
            council=council,
            reference=reference_placeholder(),
            member=member,
            kind=kind,
            details=details,
            council_business=True,
            requested_by=actor.user,
            requested_at=clock.now(),
        )
        reference_set(request)
        event_add(
            request,
            actor=actor,
            kind="requested",
            description="Asked for Council business only, confirmed by the Member.",
            citations=citations,
            data={"kind": kind, "details": details},
        )
    return request


def support_request_decide(
    *, actor: Actor, support: SupportRequest, provide: bool, note: str
) -> SupportRequest:
    """Democratic services provide or decline a request still open, under its row lock."""
    with transaction.atomic():
        fresh = (
            SupportRequest.objects.select_for_update()
            .filter(pk=support.pk, council_id=actor.council_id or 0)
            .first()
        )
        if fresh is None or not actor.is_democratic_services:
            raise AccordError("Only democratic services decide support requests.")
        if fresh.state != SupportRequest.State.REQUESTED:
            raise AccordError(f"This request is already {fresh.get_state_display().lower()}.")
        return state_move(
            fresh,
            actor=actor,
            state=SupportRequest.State.PROVIDED if provide else SupportRequest.State.DECLINED,
            description=f"{'Provided' if provide else 'Declined'} by democratic services.",
            citations=rules.citations_of(profile_of(fresh.council), rules.SUPPORT_SERVICES),
            data={"note": note},
        )

"""N 17: a Chief Officer declines a document; the Member disputes; the Head of Paid Service decides; if still
unresolved, the Council decides. Each step is kept in the dispute's history with the paragraph."""

from __future__ import annotations

from django.db import transaction

from accord.core import clock
from accord.core.access import Actor
from accord.core.errors import AccordError
from accord.councils.models import Member
from accord.enquiries import rules
from accord.enquiries.models import Enquiry, InformationDispute
from accord.enquiries.notify import notify_dispute
from accord.enquiries.services._common import (
    HEAD_OF_PAID_SERVICE,
    cite_dicts,
    event_add,
    profile_for,
    statutory_officer,
)
from accord.protocol import Citation

State = InformationDispute.State


def _rule_citations(dispute_council: object) -> list[Citation]:
    profile = profile_for(dispute_council)  # type: ignore[arg-type]
    cites = rules.citations_of(profile, rules.INFORMATION_DISPUTE)
    if not cites:
        # D 6.8: without a procedure of its own, the Member's statutory and common-law rights apply.
        rights = rules.statutory_rights_note(profile)
        extra = (
            f" ({', '.join(c.label for c in rights.citations)}: the Member's statutory and common-law "
            "rights to information apply)"
            if rights
            else ""
        )
        raise AccordError(
            f"This council's protocol sets no procedure for disputes over documents{extra}.",
            citations=list(rights.citations) if rights else [],
        )
    return cites


def _dispute_lock(dispute: InformationDispute) -> InformationDispute:
    """The dispute re-read with its row locked until the transaction ends: each step re-checks the state it
    moves from against the latest committed one, so two decisions at once cannot both be taken (N 17)."""
    return (
        InformationDispute.objects.select_for_update(of=("self",))
        .select_related("council", "member", "chief_officer", "enquiry", "enquiry__council")
        .get(pk=dispute.pk)
    )


def _step(
    actor: Actor, dispute: InformationDispute, what: str, cites: list[Citation], text: str = ""
) -> None:
    now = clock.now()
    dispute.updated = now
    user = actor.user
    dispute.history = [
        *dispute.history,
        {
            "at": now.isoformat(),
            "by": (user.get_full_name() or user.get_username()) if user else "",
            "state": dispute.state,
            "what": what,
            "citations": cite_dicts(cites),
        },
    ]
    dispute.save()
    if dispute.enquiry is not None:
        event_add(
            dispute.enquiry,
            actor=actor,
            kind=f"information-dispute-{dispute.state}",
            description=what,
            citations=cites,
            dispute=dispute.pk,
            text=text,
        )


@transaction.atomic
def information_dispute_open(
    *, actor: Actor, member: Member, document: str, reason: str, enquiry: Enquiry | None = None
) -> InformationDispute:
    """A Chief Officer records declining a document the Member asked for, and why."""
    if not actor.is_chief_officer or actor.officer is None or actor.council_id != member.council_id:
        raise AccordError("Only a Chief Officer of the Member's council declines a document.")
    cites = _rule_citations(member.council)
    if not document.strip() or not reason.strip():
        raise AccordError(
            "Name the document and say why the Member is not entitled to it.", field="document"
        )
    now = clock.now()
    dispute = InformationDispute(
        council=member.council,
        enquiry=enquiry,
        member=member,
        document=document.strip(),
        chief_officer=actor.officer,
        declined_reason=reason.strip(),
        created=now,
        updated=now,
    )
    dispute.save()
    _step(
        actor,
        dispute,
        f"{actor.officer.name} declined to provide {dispute.document}: {dispute.declined_reason}",
        cites,
        dispute.declined_reason,
    )
    notify_dispute(
        dispute=dispute,
        person=member,
        step="declined",
        reason=dispute.declined_reason,
        citation=str(cites[0]),
    )
    return dispute


@transaction.atomic
def information_dispute_dispute(
    *, actor: Actor, dispute: InformationDispute, grounds: str
) -> InformationDispute:
    """The Member disagrees: the matter is referred to the Head of Paid Service for decision."""
    dispute = _dispute_lock(dispute)
    cites = _rule_citations(dispute.council)
    if actor.member is None or actor.member.pk != dispute.member_id:
        raise AccordError("Only the Member who asked for the document disputes the decision.")
    if dispute.state != State.DECLINED:
        raise AccordError(f"This dispute is already {dispute.get_state_display().lower()}.")
    dispute.state = State.DISPUTED
    dispute.member_grounds = grounds.strip()
    _step(
        actor,
        dispute,
        f"The Member disputes the decision: {dispute.member_grounds}",
        cites,
        dispute.member_grounds,
    )
    notify_dispute(
        dispute=dispute,
        person=statutory_officer(dispute.council, HEAD_OF_PAID_SERVICE),
        step="disputed",
        grounds=dispute.member_grounds,
        citation=str(cites[0]),
    )
    return dispute


def _require_head_of_paid_service(actor: Actor) -> None:
    if not actor.has_statutory_role(HEAD_OF_PAID_SERVICE):
        raise AccordError(
            "Only the Head of Paid Service decides a dispute over a Member's right to a document."
        )


@transaction.atomic
def information_dispute_decide(
    *, actor: Actor, dispute: InformationDispute, entitled: bool, decision: str
) -> InformationDispute:
    dispute = _dispute_lock(dispute)
    cites = _rule_citations(dispute.council)
    _require_head_of_paid_service(actor)
    if dispute.state != State.DISPUTED or actor.council_id != dispute.council_id:
        raise AccordError("The Head of Paid Service decides a dispute the Member has raised.")
    dispute.state = State.RELEASED if entitled else State.UPHELD
    dispute.decision = decision.strip()
    _step(
        actor,
        dispute,
        f"The Head of Paid Service decided: {dispute.get_state_display()}. {dispute.decision}",
        cites,
        dispute.decision,
    )
    for person in (dispute.member, dispute.chief_officer):
        notify_dispute(
            dispute=dispute,
            person=person,
            step="decided",
            decision=dispute.decision,
            citation=str(cites[0]),
        )
    return dispute


@transaction.atomic
def information_dispute_refer_to_council(
    *, actor: Actor, dispute: InformationDispute, reason: str
) -> InformationDispute:
    """Still unresolved: the Member (after the decision) or the Head of Paid Service refers it to the Council."""
    dispute = _dispute_lock(dispute)
    cites = _rule_citations(dispute.council)
    is_member = actor.member is not None and actor.member.pk == dispute.member_id
    is_hops = (
        actor.has_statutory_role(HEAD_OF_PAID_SERVICE) and actor.council_id == dispute.council_id
    )
    if not (
        (is_member and dispute.state == State.UPHELD)
        or (is_hops and dispute.state in (State.DISPUTED, State.UPHELD))
    ):
        raise AccordError(
            "A dispute goes to the Council only when the Head of Paid Service has not resolved it."
        )
    dispute.state = State.REFERRED
    _step(
        actor,
        dispute,
        f"Unresolved: referred to the Council. {reason.strip()}",
        cites,
        reason.strip(),
    )
    for person in (dispute.member, dispute.chief_officer):
        notify_dispute(
            dispute=dispute,
            person=person,
            step="referred",
            reason=reason.strip(),
            citation=str(cites[0]),
        )
    return dispute


@transaction.atomic
def information_dispute_council_decide(
    *, actor: Actor, dispute: InformationDispute, entitled: bool, decision: str
) -> InformationDispute:
    """Democratic services record the Council's decision."""
    dispute = _dispute_lock(dispute)
    cites = _rule_citations(dispute.council)
    if not actor.is_democratic_services or actor.council_id != dispute.council_id:
        raise AccordError("Democratic services record the Council's decision.")
    if dispute.state != State.REFERRED:
        raise AccordError("Only a dispute referred to the Council is decided by the Council.")
    dispute.state = State.COUNCIL_DECIDED
    verdict = (
        "the Member is entitled to the document"
        if entitled
        else "the Member is not entitled to the document"
    )
    dispute.decision = f"{verdict.capitalize()}. {decision.strip()}".strip()
    _step(actor, dispute, f"The Council decided: {dispute.decision}", cites, dispute.decision)
    for person in (dispute.member, dispute.chief_officer):
        notify_dispute(
            dispute=dispute,
            person=person,
            step="council_decided",
            decision=dispute.decision,
            citation=str(cites[0]),
        )
    return dispute

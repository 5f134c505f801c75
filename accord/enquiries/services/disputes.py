"""N 17: a Chief Officer declines a document; the Member disputes; the Head of Paid Service decides; if still
unresolved, the Council decides. Each step is kept in the dispute's history with the paragraph.

Every step after the refusal locks the dispute's row in its transaction (`select_for_update`) and asks again,
of the row as it is now, whether the actor may take the step: of two people acting at once, one acts and the
other is told the dispute has moved on. The history only grows: each step appends its text to it.
"""

from __future__ import annotations

from django.db import transaction

from accord.cases.history import event_actor_name
from accord.core import clock
from accord.core.access import Actor
from accord.core.errors import AccordError
from accord.councils.models import Council, Member
from accord.enquiries import rules
from accord.enquiries.dispute_access import dispute_actions_for, may_take
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
DOCUMENT_MAX = InformationDispute._meta.get_field("document").max_length or 300


def information_dispute_citations(council: Council) -> list[Citation]:
    """N 17's citations at this council; `AccordError` when its protocol has no procedure for disputes over
    documents, citing D 6.8 where it has that paragraph (the Member's statutory rights apply instead)."""
    profile = profile_for(council)
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


STEP_WORDS = {
    "dispute": ("Only the Member who asked for the document disputes the decision.", "disputed"),
    "decide": (
        "Only the Head of Paid Service decides a dispute over a Member's right to a document.",
        "decided by the Head of Paid Service",
    ),
    "refer": (
        "A dispute goes to the Council only when the Head of Paid Service has not resolved it.",
        "referred to the Council",
    ),
    "council-decide": (
        "Democratic services record the Council's decision.",
        "recorded as decided by the Council",
    ),
}


def _locked(actor: Actor, dispute: InformationDispute, step: str) -> InformationDispute:
    """The dispute's row, locked until the transaction ends, if the actor may take `step` now.

    Raises `AccordError` naming who takes the step, or saying the dispute has moved on (N 17).
    """
    locked = (
        InformationDispute.objects.select_for_update(of=("self",))
        .select_related("council", "member", "chief_officer", "enquiry")
        .get(pk=dispute.pk)
    )
    cites = information_dispute_citations(locked.council)
    who, doing = STEP_WORDS[step]
    if not may_take(actor, locked, step):
        raise AccordError(who, citations=cites)
    if step not in dispute_actions_for(actor, locked):
        raise AccordError(
            f"This dispute is now {locked.get_state_display().lower()}: it cannot be {doing}.",
            citations=cites,
        )
    return locked


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
            "by": event_actor_name(user) or "",
            "state": dispute.state,
            "what": what,
            "citations": cite_dicts(cites),
            "text": text,
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
    """A Chief Officer records declining a document the Member asked for, and why (N 17).

    `enquiry`, when given, is the Member's enquiry the request came in; the dispute's steps are then also
    on the case's history. Raises `AccordError` for anyone but a Chief Officer of the Member's council, at a
    council whose protocol has no such procedure (citing D 6.8 where it has that paragraph), and for a
    missing or over-long document name (300 characters) or reason.
    """
    if not actor.is_chief_officer or actor.officer is None or actor.council_id != member.council_id:
        raise AccordError("Only a Chief Officer of the Member's council declines a document.")
    cites = information_dispute_citations(member.council)
    if not document.strip():
        raise AccordError("Name the document the Member asked for.", field="document")
    if len(document.strip()) > DOCUMENT_MAX:
        raise AccordError(
            f"Name the document in {DOCUMENT_MAX} characters or fewer.", field="document"
        )
    if not reason.strip():
        raise AccordError("Say why the Member is not entitled to the document.", field="reason")
    if enquiry is not None and enquiry.member_id != member.pk:
        raise AccordError("The enquiry must be one of this Member's.", field="enquiry")
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
    dispute = _locked(actor, dispute, "dispute")
    cites = information_dispute_citations(dispute.council)
    if not grounds.strip():
        raise AccordError("Give your grounds for disputing the decision.", field="grounds")
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


@transaction.atomic
def information_dispute_decide(
    *, actor: Actor, dispute: InformationDispute, entitled: bool, decision: str
) -> InformationDispute:
    """The Head of Paid Service decides whether the Member is entitled to the document."""
    dispute = _locked(actor, dispute, "decide")
    cites = information_dispute_citations(dispute.council)
    if not decision.strip():
        raise AccordError("Give the reasons for the decision.", field="decision")
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
    dispute = _locked(actor, dispute, "refer")
    cites = information_dispute_citations(dispute.council)
    if not reason.strip():
        raise AccordError("Say why the dispute is still unresolved.", field="reason")
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
    dispute = _locked(actor, dispute, "council-decide")
    cites = information_dispute_citations(dispute.council)
    if not decision.strip():
        raise AccordError(
            "Record the Council's decision (the meeting and minute, for example).",
            field="decision",
        )
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

"""Meetings and their agendas (D 2.8-2.11): the senior officer proposes, the Chair settles, and some items
the Chair cannot remove.

Each service runs in one transaction, reads the meeting with `meeting_for(..., lock=True)` and re-checks
its state under that lock, so two people settling the same agenda act one after the other. A change of a
meeting's time, place or status raises its iCalendar SEQUENCE in the same transaction (ADR 0022).
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import F, Max

from accord.core import clock
from accord.core.access import Actor
from accord.councils.calendars import calendar_for
from accord.councils.models import Committee, Council

from .. import rules
from ..access import is_chair, is_senior_officer, meeting_for, sits_on
from ..history import meeting_event_add
from ..models import AgendaItem, ItemProposal, Meeting, ProposalSignature
from ..notify import meeting_invitations_queue
from ._common import profile_of, refuse

Reason = AgendaItem.Reason
CHAIR = (rules.CHAIR_DECIDES,)


def _planned(meeting: Meeting) -> None:
    if meeting.state != Meeting.State.PLANNED:
        refuse(
            meeting.council,
            f"The agenda can no longer change: the meeting is {meeting.get_state_display().lower()}.",
            *CHAIR,
        )


@transaction.atomic
def meeting_create(
    *,
    actor: Actor,
    council: Council,
    committee: Committee,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    place: str,
    publication_date: dt.date,
) -> Meeting:
    """Democratic services set a meeting of a committee or Cabinet: when, where, and the day its agenda
    is published (on or before the day of the meeting). Raises `AccordError` naming the field."""
    if not actor.is_democratic_services or actor.council_id != council.pk:
        refuse(council, "Only democratic services set meetings.")
    if committee.council_id != council.pk:
        refuse(council, "The committee must be one of the council's.", field="committee")
    if ends_at <= starts_at:
        refuse(council, "The meeting must end after it starts.", field="ends_at")
    if publication_date > starts_at.astimezone(rules.LONDON).date():
        refuse(
            council,
            "The agenda must be published on or before the day of the meeting.",
            field="publication_date",
        )
    meeting = Meeting.objects.create(
        council=council,
        committee=committee,
        starts_at=starts_at,
        ends_at=ends_at,
        place=place,
        publication_date=publication_date,
        created_at=clock.now(),
    )
    meeting_event_add(
        meeting,
        actor=actor,
        kind="set",
        description=f"Meeting set for {starts_at.astimezone(rules.LONDON):%d %B %Y %H:%M} at "
        f"{place}; agenda to be published {publication_date:%d %B %Y}.",
        citations=rules.cites(profile_of(council), *CHAIR),
        data={"place": place, "publication_date": publication_date.isoformat()},
    )
    return meeting


def _next_position(meeting: Meeting) -> int:
    top = meeting.items.aggregate(top=Max("position"))["top"]
    return (top or 0) + 1


@transaction.atomic
def item_propose(
    *,
    actor: Actor,
    meeting: Meeting,
    title: str,
    summary: str = "",
    must_add: str = "",
    legal_period: str = "",
) -> AgendaItem:
    """The appropriate senior officer proposes an item to the Chair (D 2.9). An item legally required to
    be decided within a period (naming it) or on which the proposer, a statutory officer, has a duty to
    report (D 2.11) goes on the agenda at once and the Chair cannot remove it. Raises `AccordError`."""
    meeting = meeting_for(actor, meeting.pk, lock=True)
    council = meeting.council
    if not is_senior_officer(actor):
        refuse(
            council, "Items are proposed to the Chair by the appropriate senior officer.", *CHAIR
        )
    _planned(meeting)
    profile = profile_of(council)
    statutory_role = ""
    if must_add:
        if rules.MUST_ADD not in (profile.rules if profile is not None else {}):
            refuse(
                council,
                "This council's protocol names no items the Chair must add.",
                field="must_add",
            )
        if must_add == Reason.LEGAL_PERIOD and not legal_period.strip():
            refuse(
                council,
                "Name the period within which the item must legally be decided.",
                rules.MUST_ADD,
                field="legal_period",
            )
        if must_add == Reason.STATUTORY_OFFICER:
            if not actor.statutory_roles:
                refuse(
                    council,
                    "Only a statutory officer (Head of Paid Service, Monitoring Officer, Section 151 "
                    "Officer) reports under a duty of their office.",
                    rules.MUST_ADD,
                    field="must_add",
                    also=rules.statutory_officers,
                )
            statutory_role = sorted(actor.statutory_roles)[0]
        if must_add not in (Reason.LEGAL_PERIOD, Reason.STATUTORY_OFFICER):
            refuse(
                council,
                "Choose why the item must be on the agenda.",
                rules.MUST_ADD,
                field="must_add",
            )
    item = AgendaItem.objects.create(
        meeting=meeting,
        title=title,
        summary=summary,
        state=AgendaItem.State.ON_AGENDA if must_add else AgendaItem.State.PROPOSED,
        must_add=must_add,
        legal_period=legal_period.strip() if must_add == Reason.LEGAL_PERIOD else "",
        statutory_role=statutory_role,
        proposed_by=actor.user,
        report_author=actor.officer,
        position=_next_position(meeting),
        created_at=clock.now(),
    )
    why = f" It must be on the agenda: {item.get_must_add_display().lower()}." if must_add else ""
    meeting_event_add(
        meeting,
        actor=actor,
        kind="item-proposed",
        description=f"Item proposed to the Chair: {title}.{why}",
        citations=rules.cites(profile, *CHAIR, *((rules.MUST_ADD,) if must_add else ())),
        data={"item": item.pk, "title": title, "summary": summary, "must_add": must_add},
    )
    return item


def _item_of(meeting: Meeting, item_id: int) -> AgendaItem:
    item = meeting.items.select_for_update().filter(pk=item_id).first()
    if item is None:
        refuse(
            meeting.council,
            "There is no such item on this meeting's agenda.",
            *CHAIR,
            field="item",
        )
    return item


@transaction.atomic
def item_include(*, actor: Actor, meeting: Meeting, item_id: int) -> AgendaItem:
    """The Chair (the Leader for Cabinet) puts a proposed item on the final agenda (D 2.9)."""
    meeting = meeting_for(actor, meeting.pk, lock=True)
    if not is_chair(actor, meeting):
        refuse(meeting.council, "The Chair decides the final agenda.", *CHAIR)
    _planned(meeting)
    item = _item_of(meeting, item_id)
    if item.state == AgendaItem.State.ON_AGENDA:
        refuse(meeting.council, "The item is already on the agenda.", *CHAIR, field="item")
    AgendaItem.objects.filter(pk=item.pk).update(state=AgendaItem.State.ON_AGENDA)
    meeting_event_add(
        meeting,
        actor=actor,
        kind="item-included",
        description=f"The Chair put the item on the agenda: {item.title}.",
        citations=rules.cites(profile_of(meeting.council), *CHAIR),
        data={"item": item.pk},
    )
    item.refresh_from_db()
    return item


@transaction.atomic
def item_remove(*, actor: Actor, meeting: Meeting, item_id: int, reason: str) -> AgendaItem:
    """The Chair leaves an item off the final agenda (D 2.9), with a reason kept in the history; an item
    the Chair cannot remove (a legal period, a statutory officer's duty to report, a Members' proposal
    made in time: D 2.9, D 2.11) is refused with its reason and citation."""
    meeting = meeting_for(actor, meeting.pk, lock=True)
    council = meeting.council
    if not is_chair(actor, meeting):
        refuse(council, "The Chair decides the final agenda.", *CHAIR)
    _planned(meeting)
    item = _item_of(meeting, item_id)
    if item.must_add:
        rule = (
            rules.MEMBERS_PROPOSAL if item.must_add == Reason.MEMBERS_PROPOSAL else rules.MUST_ADD
        )
        refuse(
            council,
            f"The Chair cannot remove this item: {item.get_must_add_display().lower()}"
            + (f" ({item.legal_period})" if item.legal_period else "")
            + ".",
            rule,
            field="item",
            also=rules.statutory_officers if item.must_add == Reason.STATUTORY_OFFICER else None,
        )
    if item.state == AgendaItem.State.REMOVED:
        refuse(council, "The item is already off the agenda.", *CHAIR, field="item")
    AgendaItem.objects.filter(pk=item.pk).update(state=AgendaItem.State.REMOVED)
    meeting_event_add(
        meeting,
        actor=actor,
        kind="item-removed",
        description=f"The Chair left the item off the agenda: {item.title}. {reason}",
        citations=rules.cites(profile_of(council), *CHAIR),
        data={"item": item.pk, "reason": reason},
    )
    item.refresh_from_db()
    return item


@transaction.atomic
def agenda_publish(*, actor: Actor, meeting: Meeting) -> Meeting:
    """Democratic services publish the final agenda once the Chair has settled every proposed item
    (D 2.9); the meeting's iCalendar SEQUENCE rises. Raises `AccordError`."""
    meeting = meeting_for(actor, meeting.pk, lock=True)
    council = meeting.council
    if not actor.is_democratic_services:
        refuse(council, "Democratic services publish the agenda the Chair has settled.", *CHAIR)
    _planned(meeting)
    waiting = meeting.items.filter(state=AgendaItem.State.PROPOSED).count()
    if waiting:
        refuse(
            council,
            f"The Chair has not yet decided {waiting} proposed item(s): the Chair settles the final "
            "agenda before it is published.",
            *CHAIR,
        )
    now = clock.now()
    Meeting.objects.filter(pk=meeting.pk).update(
        state=Meeting.State.PUBLISHED, published_at=now, sequence=F("sequence") + 1
    )
    on_agenda = meeting.items.filter(state=AgendaItem.State.ON_AGENDA).count()
    meeting_event_add(
        meeting,
        actor=actor,
        kind="published",
        description=f"The agenda is published with {on_agenda} item(s).",
        citations=rules.cites(profile_of(council), *CHAIR),
        data={"items": on_agenda},
    )
    meeting.refresh_from_db()
    meeting_invitations_queue(meeting)
    return meeting


@transaction.atomic
def meeting_cancel(*, actor: Actor, meeting: Meeting, reason: str) -> Meeting:
    """Democratic services cancel a meeting; its iCalendar event keeps its UID with a higher SEQUENCE and
    is marked cancelled in every feed."""
    meeting = meeting_for(actor, meeting.pk, lock=True)
    if not actor.is_democratic_services:
        refuse(meeting.council, "Only democratic services cancel a meeting.")
    if meeting.state == Meeting.State.CANCELLED:
        refuse(meeting.council, "The meeting is already cancelled.")
    was_published = meeting.published_at is not None
    Meeting.objects.filter(pk=meeting.pk).update(
        state=Meeting.State.CANCELLED, sequence=F("sequence") + 1
    )
    meeting_event_add(
        meeting,
        actor=actor,
        kind="cancelled",
        description=f"The meeting is cancelled. {reason}",
        citations=[],
        data={"reason": reason},
    )
    meeting.refresh_from_db()
    if was_published:
        meeting_invitations_queue(meeting)
    return meeting


@transaction.atomic
def meeting_reschedule(
    *, actor: Actor, meeting: Meeting, starts_at: dt.datetime, ends_at: dt.datetime, place: str
) -> Meeting:
    """Democratic services move a meeting or change its place; the iCalendar SEQUENCE rises in the same
    locked transaction and, once the agenda is published, each Member gets the updated invitation.
    The agenda's publication day stays. Raises `AccordError` naming the field."""
    meeting = meeting_for(actor, meeting.pk, lock=True)
    council = meeting.council
    if not actor.is_democratic_services:
        refuse(council, "Only democratic services move a meeting.")
    if meeting.state == Meeting.State.CANCELLED:
        refuse(council, "The meeting is cancelled.")
    if ends_at <= starts_at:
        refuse(council, "The meeting must end after it starts.", field="ends_at")
    if meeting.publication_date > starts_at.astimezone(rules.LONDON).date():
        refuse(
            council,
            "The meeting cannot be before its agenda's publication day.",
            field="starts_at",
        )
    before = f"{meeting.starts_at.astimezone(rules.LONDON):%d %B %Y %H:%M} at {meeting.place}"
    Meeting.objects.filter(pk=meeting.pk).update(
        starts_at=starts_at, ends_at=ends_at, place=place, sequence=F("sequence") + 1
    )
    after = f"{starts_at.astimezone(rules.LONDON):%d %B %Y %H:%M} at {place}"
    meeting_event_add(
        meeting,
        actor=actor,
        kind="moved",
        description=f"The meeting moved from {before} to {after}.",
        citations=[],
        data={"before": before, "after": after},
    )
    meeting.refresh_from_db()
    if meeting.published_at is not None:
        meeting_invitations_queue(meeting)
    return meeting


def _proposal_of(meeting: Meeting, proposal_id: int) -> ItemProposal:
    proposal = meeting.proposals.select_for_update().filter(pk=proposal_id).first()
    if proposal is None:
        refuse(
            meeting.council,
            "There is no such proposal for this meeting.",
            rules.MEMBERS_PROPOSAL,
            field="proposal",
        )
    return proposal


def _members_rule(meeting: Meeting) -> tuple[int, int]:
    """(members, working_days) of the council's D 2.9 rule; refused where the protocol has none."""
    profile = profile_of(meeting.council)
    rule = profile.rules.get(rules.MEMBERS_PROPOSAL) if profile is not None else None
    if rule is None:
        refuse(
            meeting.council,
            "This council's protocol gives Members no right to add an item: the Chair decides the "
            "agenda.",
        )
    return int(rule.params.get("members", 3)), int(rule.params.get("working_days", 5))


@transaction.atomic
def proposal_raise(*, actor: Actor, meeting: Meeting, title: str, relevance: str) -> ItemProposal:
    """A Member of the committee proposes a relevant item for the agenda, signing it first (D 2.9).
    Raises `AccordError` for a Member not on the committee or a meeting whose agenda is settled."""
    meeting = meeting_for(actor, meeting.pk, lock=True)
    _members_rule(meeting)
    if not sits_on(actor.member, meeting.committee):
        refuse(
            meeting.council,
            f"Only a Member of the {meeting.committee.name} proposes an item for its agenda.",
            rules.MEMBERS_PROPOSAL,
        )
    _planned(meeting)
    assert actor.member is not None
    now = clock.now()
    proposal = ItemProposal.objects.create(
        meeting=meeting, title=title, relevance=relevance, proposer=actor.member, created_at=now
    )
    ProposalSignature.objects.create(proposal=proposal, member=actor.member, signed_at=now)
    meeting_event_add(
        meeting,
        actor=actor,
        kind="proposal-raised",
        description=f"{actor.member.name} proposed an item for the agenda: {title}.",
        citations=rules.cites(profile_of(meeting.council), rules.MEMBERS_PROPOSAL),
        data={"proposal": proposal.pk, "title": title, "relevance": relevance},
    )
    return proposal


@transaction.atomic
def proposal_sign(*, actor: Actor, meeting: Meeting, proposal_id: int) -> ProposalSignature:
    """A Member of the committee co-signs a proposal; the signature keeps its time (D 2.9)."""
    meeting = meeting_for(actor, meeting.pk, lock=True)
    _members_rule(meeting)
    proposal = _proposal_of(meeting, proposal_id)
    if not sits_on(actor.member, meeting.committee):
        refuse(
            meeting.council,
            f"Only a Member of the {meeting.committee.name} supports an item for its agenda.",
            rules.MEMBERS_PROPOSAL,
        )
    assert actor.member is not None
    if proposal.state != ItemProposal.State.COLLECTING:
        refuse(
            meeting.council,
            "The proposal is no longer open for signatures.",
            rules.MEMBERS_PROPOSAL,
            field="proposal",
        )
    if proposal.signatures.filter(member=actor.member).exists():
        refuse(
            meeting.council,
            "You have already signed this proposal.",
            rules.MEMBERS_PROPOSAL,
            field="proposal",
        )
    signature = ProposalSignature.objects.create(
        proposal=proposal, member=actor.member, signed_at=clock.now()
    )
    meeting_event_add(
        meeting,
        actor=actor,
        kind="proposal-signed",
        description=f"{actor.member.name} signed the proposal: {proposal.title}.",
        citations=rules.cites(profile_of(meeting.council), rules.MEMBERS_PROPOSAL),
        data={"proposal": proposal.pk, "member": actor.member.pk},
    )
    return signature


@transaction.atomic
def proposal_submit(*, actor: Actor, meeting: Meeting, proposal_id: int) -> AgendaItem:
    """A signatory submits the proposal: it is made now. With at least the rule's number of Members of
    the committee signed (3) and made at least its number of working days (5) before the agenda's
    publication, counted by the council's calendar, it goes on the agenda and the Chair cannot remove it
    (D 2.9). Otherwise it is refused with the citation, nothing saved; too late names the last day that
    would have counted."""
    meeting = meeting_for(actor, meeting.pk, lock=True)
    council = meeting.council
    needed, working_days = _members_rule(meeting)
    proposal = _proposal_of(meeting, proposal_id)
    if actor.member is None or not proposal.signatures.filter(member=actor.member).exists():
        refuse(council, "Only a Member who signed the proposal submits it.", rules.MEMBERS_PROPOSAL)
    if proposal.state != ItemProposal.State.COLLECTING:
        refuse(
            council,
            "The proposal has already been decided.",
            rules.MEMBERS_PROPOSAL,
            field="proposal",
        )
    _planned(meeting)
    signed = [s.member for s in proposal.signatures.select_related("member")]
    signers = [m for m in signed if sits_on(m, meeting.committee)]
    off = [m.name for m in signed if m not in signers]
    if len(signers) < needed:
        refuse(
            council,
            f"At least {needed} Members of the {meeting.committee.name} must propose the item; it has "
            f"{len(signers)}."
            + (
                f" Not a Member of the {meeting.committee.name}, so not counted: {', '.join(off)}."
                if off
                else ""
            ),
            rules.MEMBERS_PROPOSAL,
            field="proposal",
        )
    now = clock.now()
    timing = rules.proposal_timing(
        calendar_for(council),
        made_at=now,
        publication_date=meeting.publication_date,
        working_days=working_days,
    )
    if not timing.in_time:
        refuse(
            council,
            f"Too late: a proposal must be made at least {working_days} working days before the "
            f"agenda's publication on {meeting.publication_date:%A %d %B %Y}. The last day that would "
            f"have counted was {timing.last_day:%A %d %B %Y}.",
            rules.MEMBERS_PROPOSAL,
            field="proposal",
        )
    item = AgendaItem.objects.create(
        meeting=meeting,
        title=proposal.title,
        summary=proposal.relevance,
        state=AgendaItem.State.ON_AGENDA,
        must_add=Reason.MEMBERS_PROPOSAL,
        proposed_by=actor.user,
        position=_next_position(meeting),
        created_at=now,
    )
    ItemProposal.objects.filter(pk=proposal.pk).update(
        state=ItemProposal.State.ADDED, submitted_at=now, item=item
    )
    meeting_event_add(
        meeting,
        actor=actor,
        kind="proposal-added",
        description=f"Proposed by {len(signers)} Members of the committee in time: {proposal.title} "
        "is added to the agenda and the Chair cannot remove it.",
        citations=rules.cites(profile_of(council), rules.MEMBERS_PROPOSAL),
        data={
            "proposal": proposal.pk,
            "item": item.pk,
            "signatories": [m.pk for m in signers],
            "due": timing.due.to_dict(),
        },
    )
    return item


@transaction.atomic
def proposal_refuse(
    *, actor: Actor, meeting: Meeting, proposal_id: int, reason: str
) -> ItemProposal:
    """The Monitoring Officer refuses a proposal as not a relevant item for the committee (D 2.9), with
    the reason; the Chair cannot (the right exists against the Chair's discretion). Raises `AccordError`."""
    meeting = meeting_for(actor, meeting.pk, lock=True)
    council = meeting.council
    _members_rule(meeting)
    if "monitoring-officer" not in actor.statutory_roles:
        refuse(
            council,
            "Whether an item is relevant is for the Monitoring Officer to decide, not the Chair.",
            rules.MEMBERS_PROPOSAL,
        )
    proposal = _proposal_of(meeting, proposal_id)
    if proposal.state != ItemProposal.State.COLLECTING:
        refuse(
            council,
            "The proposal has already been decided.",
            rules.MEMBERS_PROPOSAL,
            field="proposal",
        )
    ItemProposal.objects.filter(pk=proposal.pk).update(
        state=ItemProposal.State.NOT_RELEVANT, refusal=reason
    )
    meeting_event_add(
        meeting,
        actor=actor,
        kind="proposal-refused",
        description=f"Refused as not a relevant item: {proposal.title}. {reason}",
        citations=rules.cites(profile_of(council), rules.MEMBERS_PROPOSAL),
        data={"proposal": proposal.pk, "reason": reason},
    )
    proposal.refresh_from_db()
    return proposal

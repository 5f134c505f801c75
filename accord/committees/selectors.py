"""The reads of committees and decisions: a meeting's agenda, a decision's advice as its maker had it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, QuerySet

from accord.councils.models import Council
from accord.protocol import Citation

from . import rules
from .models import (
    AgendaItem,
    DecisionEvent,
    DecisionRecord,
    ItemProposal,
    Meeting,
    MeetingEvent,
    OfficerAdvice,
    ProposalSignature,
)
from .services._common import profile_of


def meeting_items(meeting: Meeting) -> QuerySet[AgendaItem]:
    return meeting.items.select_related("report_author", "proposal")


def meeting_agenda(meeting: Meeting) -> QuerySet[AgendaItem]:
    """The items on the agenda, in order (the published agenda)."""
    return meeting_items(meeting).filter(state=AgendaItem.State.ON_AGENDA)


def meeting_proposals(meeting: Meeting) -> QuerySet[ItemProposal]:
    signatures = ProposalSignature.objects.select_related("member")
    return meeting.proposals.select_related("proposer").prefetch_related(
        Prefetch("signatures", queryset=signatures)
    )


def meeting_events(meeting: Meeting) -> QuerySet[MeetingEvent]:
    return meeting.events.select_related("actor", "actor__officer", "actor__member").order_by(
        "at", "id"
    )


def item_citations(council: Council, item: AgendaItem) -> list[Citation]:
    """Why an item cannot be removed by the Chair (D 2.9, D 2.11), or nothing for an ordinary item."""
    if not item.must_add:
        return []
    rule = (
        rules.MEMBERS_PROPOSAL
        if item.must_add == AgendaItem.Reason.MEMBERS_PROPOSAL
        else rules.MUST_ADD
    )
    profile = profile_of(council)
    extra = (
        rules.statutory_officers(profile)
        if item.must_add == AgendaItem.Reason.STATUTORY_OFFICER
        else []
    )
    return rules.cites(profile, rule) + extra


def published_meetings(council: Council) -> QuerySet[Meeting]:
    """The council's meetings whose agenda is published or that were cancelled after it was: public."""
    return (
        Meeting.objects.filter(council=council)
        .exclude(published_at__isnull=True)
        .select_related("committee")
        .order_by("starts_at", "id")
    )


@dataclass(frozen=True)
class AdviceAsHad:
    """The advice on a decision as its maker had it (N 10, N 13): every version, the one considered, and
    the citations behind it. Both the executive's and scrutiny's pages show this one object."""

    versions: list[OfficerAdvice]
    considered: OfficerAdvice | None
    citations: list[Citation]

    def to_dict(self) -> dict[str, Any]:
        return {
            "versions": [advice_dict(a) for a in self.versions],
            "considered_version": self.considered.version if self.considered else None,
            "citations": [c.to_dict() for c in self.citations],
        }


def advice_dict(advice: OfficerAdvice) -> dict[str, Any]:
    return {
        "version": advice.version,
        "author": advice.author.name,
        "text": advice.text,
        "correction_reason": advice.correction_reason,
        "submitted_at": advice.submitted_at.isoformat(),
    }


def decision_advice(decision: DecisionRecord) -> AdviceAsHad:
    versions = list(decision.advice.select_related("author").order_by("version"))
    considered = next((a for a in versions if a.version == decision.considered_version), None)
    citations = rules.cites(
        profile_of(decision.council),
        rules.ADVICE_ON_RECORD,
        rules.ADVICE_CONSIDERED,
        rules.SCRUTINY_SAME_ADVICE,
    )
    return AdviceAsHad(versions=versions, considered=considered, citations=citations)


def decision_events(decision: DecisionRecord) -> QuerySet[DecisionEvent]:
    return decision.events.select_related("actor", "actor__officer", "actor__member").order_by(
        "at", "id"
    )

"""The API's inputs for committees and decisions, each under the API input rules (`accord.api.inputs`)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from accord.api.inputs import Day, Fits, Id, Input, Moment, fits

from .models import AgendaItem, DecisionRecord, ItemProposal, Meeting

Lines = Annotated[str, Fits(multiline=True), Field(min_length=1)]


class MeetingIn(Input):
    committee_id: Id
    starts_at: Moment
    ends_at: Moment
    place: Annotated[str, fits(Meeting, "place"), Field(min_length=1)]
    publication_date: Day


class MeetingMoveIn(Input):
    starts_at: Moment
    ends_at: Moment
    place: Annotated[str, fits(Meeting, "place"), Field(min_length=1)]


class ItemProposeIn(Input):
    title: Annotated[str, fits(AgendaItem, "title"), Field(min_length=1)]
    summary: Annotated[str, fits(AgendaItem, "summary")] = ""
    must_add: Literal["", "legal-period", "statutory-officer"] = ""
    legal_period: Annotated[str, fits(AgendaItem, "legal_period")] = ""


class ItemIn(Input):
    item_id: Id


class ItemRemoveIn(Input):
    item_id: Id
    reason: Lines


class ProposalRaiseIn(Input):
    title: Annotated[str, fits(ItemProposal, "title"), Field(min_length=1)]
    relevance: Lines


class ProposalIn(Input):
    proposal_id: Id


class ProposalRefuseIn(Input):
    proposal_id: Id
    reason: Lines


class ReasonIn(Input):
    reason: Lines


class DecisionIn(Input):
    matter: Annotated[str, fits(DecisionRecord, "matter"), Field(min_length=1)]
    maker: DecisionRecord.Maker
    maker_member_id: Id | None = None
    maker_committee_id: Id | None = None
    report: Lines
    officer_id: Id
    meeting_id: Id | None = None


class AdviceIn(Input):
    advice: Lines


class CorrectionIn(Input):
    advice: Lines
    reason: Lines


class DecisionTakeIn(Input):
    decision: Lines

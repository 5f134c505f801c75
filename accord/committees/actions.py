"""Every action on a meeting and on a decision record, declared once (D 2.9, D 4.4, N 9-10).

The page's controls, the API's operations (`accord.committees.api_actions`) and the permission checks all
come from `MEETING_ACTIONS` and `DECISION_ACTIONS`; every service re-checks under the row lock.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django import forms

from accord.cases.actions import Action, ActionRegistry
from accord.core.access import Actor
from accord.protocol.calendar import LONDON

from . import api_inputs as api
from . import forms as f
from . import rules, services
from .access import (
    is_advising_officer,
    is_chair,
    is_decision_maker,
    is_senior_officer,
    same_council,
    sits_on,
)
from .models import AgendaItem, DecisionRecord, ItemProposal, Meeting
from .services._common import profile_of

FormFactory = Callable[..., forms.Form]
PLANNED = frozenset({Meeting.State.PLANNED})
M = Meeting.State
D = DecisionRecord.State


def _plain(form: type[forms.Form]) -> FormFactory:
    return lambda *a, case, **kw: form(*a, **kw)


def _items(form: type[f._ItemForm], *states: str) -> FormFactory:
    return lambda *a, case, **kw: form(*a, meeting=case, states=states, **kw)


def _proposals(form: type[f._ProposalForm]) -> FormFactory:
    return lambda *a, case, **kw: form(*a, meeting=case, **kw)


def _has_rule(meeting: Meeting, rule_id: str) -> bool:
    profile = profile_of(meeting.council)
    return profile is not None and rule_id in profile.rules


def _may_propose_items(actor: Actor, meeting: Meeting) -> bool:
    return same_council(actor, meeting) and is_senior_officer(actor)


def _member_of_committee(actor: Actor, meeting: Meeting) -> bool:
    return _has_rule(meeting, rules.MEMBERS_PROPOSAL) and sits_on(actor.member, meeting.committee)


def _has_items(*states: str) -> Callable[[Actor, Meeting], bool]:
    def test(actor: Actor, meeting: Meeting) -> bool:
        return is_chair(actor, meeting) and meeting.items.filter(state__in=states).exists()

    return test


def _open_proposals(meeting: Meeting) -> bool:
    return meeting.proposals.filter(state=ItemProposal.State.COLLECTING).exists()


def _may_sign(actor: Actor, meeting: Meeting) -> bool:
    return _member_of_committee(actor, meeting) and (
        meeting.proposals.filter(state=ItemProposal.State.COLLECTING)
        .exclude(signatures__member=actor.member)
        .exists()
    )


def _may_submit(actor: Actor, meeting: Meeting) -> bool:
    return _member_of_committee(actor, meeting) and (
        meeting.proposals.filter(
            state=ItemProposal.State.COLLECTING, signatures__member=actor.member
        ).exists()
    )


def _may_refuse(actor: Actor, meeting: Meeting) -> bool:
    return (
        same_council(actor, meeting)
        and "monitoring-officer" in actor.statutory_roles
        and _has_rule(meeting, rules.MEMBERS_PROPOSAL)
        and _open_proposals(meeting)
    )


def _dem_services(actor: Actor, case: Meeting | DecisionRecord) -> bool:
    return same_council(actor, case) and actor.is_democratic_services


def _reschedule(actor: Actor, meeting: Meeting, data: dict[str, Any]) -> Meeting:
    """The page gives a day, a start and a length; the API gives the start and end themselves."""
    if "day" in data:
        starts_at = dt.datetime.combine(data["day"], data["start"], tzinfo=LONDON)
        ends_at = starts_at + dt.timedelta(hours=data["hours"])
    else:
        starts_at, ends_at = data["starts_at"], data["ends_at"]
    return services.meeting_reschedule(
        actor=actor, meeting=meeting, starts_at=starts_at, ends_at=ends_at, place=data["place"]
    )


MEETING_ACTIONS: ActionRegistry[Meeting] = ActionRegistry(
    "committees.meetings",
    [
        Action(
            "item-propose",
            "Propose an item to the Chair",
            _may_propose_items,
            lambda a, m, d: services.item_propose(
                actor=a,
                meeting=m,
                title=d["title"],
                summary=d.get("summary") or "",
                must_add=d.get("must_add") or "",
                legal_period=d.get("legal_period") or "",
            ),
            _plain(f.ItemProposeForm),
            states=PLANNED,
            cites=(rules.CHAIR_DECIDES, rules.MUST_ADD),
            schema=api.ItemProposeIn,
            summary="The appropriate senior officer proposes an item to the Chair (D 2.9); an item "
            "legally required within a period, or a statutory officer's duty to report, must be added "
            "(D 2.11).",
        ),
        Action(
            "item-include",
            "Put an item on the agenda",
            _has_items(AgendaItem.State.PROPOSED, AgendaItem.State.REMOVED),
            lambda a, m, d: services.item_include(actor=a, meeting=m, item_id=d["item"]),
            _items(f.ItemIncludeForm, AgendaItem.State.PROPOSED, AgendaItem.State.REMOVED),
            states=PLANNED,
            cites=(rules.CHAIR_DECIDES,),
            schema=api.ItemIn,
            api_fields={"item_id": "item"},
            summary="The Chair (the Leader for Cabinet) decides the final agenda (D 2.9).",
        ),
        Action(
            "item-remove",
            "Leave an item off the agenda",
            _has_items(AgendaItem.State.PROPOSED, AgendaItem.State.ON_AGENDA),
            lambda a, m, d: services.item_remove(
                actor=a, meeting=m, item_id=d["item"], reason=d["reason"]
            ),
            _items(f.ItemRemoveForm, AgendaItem.State.PROPOSED, AgendaItem.State.ON_AGENDA),
            states=PLANNED,
            cites=(rules.CHAIR_DECIDES, rules.MUST_ADD, rules.MEMBERS_PROPOSAL),
            schema=api.ItemRemoveIn,
            api_fields={"item_id": "item"},
            summary="The Chair leaves an item off; refused for an item the Chair cannot remove "
            "(D 2.9, D 2.11).",
        ),
        Action(
            "proposal-raise",
            "Propose an item as a Member of the committee",
            _member_of_committee,
            lambda a, m, d: services.proposal_raise(
                actor=a, meeting=m, title=d["title"], relevance=d["relevance"]
            ),
            _plain(f.ProposalRaiseForm),
            states=PLANNED,
            cites=(rules.MEMBERS_PROPOSAL,),
            schema=api.ProposalRaiseIn,
            summary="A Member of the committee proposes a relevant item, signing it (D 2.9).",
        ),
        Action(
            "proposal-sign",
            "Sign a Members' proposal",
            _may_sign,
            lambda a, m, d: services.proposal_sign(actor=a, meeting=m, proposal_id=d["proposal"]),
            _proposals(f.ProposalSignForm),
            states=PLANNED,
            cites=(rules.MEMBERS_PROPOSAL,),
            schema=api.ProposalIn,
            api_fields={"proposal_id": "proposal"},
            summary="A Member of the committee co-signs a proposal; the time is recorded (D 2.9).",
        ),
        Action(
            "proposal-submit",
            "Submit a Members' proposal",
            _may_submit,
            lambda a, m, d: services.proposal_submit(actor=a, meeting=m, proposal_id=d["proposal"]),
            _proposals(f.ProposalSubmitForm),
            states=PLANNED,
            cites=(rules.MEMBERS_PROPOSAL,),
            schema=api.ProposalIn,
            api_fields={"proposal_id": "proposal"},
            summary="A signatory submits: with 3 Members of the committee, at least 5 working days "
            "before publication, it must be added; otherwise refused with the last day that counted "
            "(D 2.9).",
        ),
        Action(
            "proposal-refuse",
            "Refuse a proposal as not relevant",
            _may_refuse,
            lambda a, m, d: services.proposal_refuse(
                actor=a, meeting=m, proposal_id=d["proposal"], reason=d["reason"]
            ),
            _proposals(f.ProposalRefuseForm),
            states=PLANNED,
            cites=(rules.MEMBERS_PROPOSAL,),
            schema=api.ProposalRefuseIn,
            api_fields={"proposal_id": "proposal"},
            summary="The Monitoring Officer refuses a proposal that is not a relevant item (D 2.9).",
        ),
        Action(
            "publish",
            "Publish the agenda",
            _dem_services,
            lambda a, m, d: services.agenda_publish(actor=a, meeting=m),
            _plain(f.EmptyForm),
            states=PLANNED,
            cites=(rules.CHAIR_DECIDES,),
            secondary=False,
            summary="Democratic services publish the agenda the Chair has settled (D 2.9).",
        ),
        Action(
            "reschedule",
            "Move the meeting",
            _dem_services,
            _reschedule,
            _plain(f.MeetingMoveForm),
            states=frozenset({M.PLANNED, M.PUBLISHED}),
            schema=api.MeetingMoveIn,
            summary="Democratic services move the meeting or change its place; calendars update the "
            "same event.",
        ),
        Action(
            "cancel",
            "Cancel the meeting",
            _dem_services,
            lambda a, m, d: services.meeting_cancel(actor=a, meeting=m, reason=d["reason"]),
            _plain(f.ReasonForm),
            states=frozenset({M.PLANNED, M.PUBLISHED}),
            schema=api.ReasonIn,
            summary="Democratic services cancel the meeting; calendars show it cancelled.",
        ),
    ],
    visible=same_council,
)


def _may_take(actor: Actor, decision: DecisionRecord) -> bool:
    return is_decision_maker(actor, decision) or _dem_services(actor, decision)


def _author_of_latest(actor: Actor, decision: DecisionRecord) -> bool:
    latest = decision.advice.order_by("-version").first()
    return latest is not None and actor.officer is not None and actor.officer.pk == latest.author_id


DECISION_ACTIONS: ActionRegistry[DecisionRecord] = ActionRegistry(
    "committees.decisions",
    [
        Action(
            "advice-submit",
            "Place your advice on record",
            is_advising_officer,
            lambda a, r, d: services.advice_submit(actor=a, decision=r, text=d["text"]),
            _plain(f.AdviceForm),
            states=frozenset({D.AWAITING_ADVICE}),
            cites=(rules.ADVICE_ON_RECORD,),
            schema=api.AdviceIn,
            api_fields={"advice": "text"},
            secondary=False,
            summary="The appropriate officer places their professional advice on record (N 10); "
            "nobody else can change it (N 9, D 4.4).",
        ),
        Action(
            "advice-consider",
            "Mark the advice as considered",
            is_decision_maker,
            lambda a, r, d: services.advice_consider(actor=a, decision=r),
            _plain(f.EmptyForm),
            states=frozenset({D.ADVICE_ON_RECORD}),
            cites=(rules.ADVICE_CONSIDERED,),
            secondary=False,
            summary="The decision maker marks the latest advice considered (N 10).",
        ),
        Action(
            "decide",
            "Record the decision as taken",
            _may_take,
            lambda a, r, d: services.decision_take(actor=a, decision=r, text=d["text"]),
            _plain(f.DecisionTakeForm),
            states=frozenset({D.CONSIDERED}),
            cites=(rules.ADVICE_CONSIDERED,),
            schema=api.DecisionTakeIn,
            api_fields={"decision": "text"},
            secondary=False,
            summary="Recorded only once the advice is on record and considered (N 10).",
        ),
        Action(
            "advice-correct",
            "Issue a correction to your advice",
            _author_of_latest,
            lambda a, r, d: services.advice_correct(
                actor=a, decision=r, text=d["text"], reason=d["reason"]
            ),
            _plain(f.CorrectionForm),
            states=frozenset({D.ADVICE_ON_RECORD, D.CONSIDERED, D.DECIDED}),
            cites=(rules.ADVICE_ON_RECORD,),
            schema=api.CorrectionIn,
            api_fields={"advice": "text"},
            summary="The advice's author issues a correction: a new version, both kept and shown "
            "(D 4.4, N 9).",
        ),
    ],
    visible=same_council,
)


def offered(registry: ActionRegistry[Any], actor: Actor, case: Any) -> list[str]:
    """The names of the actions the actor may take now (the API's `actions`)."""
    return registry.offered_names(actor, case)

"""Agendas (D 2.8-2.11): the senior officer proposes, the Chair settles, some items the Chair cannot
remove, and Members' proposals by 3 Members at least 5 working days before publication."""

from __future__ import annotations

import datetime as dt

import pytest

from accord.core import clock
from accord.core.errors import AccordError

from .. import services
from ..models import AgendaItem, ItemProposal, Meeting
from .conftest import IN_TIME, TOO_LATE, Scene

NOW = dt.datetime(2026, 3, 2, 10, 0, tzinfo=clock.LONDON)


def _labels(error: AccordError) -> list[str]:
    return [c.label for c in error.citations]


def _propose(s: Scene, *signers: str, title: str = "Flooding at the river") -> ItemProposal:
    proposal = services.proposal_raise(
        actor=s.actor(signers[0]), meeting=s.meeting, title=title, relevance="Within our remit."
    )
    for who in signers[1:]:
        services.proposal_sign(actor=s.actor(who), meeting=s.meeting, proposal_id=proposal.pk)
    return proposal


@pytest.mark.cites("D 2.9", "D 2.8")
def test_officer_proposes_chair_settles_and_agenda_is_published(scene: Scene) -> None:
    s = scene
    with clock.frozen(NOW):
        one = services.item_propose(
            actor=s.actor("chief_officer"), meeting=s.meeting, title="Budget"
        )
        two = services.item_propose(
            actor=s.actor("chief_officer"), meeting=s.meeting, title="Parks"
        )
        with pytest.raises(AccordError) as waiting:
            services.agenda_publish(actor=s.actor("democratic_services"), meeting=s.meeting)
        assert "D 2.9" in _labels(waiting.value)
        with pytest.raises(AccordError):
            services.item_include(
                actor=s.actor("democratic_services"), meeting=s.meeting, item_id=one.pk
            )
        services.item_include(actor=s.actor("chair"), meeting=s.meeting, item_id=one.pk)
        services.item_remove(
            actor=s.actor("chair"), meeting=s.meeting, item_id=two.pk, reason="Next time."
        )
        published = services.agenda_publish(actor=s.actor("democratic_services"), meeting=s.meeting)
    assert published.state == Meeting.State.PUBLISHED and published.sequence == 1
    assert [i.title for i in s.meeting.items.filter(state="on-agenda")] == ["Budget"]
    with pytest.raises(AccordError):
        services.item_propose(actor=s.actor("chief_officer"), meeting=s.meeting, title="Late")


@pytest.mark.cites("D 2.9")
def test_an_ordinary_officer_or_member_does_not_propose_items(scene: Scene) -> None:
    for who in ("officer", "member"):
        with pytest.raises(AccordError):
            services.item_propose(actor=scene.actor(who), meeting=scene.meeting, title="Mine")


@pytest.mark.cites("D 2.9", "D 2.11")
def test_the_chair_cannot_remove_a_legal_or_statutory_officer_item(scene: Scene) -> None:
    s = scene
    legal = services.item_propose(
        actor=s.actor("chief_officer"),
        meeting=s.meeting,
        title="Council tax base",
        must_add="legal-period",
        legal_period="to be set by 31 January",
    )
    report = services.item_propose(
        actor=s.actor("monitoring_officer"),
        meeting=s.meeting,
        title="Report under section 5",
        must_add="statutory-officer",
    )
    assert legal.state == report.state == AgendaItem.State.ON_AGENDA
    assert report.statutory_role == "monitoring-officer"
    for item in (legal, report):
        with pytest.raises(AccordError) as refused:
            services.item_remove(
                actor=s.actor("chair"), meeting=s.meeting, item_id=item.pk, reason="No"
            )
        assert "cannot remove" in refused.value.message
        expected = {"D 2.9", "D 2.11"} if item == report else {"D 2.9"}
        assert set(_labels(refused.value)) == expected


@pytest.mark.cites("D 2.11")
def test_only_a_statutory_officer_reports_under_their_duty_and_a_period_is_named(
    scene: Scene,
) -> None:
    s = scene
    with pytest.raises(AccordError) as not_statutory:
        services.item_propose(
            actor=s.actor("democratic_services"),
            meeting=s.meeting,
            title="x",
            must_add="statutory-officer",
        )
    assert "D 2.11" in _labels(not_statutory.value)
    with pytest.raises(AccordError) as no_period:
        services.item_propose(
            actor=s.actor("chief_officer"), meeting=s.meeting, title="x", must_add="legal-period"
        )
    assert no_period.value.field == "legal_period"
    assert not AgendaItem.objects.exists()


@pytest.mark.cites("D 2.9")
def test_three_members_in_time_must_be_added_and_the_chair_cannot_remove_it(scene: Scene) -> None:
    s = scene
    with clock.frozen(IN_TIME - dt.timedelta(hours=2)):
        proposal = _propose(s, "member", "second")
    with clock.frozen(IN_TIME - dt.timedelta(hours=1)):
        services.proposal_sign(actor=s.actor("third"), meeting=s.meeting, proposal_id=proposal.pk)
    with clock.frozen(IN_TIME):
        item = services.proposal_submit(
            actor=s.actor("third"), meeting=s.meeting, proposal_id=proposal.pk
        )
    assert item.state == AgendaItem.State.ON_AGENDA and item.must_add == "members-proposal"
    times = list(proposal.signatures.values_list("signed_at", flat=True))
    assert times[-1] == IN_TIME - dt.timedelta(hours=1)
    with pytest.raises(AccordError) as refused:
        services.item_remove(
            actor=s.actor("chair"), meeting=s.meeting, item_id=item.pk, reason="No"
        )
    assert _labels(refused.value) == ["D 2.9"]


@pytest.mark.cites("D 2.9")
def test_too_few_members_is_refused_and_nothing_is_added(scene: Scene) -> None:
    s = scene
    with clock.frozen(NOW):
        proposal = _propose(s, "member", "second")
        with pytest.raises(AccordError) as refused:
            services.proposal_submit(
                actor=s.actor("member"), meeting=s.meeting, proposal_id=proposal.pk
            )
    assert "At least 3 Members" in refused.value.message and _labels(refused.value) == ["D 2.9"]
    assert not AgendaItem.objects.exists()
    proposal.refresh_from_db()
    assert proposal.state == ItemProposal.State.COLLECTING


@pytest.mark.cites("D 2.9")
def test_a_member_not_on_the_committee_cannot_sign(scene: Scene) -> None:
    s = scene
    proposal = _propose(s, "member")
    with pytest.raises(AccordError) as refused:
        services.proposal_sign(
            actor=s.actor("outsider"), meeting=s.meeting, proposal_id=proposal.pk
        )
    assert "Only a Member of the Planning Committee" in refused.value.message
    assert _labels(refused.value) == ["D 2.9"]
    with pytest.raises(AccordError):
        _propose(s, "outsider")


@pytest.mark.cites("D 2.9")
def test_a_supporter_who_left_the_committee_no_longer_counts(scene: Scene) -> None:
    s = scene
    with clock.frozen(NOW):
        proposal = _propose(s, "member", "second", "third")
        s.committee.members.remove(s.members["third"])
        with pytest.raises(AccordError) as refused:
            services.proposal_submit(
                actor=s.actor("member"), meeting=s.meeting, proposal_id=proposal.pk
            )
    assert "Tara Third" in refused.value.message


@pytest.mark.cites("D 2.9")
def test_enough_members_still_on_the_committee_carry_a_proposal_one_leaver_signed(
    scene: Scene,
) -> None:
    s = scene
    with clock.frozen(NOW):
        proposal = _propose(s, "member", "chair", "second", "third")
        s.committee.members.remove(s.members["third"])
        item = services.proposal_submit(
            actor=s.actor("member"), meeting=s.meeting, proposal_id=proposal.pk
        )
    assert item.state == AgendaItem.State.ON_AGENDA
    assert item.must_add == AgendaItem.Reason.MEMBERS_PROPOSAL
    added = s.meeting.events.get(kind="proposal-added")
    assert "Proposed by 3 Members" in added.description
    assert s.members["third"].pk not in added.data["signatories"]


@pytest.mark.cites("D 2.9")
def test_too_late_names_the_last_day_that_would_have_counted(scene: Scene) -> None:
    s = scene
    with clock.frozen(TOO_LATE):
        proposal = _propose(s, "member", "second", "third")
        with pytest.raises(AccordError) as refused:
            services.proposal_submit(
                actor=s.actor("member"), meeting=s.meeting, proposal_id=proposal.pk
            )
    assert "Too late" in refused.value.message
    assert "Monday 09 March 2026" in refused.value.message
    assert _labels(refused.value) == ["D 2.9"]
    assert not AgendaItem.objects.exists()


@pytest.mark.cites("D 2.9")
def test_working_days_skip_a_bank_holiday(scene: Scene) -> None:
    """Publication on Tuesday 7 April 2026, after Good Friday and Easter Monday (D 2.9)."""
    from accord.councils.calendars import calendar_for

    from ..rules import last_day_for

    day = last_day_for(
        calendar_for(scene.council), publication_date=dt.date(2026, 4, 7), working_days=5
    )
    # Counting back 5 working days from Tuesday 7 April: 2, 1 April, 31, 30, 27 March (3 and 6 April are
    # Good Friday and Easter Monday).
    assert day == dt.date(2026, 3, 27)


@pytest.mark.cites("D 2.9")
def test_relevance_is_for_the_monitoring_officer_not_the_chair(scene: Scene) -> None:
    s = scene
    proposal = _propose(s, "member", "second", "third")
    with pytest.raises(AccordError):
        services.proposal_refuse(
            actor=s.actor("chair"), meeting=s.meeting, proposal_id=proposal.pk, reason="Dislike it."
        )
    refused = services.proposal_refuse(
        actor=s.actor("monitoring_officer"),
        meeting=s.meeting,
        proposal_id=proposal.pk,
        reason="A licensing matter, not planning.",
    )
    assert refused.state == ItemProposal.State.NOT_RELEVANT
    with pytest.raises(AccordError):
        services.proposal_submit(
            actor=s.actor("member"), meeting=s.meeting, proposal_id=proposal.pk
        )


def test_norfolk_gives_members_no_right_to_add_an_item(norfolk: Scene) -> None:
    from ..actions import MEETING_ACTIONS

    assert "proposal-raise" not in MEETING_ACTIONS.offered_names(
        norfolk.actor("member"), norfolk.meeting
    )
    with pytest.raises(AccordError) as refused:
        _propose(norfolk, "member")
    assert "no right to add an item" in refused.value.message

"""Meetings from the outside: the API for meetings, items, proposals and signatures; the published agenda
and the council's meetings feed (public); another council's meeting as a 404 (D 2.9)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client

from accord.core import clock

from .. import services
from ..models import Meeting
from .conftest import IN_TIME, Scene


def post(client: Client, url: str, data: dict[str, Any] | None = None) -> Any:
    return client.post(url, data or {}, content_type="application/json")


@pytest.mark.cites("D 2.9")
def test_api_meeting_items_proposals_and_signatures(scene: Scene) -> None:
    s = scene
    dem = s.client("democratic_services")
    created = post(
        dem,
        f"/api/v1/councils/{s.council.slug}/meetings",
        {
            "committee_id": s.committee.pk,
            "starts_at": "2026-03-24T18:30:00+00:00",
            "ends_at": "2026-03-24T20:30:00+00:00",
            "place": "Council Chamber",
            "publication_date": "2026-03-16",
        },
    )
    assert created.status_code == 201, created.json()
    pk = created.json()["id"]
    base = f"/api/v1/meetings/{pk}"
    with clock.frozen(IN_TIME):
        raised = post(
            s.client("member"),
            f"{base}/proposal-raise",
            {"title": "Flooding", "relevance": "Ours."},
        )
        assert raised.status_code == 200, raised.json()
        proposal_id = raised.json()["proposals"][0]["id"]
        for who in ("second", "third"):
            signed = post(s.client(who), f"{base}/proposal-sign", {"proposal_id": proposal_id})
            assert signed.status_code == 200
        submitted = post(
            s.client("second"), f"{base}/proposal-submit", {"proposal_id": proposal_id}
        )
    body = submitted.json()
    assert [len(p["signatures"]) for p in body["proposals"]] == [3]
    item = body["items"][0]
    assert item["must_add"] == "members-proposal" and item["citations"][0]["label"] == "D 2.9"
    removed = post(
        s.client("chair"), f"{base}/item-remove", {"item_id": item["id"], "reason": "No."}
    )
    assert removed.status_code == 400 and removed.json()["citations"][0]["label"] == "D 2.9"
    assert post(dem, f"{base}/publish").json()["state"] == "published"


@pytest.mark.cites("D 2.9")
def test_a_late_proposal_is_refused_in_the_page_with_the_last_day(scene: Scene) -> None:
    s = scene
    with clock.frozen(IN_TIME):
        proposal = services.proposal_raise(
            actor=s.actor("member"), meeting=s.meeting, title="Flooding", relevance="Ours."
        )
        for who in ("second", "third"):
            services.proposal_sign(actor=s.actor(who), meeting=s.meeting, proposal_id=proposal.pk)
    with clock.frozen(IN_TIME + dt.timedelta(days=1)):
        page = s.client("member").post(
            f"/meetings/{s.meeting.pk}/actions/proposal-submit/",
            {"proposal-submit-proposal": proposal.pk},
        )
    text = page.content.decode()
    assert page.status_code == 400
    assert "Too late" in text and "Monday 09 March 2026" in text and "D 2.9" in text


def test_bad_input_names_the_field_and_saves_nothing(scene: Scene) -> None:
    s = scene
    dem = s.client("democratic_services")
    url = f"/api/v1/councils/{s.council.slug}/meetings"
    bad = post(
        dem,
        url,
        {
            "committee_id": s.committee.pk,
            "starts_at": "2026-03-24T18:30:00",
            "ends_at": "2026-03-24T20:30:00+00:00",
            "place": "x",
            "publication_date": "3026-03-16",
        },
    )
    assert bad.status_code == 422
    fields = {e["field"] for e in bad.json()["errors"]}
    assert {"starts_at", "publication_date"} <= fields
    after = post(
        dem,
        url,
        {
            "committee_id": s.committee.pk,
            "starts_at": "2026-03-24T18:30:00+00:00",
            "ends_at": "2026-03-24T20:30:00+00:00",
            "place": "x",
            "publication_date": "2026-03-25",
        },
    )
    assert after.status_code == 400 and "published on or before" in after.json()["detail"]
    page = dem.post(
        "/meetings/new/", {"committee": s.committee.pk, "day": "2026-02-31", "start": "25:00"}
    )
    assert page.status_code == 400 and "Enter a real date" in page.content.decode()
    assert Meeting.objects.count() == 1


def test_published_agenda_and_feed_are_public_and_unpublished_is_not_found(scene: Scene) -> None:
    s = scene
    services.item_propose(
        actor=s.actor("chief_officer"),
        meeting=s.meeting,
        title="Council tax base",
        must_add="legal-period",
        legal_period="by 31 January",
    )
    anonymous = Client()
    agenda = f"/councils/{s.council.slug}/meetings/{s.meeting.pk}/agenda/"
    assert anonymous.get(agenda).status_code == 404
    assert (
        "BEGIN:VEVENT"
        not in anonymous.get(f"/councils/{s.council.slug}/meetings.ics").content.decode()
    )
    services.agenda_publish(actor=s.actor("democratic_services"), meeting=s.meeting)
    page = anonymous.get(agenda)
    assert page.status_code == 200 and "Council tax base" in page.content.decode()
    feed = anonymous.get(f"/councils/{s.council.slug}/meetings.ics").content.decode()
    assert f"meeting-{s.meeting.uid}@accord" in feed and "SEQUENCE:1" in feed
    other = s.roles.other_council.slug
    assert anonymous.get(f"/councils/{other}/meetings/{s.meeting.pk}/agenda/").status_code == 404
    services.meeting_cancel(
        actor=s.actor("democratic_services"), meeting=s.meeting, reason="Storm."
    )
    feed = anonymous.get(f"/councils/{s.council.slug}/meetings.ics").content.decode()
    assert "STATUS:CANCELLED" in feed and "SEQUENCE:2" in feed


def test_members_feed_lists_their_committees_meetings(scene: Scene) -> None:
    from ..calendar import meetings_of_user

    services.agenda_publish(actor=scene.actor("democratic_services"), meeting=scene.meeting)
    assert len(list(meetings_of_user(scene.users["chair"]))) == 1
    assert list(meetings_of_user(scene.users["outsider"])) == []


def test_another_councils_meeting_is_not_found(scene: Scene) -> None:
    other = scene.client("other_council")
    pk = scene.meeting.pk
    assert other.get(f"/meetings/{pk}/").status_code == 404
    assert other.get(f"/api/v1/meetings/{pk}").status_code == 404
    assert (
        post(
            other, f"/api/v1/meetings/{pk}/proposal-raise", {"title": "x", "relevance": "y"}
        ).status_code
        == 404
    )
    assert other.get(f"/api/v1/councils/{scene.council.slug}/meetings").status_code == 404
    assert other.get(f"/councils/{scene.council.slug}/meetings/").status_code == 404


def test_invitations_on_publish_move_and_cancel_keep_one_uid(scene: Scene) -> None:
    from accord.notifications.models import OutboxMessage

    s = scene
    s.members["chair"].email = "chair@example.org"
    s.members["chair"].save()
    dem = s.actor("democratic_services")
    services.agenda_publish(actor=dem, meeting=s.meeting)
    moved = post(
        s.client("democratic_services"),
        f"/api/v1/meetings/{s.meeting.pk}/reschedule",
        {
            "starts_at": "2026-03-25T18:30:00+00:00",
            "ends_at": "2026-03-25T20:30:00+00:00",
            "place": "Committee Room 1",
        },
    )
    assert moved.status_code == 200 and moved.json()["sequence"] == 2
    services.meeting_cancel(actor=dem, meeting=s.meeting, reason="Storm.")
    sent = list(OutboxMessage.objects.filter(recipient="chair@example.org").order_by("id"))
    assert sent[0].subject.startswith("Planning Committee, Tuesday 24 March 2026")
    assert [m.subject.split(":")[0] for m in sent[1:]] == ["Changed", "Cancelled"]
    uid = f"UID:meeting-{s.meeting.uid}@accord"
    assert all(uid in m.calendar.replace("\r\n ", "") for m in sent)
    assert "METHOD:CANCEL" in sent[-1].calendar and "SEQUENCE:3" in sent[-1].calendar
    assert "Committee Room 1" in sent[1].calendar


def test_a_move_before_the_publication_day_is_refused_naming_the_field(scene: Scene) -> None:
    s = scene
    page = s.client("democratic_services").post(
        f"/meetings/{s.meeting.pk}/actions/reschedule/",
        {
            "reschedule-day": "2026-03-10",
            "reschedule-start": "18:00",
            "reschedule-hours": "2",
            "reschedule-place": "Hall",
        },
    )
    assert page.status_code == 400 and "before its agenda" in page.content.decode()
    s.meeting.refresh_from_db()
    assert s.meeting.sequence == 0 and s.meeting.place == "Council Chamber"


@pytest.mark.cites("D 2.9")
def test_every_refusal_of_a_signature_or_submission_cites_the_paragraph(scene: Scene) -> None:
    s = scene
    base = f"/api/v1/meetings/{s.meeting.pk}"
    with clock.frozen(IN_TIME):
        raised = post(
            s.client("member"),
            f"{base}/proposal-raise",
            {"title": "Flooding", "relevance": "Ours."},
        )
        proposal_id = raised.json()["proposals"][0]["id"]
        refusals = [
            post(s.client("member"), f"{base}/proposal-sign", {"proposal_id": proposal_id}),
            post(s.client("second"), f"{base}/proposal-sign", {"proposal_id": 2**31 - 1}),
            post(s.client("chair"), f"{base}/item-include", {"item_id": 2**31 - 1}),
        ]
        services.proposal_refuse(
            actor=s.actor("monitoring_officer"),
            meeting=s.meeting,
            proposal_id=proposal_id,
            reason="Not relevant.",
        )
        refusals += [
            post(s.client("second"), f"{base}/proposal-sign", {"proposal_id": proposal_id}),
            post(s.client("member"), f"{base}/proposal-submit", {"proposal_id": proposal_id}),
        ]
    for answer in refusals:
        assert answer.status_code == 400, answer.json()
        labels = [c["label"] for c in answer.json()["citations"]]
        assert labels and labels[0] in ("D 2.9", "D 2.8"), answer.json()

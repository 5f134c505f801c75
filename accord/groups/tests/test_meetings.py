"""Group meeting requests, attendance and advice under both profiles (D 7, N 18-19)."""

from __future__ import annotations

import datetime as dt

import pytest

from accord.core import clock
from accord.core.errors import AccordError
from accord.groups.models import GroupMeeting, GroupMeetingEvent, GroupNote, ParityOffer
from accord.groups.services import meetings as ms
from accord.groups.tests.factories import Scene
from accord.notifications.models import OutboxMessage

State = GroupMeeting.State


def labels(error: AccordError) -> set[str]:
    return {c.label for c in error.citations}


@pytest.mark.cites("D 7.2", "D 7.4(b)")
def test_party_political_business_is_refused_and_nothing_saved(district: Scene) -> None:
    with pytest.raises(AccordError) as refused:
        district.request(subject="Candidate selection for May")
    assert {"D 7.2", "D 7.4(b)"} <= labels(refused.value)
    assert refused.value.field == "subject"
    assert not GroupMeeting.objects.exists()


@pytest.mark.cites("N 19", "N 19(f)")
def test_party_political_business_is_refused_in_norfolk(norfolk: Scene) -> None:
    with pytest.raises(AccordError) as refused:
        norfolk.request(subject="Party funds and fundraising")
    assert "N 19(f)" in labels(refused.value)


@pytest.mark.cites("D 7.4", "D 7.4(a)")
def test_district_request_goes_through_the_chief_officer_who_approves(district: Scene) -> None:
    with pytest.raises(AccordError) as refused:
        district.request(who="red_member", officer=district.people["officer"])
    assert "D 7.4(a)" in labels(refused.value)
    meeting = district.request(
        who="red_member", officer=district.people["officer"], chief_officer=district.people["chief"]
    )
    assert meeting.chief_officer == district.people["chief"]
    assert OutboxMessage.objects.filter(recipient=district.people["chief"].email).exists()
    # Only the Chief Officer approves; the officer asked for cannot.
    with pytest.raises(AccordError):
        ms.meeting_approve(actor=district.actor("officer"), meeting=meeting)
    approved = ms.meeting_approve(actor=district.actor("chief"), meeting=meeting)
    assert approved.state == State.AGREED


@pytest.mark.cites("D 7.4(a)")
def test_district_chief_officer_refuses_with_reason(district: Scene) -> None:
    meeting = district.request()
    refused = ms.meeting_refuse(
        actor=district.actor("chief"), meeting=meeting, reason="Not Council business."
    )
    assert refused.state == State.REFUSED
    assert GroupMeetingEvent.objects.filter(meeting=meeting, kind="refuse").get().data["text"] == (
        "Not Council business."
    )


@pytest.mark.cites("D 7.4(b)(i)", "D 7.4(b)(ii)", "D 7.4(b)(v)")
def test_district_advice_is_offered_to_the_other_groups_and_take_up_recorded(
    district: Scene,
) -> None:
    meeting = district.request()
    ms.meeting_approve(actor=district.actor("chief"), meeting=meeting)
    ms.meeting_officer_left(
        actor=district.actor("chief"), meeting=meeting, note="Left for the debate."
    )
    ms.meeting_advice_record(
        actor=district.actor("chief"), meeting=meeting, advice="Sites A and B are allocated."
    )
    offer = ParityOffer.objects.get()
    assert offer.group == district.blue and offer.state == ParityOffer.State.OFFERED
    assert OutboxMessage.objects.filter(recipient=district.people["blue_leader"].email).exists()
    kinds = list(GroupMeetingEvent.objects.filter(meeting=meeting).values_list("kind", flat=True))
    assert kinds == ["requested", "approve", "officer-left", "advice-recorded", "offered"]
    taken = ms.offer_answer(actor=district.actor("blue_member"), offer_id=offer.pk, take_up=True)
    assert (
        taken.state == ParityOffer.State.TAKEN_UP
        and taken.answered_by == district.people["blue_member"]
    )
    with pytest.raises(AccordError):
        ms.offer_answer(actor=district.actor("blue_leader"), offer_id=offer.pk, take_up=False)


@pytest.mark.cites("D 7.1", "D 7.4(b)(iv)")
def test_a_meeting_page_says_its_conclusions_are_not_council_decisions(district: Scene) -> None:
    meeting = district.request()
    for who in ("red_member", "chief"):
        page = district.client(who).get(f"/groups/meetings/{meeting.pk}/")
        assert page.status_code == 200
        body = page.content.decode()
        assert "not Council decisions" in body and "D 7.1" in body
        assert "no officer acts on them until they are formal decisions of the Council" in body
    api = district.client("chief").get(f"/api/v1/group-meetings/{meeting.pk}").json()
    assert [c["label"] for c in api["not_a_decision"]] == ["D 7.1"]
    assert "D 7.4(b)(iv)" in {c["label"] for c in api["attendance_terms"]}


@pytest.mark.cites("N 18")
def test_norfolk_meeting_page_cites_n18(norfolk: Scene) -> None:
    meeting = norfolk.request()
    body = norfolk.client("red_leader").get(f"/groups/meetings/{meeting.pk}/").content.decode()
    assert "N 18" in body and "not Council decisions" in body


@pytest.mark.cites("N 19", "N 19(e)")
def test_norfolk_only_a_group_leader_invites_and_only_a_chief_officer(norfolk: Scene) -> None:
    with pytest.raises(AccordError) as not_leader:
        norfolk.request(who="red_member")
    assert "N 19(e)" in labels(not_leader.value)
    with pytest.raises(AccordError) as not_chief:
        norfolk.request(officer=norfolk.people["officer"])
    assert "N 19(e)" in labels(not_chief.value) and not_chief.value.field == "officer"
    meeting = norfolk.request()
    nominated = ms.meeting_nominate(
        actor=norfolk.actor("chief"), meeting=meeting, officer=norfolk.people["officer"]
    )
    assert nominated.officer == norfolk.people["officer"]
    accepted = ms.meeting_accept(actor=norfolk.actor("officer"), meeting=meeting)
    assert accepted.state == State.AGREED


@pytest.mark.cites("N 19(a)")
def test_norfolk_an_officer_may_decline(norfolk: Scene) -> None:
    meeting = norfolk.request()
    declined = ms.meeting_decline(
        actor=norfolk.actor("chief"), meeting=meeting, reason="Diary clash."
    )
    assert declined.state == State.DECLINED


@pytest.mark.cites("N 19(d)")
def test_norfolk_an_officer_who_accepted_one_group_cannot_decline_another_on_the_subject(
    norfolk: Scene,
) -> None:
    red = norfolk.request()
    ms.meeting_accept(actor=norfolk.actor("chief"), meeting=red)
    blue = norfolk.request(who="blue_leader", subject="local plan: Housing sites")
    with pytest.raises(AccordError) as refused:
        ms.meeting_decline(actor=norfolk.actor("chief"), meeting=blue, reason="Busy.")
    assert labels(refused.value) == {"N 19(d)"}
    assert GroupMeeting.objects.get(pk=blue.pk).state == State.REQUESTED
    other = norfolk.request(who="blue_leader", subject="Bus shelters")
    assert ms.meeting_decline(
        actor=norfolk.actor("chief"), meeting=other, reason="Busy."
    ).state == (State.DECLINED)


@pytest.mark.cites("N 19(b)", "N 19(c)")
def test_norfolk_the_group_withdraws_and_the_officer_may_leave(norfolk: Scene) -> None:
    meeting = norfolk.request()
    ms.meeting_accept(actor=norfolk.actor("chief"), meeting=meeting)
    ms.meeting_officer_left(actor=norfolk.actor("chief"), meeting=meeting)
    withdrawn = ms.meeting_withdraw(actor=norfolk.actor("red_member"), meeting=meeting)
    assert withdrawn.state == State.WITHDRAWN
    event = GroupMeetingEvent.objects.filter(meeting=meeting, kind="withdraw").get()
    assert "N 19(b)" in {c["label"] for c in event.citations}


@pytest.mark.cites("N 19(f)", "N 19(g)", "N 19(h)")
def test_norfolk_second_group_officer_sees_first_advice_never_views(norfolk: Scene) -> None:
    red = norfolk.request()
    ms.meeting_accept(actor=norfolk.actor("chief"), meeting=red)
    ms.meeting_note_add(
        actor=norfolk.actor("red_member"),
        meeting=red,
        text="RED-VIEW we oppose site B",
        kind="note",
    )
    ms.meeting_advice_record(
        actor=norfolk.actor("chief"), meeting=red, advice="ADVICE-1 site B is allocated."
    )
    blue = norfolk.request(who="blue_leader")
    ms.meeting_accept(actor=norfolk.actor("chief"), meeting=blue)
    body = norfolk.client("chief").get(f"/groups/meetings/{blue.pk}/").content.decode()
    assert "ADVICE-1" in body
    assert "RED-VIEW" not in body and "Red Group" not in body
    api = norfolk.client("chief").get(f"/api/v1/group-meetings/{blue.pk}").json()
    assert api["same_subject_advice"][0]["advice"] == "ADVICE-1 site B is allocated."
    assert "RED-VIEW" not in str(api)
    # The Blue group's Members never see Red's views nor Red's meeting.
    assert norfolk.client("blue_leader").get(f"/groups/meetings/{red.pk}/").status_code == 404


@pytest.mark.cites("N 19(i)")
def test_norfolk_officer_verifies_the_minute_of_their_advice(norfolk: Scene) -> None:
    meeting = norfolk.request()
    ms.meeting_accept(actor=norfolk.actor("chief"), meeting=meeting)
    ms.meeting_note_add(
        actor=norfolk.actor("red_member"), meeting=meeting, text="VIEWS secret", kind="note"
    )
    minute = ms.meeting_note_add(
        actor=norfolk.actor("red_member"),
        meeting=meeting,
        text="MINUTE officer said X",
        kind="advice-minute",
    )
    body = norfolk.client("chief").get(f"/groups/meetings/{meeting.pk}/").content.decode()
    assert "MINUTE officer said X" in body and "VIEWS secret" not in body
    ms.meeting_minute_verify(
        actor=norfolk.actor("chief"), meeting=meeting, note_id=minute.pk, verification="Correct."
    )
    assert GroupNote.objects.get(pk=minute.pk).verification == "Correct."


@pytest.mark.cites("N 19(j)")
def test_norfolk_members_are_reminded_advice_may_not_be_cited_in_public(norfolk: Scene) -> None:
    meeting = norfolk.request()
    ms.meeting_accept(actor=norfolk.actor("chief"), meeting=meeting)
    ms.meeting_advice_record(actor=norfolk.actor("chief"), meeting=meeting, advice="Facts.")
    body = norfolk.client("red_member").get(f"/groups/meetings/{meeting.pk}/").content.decode()
    assert "may not refer to this advice in public" in body and "N 19(j)" in body


@pytest.mark.cites("D 7.3")
def test_a_suspected_breach_goes_to_the_monitoring_officer(district: Scene) -> None:
    meeting = district.request()
    ms.meeting_breach_report(
        actor=district.actor("red_member"), meeting=meeting, text="Leaked to Blue."
    )
    message = OutboxMessage.objects.get(recipient=district.people["monitoring"].email)
    assert "D 7.3" in message.body and "Leaked to Blue." in message.body


@pytest.mark.cites("D 7.3", "D 7.4(b)(iii)")
def test_notes_are_the_groups_own(district: Scene) -> None:
    meeting = district.request()
    ms.meeting_note_add(
        actor=district.actor("red_member"), meeting=meeting, text="SECRET-NOTE", kind="note"
    )
    for who in ("blue_leader", "blue_member", "independent", "monitoring", "officer", "chief2"):
        client = district.client(who)
        assert client.get(f"/groups/meetings/{meeting.pk}/").status_code == 404
        assert client.get(f"/api/v1/group-meetings/{meeting.pk}").status_code == 404
        assert "SECRET-NOTE" not in client.get("/groups/").content.decode()
        assert "SECRET-NOTE" not in client.get("/groups/meetings.csv").getvalue().decode()
    assert (
        "SECRET-NOTE"
        in district.client("red_leader").get(f"/groups/meetings/{meeting.pk}/").content.decode()
    )
    # The Chief Officer sees the meeting but not the group's notes, nor that it keeps any.
    chief = district.client("chief").get(f"/groups/meetings/{meeting.pk}/").content.decode()
    assert "SECRET-NOTE" not in chief and "note added" not in chief
    assert (
        "note added"
        in district.client("red_member").get(f"/groups/meetings/{meeting.pk}/").content.decode()
    )


def test_meeting_dates_are_bounded(district: Scene) -> None:
    with pytest.raises(AccordError) as past:
        district.request(meeting_date=clock.today() - dt.timedelta(days=1))
    assert past.value.field == "meeting_date"
    client = district.client("red_leader")
    response = client.post(
        "/api/v1/group-meetings",
        {
            "meeting_date": "3000-01-01",
            "place": "x",
            "subject": "y",
            "officer_id": district.people["chief"].pk,
        },
        content_type="application/json",
    )
    assert response.status_code == 422 and "meeting_date" in response.json()["detail"]
    page = client.post(
        "/groups/meetings/new/", {"meeting_date": "2026-02-31", "place": "", "subject": "s"}
    )
    assert page.status_code == 400
    assert "Date of the meeting must be a real date" in page.content.decode()
    assert not GroupMeeting.objects.exists()


def test_the_page_walk_from_request_to_advice(district: Scene) -> None:
    leader = district.client("red_leader")
    day = (clock.today() + dt.timedelta(days=3)).isoformat()
    response = leader.post(
        "/groups/meetings/new/",
        {
            "meeting_date": day,
            "place": "Room 1",
            "subject": "Car parks",
            "officer": district.people["chief"].pk,
        },
    )
    assert response.status_code == 302
    meeting = GroupMeeting.objects.get()
    chief = district.client("chief")
    assert (
        chief.post(
            f"/groups/meetings/{meeting.pk}/actions/approve/", {"approve-text": ""}
        ).status_code
        == 302
    )
    empty = chief.post(
        f"/groups/meetings/{meeting.pk}/actions/record-advice/", {"record-advice-text": ""}
    )
    assert empty.status_code == 400 and "Enter the advice given" in empty.content.decode()
    done = chief.post(
        f"/groups/meetings/{meeting.pk}/actions/record-advice/",
        {"record-advice-text": "Fees are set by Cabinet."},
    )
    assert done.status_code == 302
    assert GroupMeeting.objects.get().state == State.ADVISED


@pytest.mark.cites("D 7.4(a)", "N 19(a)", "D 7.4(b)(i)")
def test_a_second_click_on_a_step_already_taken_is_refused_with_its_citation(
    district: Scene, norfolk: Scene
) -> None:
    meeting = district.request()
    chief = district.client("chief")
    url = f"/groups/meetings/{meeting.pk}/actions/approve/"
    assert chief.post(url, {"approve-text": ""}).status_code == 302
    again = chief.post(url, {"approve-text": ""})
    assert again.status_code == 400
    page = again.content.decode()
    assert "This cannot be done now" in page and "D 7.4(a)" in page
    events = meeting.events.count()
    api = chief.post(
        f"/api/v1/group-meetings/{meeting.pk}/approve", {}, content_type="application/json"
    )
    assert api.status_code == 400
    assert "D 7.4(a)" in {c["label"] for c in api.json()["citations"]}
    assert meeting.events.count() == events
    # Advice recorded twice (two clicks): the second is told why, and nothing more is saved.
    advice = f"/groups/meetings/{meeting.pk}/actions/record-advice/"
    assert chief.post(advice, {"record-advice-text": "Facts."}).status_code == 302
    twice = chief.post(advice, {"record-advice-text": "Facts again."})
    assert twice.status_code == 400 and "D 7.4(b)(i)" in twice.content.decode()
    assert GroupMeeting.objects.get(pk=meeting.pk).advice == "Facts."
    # Norfolk: accepted, then the decline button of the same invitation clicked.
    invited = norfolk.request()
    officer = norfolk.client("chief")
    assert officer.post(f"/groups/meetings/{invited.pk}/actions/accept/", {}).status_code == 302
    declined = officer.post(
        f"/groups/meetings/{invited.pk}/actions/decline/", {"decline-text": "No."}
    )
    assert declined.status_code == 400 and "N 19(a)" in declined.content.decode()
    assert GroupMeeting.objects.get(pk=invited.pk).state == State.AGREED
    # Someone who may not take the step at all still finds no such page.
    member = district.client("red_member")
    assert member.post(url, {"approve-text": ""}).status_code == 404


@pytest.mark.cites("D 7.4(a)", "N 19", "N 19(e)")
def test_a_member_of_no_group_is_told_why_with_the_paragraphs_and_nothing_is_saved(
    district: Scene, norfolk: Scene
) -> None:
    day = (clock.today() + dt.timedelta(days=3)).isoformat()
    for scene, labels_expected in ((district, {"D 7.4(a)"}), (norfolk, {"N 19", "N 19(e)"})):
        independent = scene.client("independent")
        page = independent.get("/groups/meetings/new/")
        assert page.status_code == 400
        text = page.content.decode()
        assert "Only a Member of the group" in text
        assert all(label in text for label in labels_expected)
        assert "Send the request" not in text
        posted = independent.post(
            "/groups/meetings/new/",
            {"meeting_date": day, "place": "Room 1", "subject": "Roads", "officer": 1},
        )
        assert posted.status_code == 400 and "Only a Member of the group" in posted.content.decode()
        api = independent.post(
            "/api/v1/group-meetings",
            {
                "meeting_date": day,
                "place": "Room 1",
                "subject": "Roads",
                "officer_id": scene.people["chief"].pk,
            },
            content_type="application/json",
        )
        assert api.status_code == 400
        assert labels_expected <= {c["label"] for c in api.json()["citations"]}
    # An officer adding a group's note through the API is refused with the paragraphs too.
    meeting = district.request()
    note = district.client("chief").post(
        f"/api/v1/group-meetings/{meeting.pk}/note-add",
        {"kind": "note", "text": "x"},
        content_type="application/json",
    )
    assert note.status_code in (400, 404)
    if note.status_code == 400:
        assert note.json()["citations"]
    assert not GroupNote.objects.exists()
    assert GroupMeeting.objects.count() == 1


@pytest.mark.cites("N 19(d)", "N 19(e)")
def test_norfolk_a_chief_officer_bound_by_n19d_cannot_decline_through_a_nominee(
    norfolk: Scene,
) -> None:
    red = norfolk.request()
    ms.meeting_accept(actor=norfolk.actor("chief"), meeting=red)
    blue = norfolk.request(who="blue_leader", subject="Local Plan: housing sites")
    chief = norfolk.client("chief")
    nominated = chief.post(
        f"/api/v1/group-meetings/{blue.pk}/nominate",
        {"officer_id": norfolk.people["officer"].pk},
        content_type="application/json",
    )
    assert nominated.status_code == 200
    declined = norfolk.client("officer").post(
        f"/api/v1/group-meetings/{blue.pk}/decline",
        {"text": "Busy."},
        content_type="application/json",
    )
    assert declined.status_code == 400
    assert {c["label"] for c in declined.json()["citations"]} == {"N 19(d)"}
    assert GroupMeeting.objects.get(pk=blue.pk).state == State.REQUESTED
    # And the other way: a nominee accepted the first group's invitation, so the Chief Officer who
    # nominated them cannot decline the second group's on the same subject.
    first = norfolk.request(subject="Bus shelters")
    ms.meeting_nominate(
        actor=norfolk.actor("chief"), meeting=first, officer=norfolk.people["officer"]
    )
    ms.meeting_accept(actor=norfolk.actor("officer"), meeting=first)
    second = norfolk.request(who="blue_leader", subject="Bus shelters")
    with pytest.raises(AccordError) as refused:
        ms.meeting_decline(actor=norfolk.actor("chief"), meeting=second, reason="Busy.")
    assert labels(refused.value) == {"N 19(d)"}

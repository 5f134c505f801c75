"""Appointments with officers (D 4.7): booked, confirmed or countered, changed and cancelled, each change an
update of the same calendar entry (same UID, SEQUENCE up) sent to both, and seen only by the two of them."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from accord.core import clock
from accord.core.errors import AccordError
from accord.notifications.feeds import calendar_feed_sources
from accord.notifications.models import OutboxMessage
from accord.visits import appointments as svc
from accord.visits.appointments import appointment_calendar_events
from accord.visits.models import Appointment
from accord.visits.tests.conftest import Scene, make_scene

pytestmark = pytest.mark.cites("D 4.7")


def _at(days: int, hour: int) -> dt.datetime:
    day = clock.today() + dt.timedelta(days=days)
    return dt.datetime.combine(day, dt.time(hour), tzinfo=clock.now().tzinfo)


def book(scene: Scene, **kw: object) -> Appointment:
    fields: dict[str, object] = {
        "subject": "Flooding on Mill Lane",
        "starts_at": _at(7, 10),
        "ends_at": _at(7, 11),
        "mode": "online",
        "location": "",
        "meeting_link": "https://meet.example.org/mill-lane",
        "note": "About the culvert.",
    }
    fields.update(kw)
    officer = scene.users["officer"].officer
    return svc.appointment_book(actor=scene.actor("visitor"), officer=officer, **fields)  # type: ignore[arg-type]


def invitations() -> list[OutboxMessage]:
    return list(OutboxMessage.objects.exclude(calendar="").order_by("id"))


def test_the_officer_confirms_and_both_get_the_invitation(scene: Scene) -> None:
    appointment = book(scene)
    assert appointment.state == Appointment.State.REQUESTED and not invitations()
    svc.appointment_confirm(actor=scene.actor("officer"), appointment=appointment, note="Fine.")
    sent = invitations()
    assert {m.recipient_name for m in sent} == {"Vic Visitor", "Olga Officer"}
    for message in sent:
        assert f"UID:{appointment.uid}" in message.calendar
        assert "SEQUENCE:0" in message.calendar and "METHOD:REQUEST" in message.calendar


def test_a_counter_proposal_is_accepted_then_changed_then_cancelled_as_one_entry(
    scene: Scene,
) -> None:
    appointment = book(scene)
    appointment = svc.appointment_counter(
        actor=scene.actor("officer"),
        appointment=appointment,
        starts_at=_at(8, 14),
        ends_at=_at(8, 15),
        note="I am out on the 7th.",
    )
    assert appointment.state == Appointment.State.COUNTERED and appointment.sequence == 1
    with pytest.raises(AccordError):
        svc.appointment_confirm(actor=scene.actor("officer"), appointment=appointment, note="")
    svc.appointment_accept(actor=scene.actor("visitor"), appointment=appointment, note="")
    svc.appointment_change(
        actor=scene.actor("visitor"),
        appointment=appointment,
        starts_at=_at(8, 15),
        ends_at=_at(8, 16),
        mode="in-person",
        location="County Hall, room 2",
        meeting_link="",
        note="In person after all.",
    )
    svc.appointment_cancel(actor=scene.actor("officer"), appointment=appointment, reason="Ill.")
    appointment.refresh_from_db()
    assert appointment.state == Appointment.State.CANCELLED and appointment.sequence == 3
    sequences = [
        (m.calendar.split("SEQUENCE:")[1].split("\r\n")[0], "METHOD:CANCEL" in m.calendar)
        for m in invitations()
    ]
    assert sequences == [("1", False)] * 2 + [("2", False)] * 2 + [("3", True)] * 2
    assert {appointment.uid} == {
        m.calendar.split("UID:")[1].split("\r\n")[0] for m in invitations()
    }
    kinds = list(appointment.events.order_by("seq").values_list("kind", flat=True))
    assert kinds == ["booked", "countered", "confirmed", "changed", "cancelled"]
    assert appointment.events.get(kind="changed").data["text"] == "In person after all."


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"starts_at": _at(-1, 10), "ends_at": _at(-1, 11)}, "starts_at"),
        ({"starts_at": _at(400, 10), "ends_at": _at(400, 11)}, "starts_at"),
        ({"ends_at": _at(7, 9)}, "ends_at"),
        ({"ends_at": _at(8, 10)}, "ends_at"),
        ({"meeting_link": ""}, "meeting_link"),
        ({"mode": "in-person", "meeting_link": ""}, "location"),
    ],
)
def test_a_time_or_place_that_does_not_fit_names_its_field(
    scene: Scene, fields: dict[str, object], field: str
) -> None:
    with pytest.raises(AccordError) as refused:
        book(scene, **fields)
    assert refused.value.field == field
    assert not Appointment.objects.exists() and not OutboxMessage.objects.exists()


def test_the_page_and_the_api_name_the_bad_field_and_save_nothing(scene: Scene) -> None:
    client = Client()
    client.force_login(scene.users["visitor"])
    page = client.post(
        reverse("visits:appointment-book"),
        {
            "officer": scene.users["officer"].officer.pk,
            "subject": "x",
            "day": "01/01/2020",
            "start": "10:00",
            "end": "09:00",
            "mode": "online",
            "meeting_link": "https://a.example",
        },
    )
    assert page.status_code == 400 and b"later than now" in page.content
    api = client.post(
        "/api/v1/appointments",
        {
            "officer_id": scene.users["officer"].officer.pk,
            "subject": "x",
            "starts_at": "2026-13-01T10:00:00Z",
            "ends_at": "2026-01-01T10:00",
            "mode": "phone",
        },
        content_type="application/json",
    )
    assert api.status_code == 422
    assert {"starts_at", "ends_at", "mode"} <= {e["field"] for e in api.json()["errors"]}
    assert not Appointment.objects.exists()


def test_the_appointment_page_cites_the_paragraph(scene: Scene) -> None:
    appointment = book(scene)
    client = Client()
    client.force_login(scene.users["officer"])
    page = client.get(reverse("visits:appointment", args=[appointment.pk]))
    assert page.status_code == 200 and b"N 16" in page.content
    body = client.get(f"/api/v1/appointments/{appointment.pk}").json()
    assert [c["label"] for c in body["citations"]] == ["N 16"]
    assert body["actions"] == ["appointment-confirm", "appointment-counter", "appointment-cancel"]


def test_only_its_member_and_officer_see_an_appointment(scene: Scene) -> None:
    appointment = book(scene)
    other = make_scene("elsewhere")
    for user in (scene.users["local"], scene.users["dem"], other.users["visitor"]):
        client = Client()
        client.force_login(user)
        assert client.get(reverse("visits:appointment", args=[appointment.pk])).status_code == 404
        assert client.get(f"/api/v1/appointments/{appointment.pk}").status_code == 404
        assert client.get("/api/v1/appointments").json() == []
        assert b"Mill Lane" not in client.get(reverse("visits:appointments")).content


def test_confirmed_appointments_are_in_both_peoples_feeds(scene: Scene) -> None:
    assert "appointments" in calendar_feed_sources()
    appointment = book(scene)
    assert appointment_calendar_events(scene.users["visitor"]) == []
    svc.appointment_confirm(actor=scene.actor("officer"), appointment=appointment, note="")
    for role in ("visitor", "officer"):
        (event,) = appointment_calendar_events(scene.users[role])
        assert event.uid == appointment.uid and not event.cancelled
    assert appointment_calendar_events(scene.users["local"]) == []
    svc.appointment_cancel(actor=scene.actor("visitor"), appointment=appointment, reason="")
    (event,) = appointment_calendar_events(scene.users["officer"])
    assert event.cancelled and event.sequence == 1


@pytest.mark.cites("D 4.8")
def test_a_district_council_cites_its_appointments_paragraphs(scene: Scene) -> None:
    """The district protocol's D 4.7 (appointments, online encouraged) and D 4.8 (contact between
    portfolio holders and their senior officers) stand behind every appointment there."""
    scene.council.profile = "district"
    scene.council.save(update_fields=["profile"])
    appointment = book(scene)
    assert [c.label for c in svc.appointment_citations(appointment)] == ["D 4.7", "D 4.8"]
    assert [c["label"] for c in appointment.events.get().citations] == ["D 4.7", "D 4.8"]

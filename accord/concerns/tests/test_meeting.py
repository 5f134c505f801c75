"""The informal meeting of D 11.3 and the outcomes of D 11.3 and D 11.5: invitations with iCalendar, the
history kept, the person who raised it told."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from accord.concerns import services
from accord.concerns.models import Concern, ConcernEvent, InformalMeeting
from accord.core import clock
from accord.core.errors import AccordError
from accord.notifications.models import OutboxMessage

from .factories import make_scene

pytestmark = pytest.mark.django_db
SOON = clock.now().replace(microsecond=0) + dt.timedelta(days=7)


def _arrange(scene, concern, **kw):  # type: ignore[no-untyped-def]
    return services.concern_meeting_arrange(
        actor=scene.actor("monitoring"),
        concern=concern,
        starts_at=kw.pop("starts_at", SOON),
        minutes=kw.pop("minutes", 60),
        place=kw.pop("place", "Committee Room 2"),
        **kw,
    )


@pytest.mark.cites("D 11.3")
def test_the_informal_meeting_invites_the_people_d_11_3_names_with_icalendar() -> None:
    scene = make_scene()
    concern = scene.raise_("officer", "member")
    meeting = _arrange(scene, concern, audit_chair=True)
    invited = {(i.person.name, i.invited_as) for i in meeting.invitees.all()}
    assert invited == {
        ("Alex Member", "the Member"),
        ("Olu Officer", "the officer"),
        ("Lee Leader", "the Member's Group Leader"),
        ("Cass Chief-Executive", "the Chief Executive"),
        ("Cher Chair", "the Chair of the Audit and Standards Committee"),
    }
    sent = OutboxMessage.objects.filter(template="concern_meeting")
    assert {m.recipient for m in sent} == {
        p.email for p in (i.person for i in meeting.invitees.all())
    }
    ical = sent.first().calendar  # type: ignore[union-attr]
    assert "METHOD:REQUEST" in ical and f"UID:concern-meeting-{meeting.pk}@" in ical
    assert "SEQUENCE:0" in ical
    concern.refresh_from_db()
    assert concern.state == Concern.State.MEETING_ARRANGED
    event = ConcernEvent.objects.filter(concern=concern, kind="meeting-arranged").get()
    assert event.citations[0]["label"] == "D 11.3"


@pytest.mark.cites("D 11.3")
def test_the_chair_of_audit_and_standards_is_invited_only_when_asked() -> None:
    scene = make_scene()
    meeting = _arrange(scene, scene.raise_("officer", "member"))
    assert "Cher Chair" not in {i.person.name for i in meeting.invitees.all()}


@pytest.mark.cites("D 11.3")
def test_changing_the_meeting_sends_the_same_invitation_with_a_higher_sequence() -> None:
    scene = make_scene()
    concern = scene.raise_("officer", "member")
    first = _arrange(scene, concern)
    concern.refresh_from_db()
    later = _arrange(scene, concern, starts_at=SOON + dt.timedelta(days=1), place="Online")
    assert later.pk == first.pk and later.sequence == 1
    last = OutboxMessage.objects.filter(template="concern_meeting").order_by("-id").first()
    assert last is not None and "SEQUENCE:1" in last.calendar and last.subject.startswith("Changed")
    assert InformalMeeting.objects.count() == 1


@pytest.mark.cites("D 11.3")
@pytest.mark.parametrize(
    ("kw", "field"),
    [
        ({"starts_at": clock.now() - dt.timedelta(hours=1)}, "starts_at"),
        ({"starts_at": clock.now() + dt.timedelta(days=400)}, "starts_at"),
        ({"minutes": 5}, "minutes"),
        ({"place": "  "}, "place"),
    ],
)
def test_a_meeting_out_of_bounds_is_refused_and_nothing_is_saved(kw: dict, field: str) -> None:  # type: ignore[type-arg]
    scene = make_scene()
    concern = scene.raise_("officer", "member")
    with pytest.raises(AccordError) as refused:
        _arrange(scene, concern, **kw)
    assert refused.value.field == field
    assert not InformalMeeting.objects.exists()
    assert not OutboxMessage.objects.filter(template="concern_meeting").exists()


@pytest.mark.cites("D 11.3")
def test_unresolved_it_proceeds_as_a_formal_member_complaint() -> None:
    scene = make_scene()
    concern = scene.raise_("officer", "member")
    _arrange(scene, concern)
    concern.refresh_from_db()
    services.concern_close(
        actor=scene.actor("monitoring"),
        concern=concern,
        action="formal-complaint",
        note="No apology.",
    )
    concern.refresh_from_db()
    assert concern.state == Concern.State.FORMAL_COMPLAINT and concern.closed_at is not None
    event = concern.events.get(kind="formal-complaint")
    assert event.data["text"] == "No apology." and event.citations[0]["label"] == "D 11.3"
    told = OutboxMessage.objects.get(template="concern_outcome")
    assert told.recipient == scene["officer"].email


@pytest.mark.cites("D 11.3")
def test_a_formal_complaint_needs_the_informal_meeting_first() -> None:
    scene = make_scene()
    concern = scene.raise_("officer", "member")
    with pytest.raises(AccordError, match="cannot be done now"):
        services.concern_close(
            actor=scene.actor("monitoring"), concern=concern, action="formal-complaint", note="x"
        )
    concern.refresh_from_db()
    assert concern.state == Concern.State.RAISED


@pytest.mark.cites("D 11.5")
def test_unresolved_a_concern_about_a_senior_officer_may_invoke_the_disciplinary_procedure() -> (
    None
):
    scene = make_scene()
    concern = scene.raise_("member", "head")
    services.concern_close(
        actor=scene.actor("ceo"), concern=concern, action="disciplinary", note="Repeated."
    )
    concern.refresh_from_db()
    assert concern.state == Concern.State.DISCIPLINARY
    assert concern.events.get(kind="disciplinary").citations[0]["label"] == "D 11.5"


@pytest.mark.cites("D 11.4")
def test_only_the_handler_acts_and_the_raiser_may_withdraw_or_add_notes() -> None:
    scene = make_scene()
    concern = scene.raise_("member", "officer")
    services.concern_note_add(
        actor=scene.actor("member"), concern=concern, text="It happened again."
    )
    services.concern_note_add(actor=scene.actor("head"), concern=concern, text="Spoke to them.")
    with pytest.raises(AccordError):
        services.concern_close(
            actor=scene.actor("member"), concern=concern, action="resolve", note="x"
        )
    services.concern_close(actor=scene.actor("member"), concern=concern, action="withdraw", note="")
    concern.refresh_from_db()
    assert concern.state == Concern.State.WITHDRAWN
    assert [e.kind for e in concern.events.order_by("seq")] == [
        "raised",
        "note",
        "note",
        "withdraw",
    ]


@pytest.mark.cites("D 11.4")
def test_the_handler_is_told_without_the_details_and_the_subject_is_never_told() -> None:
    scene = make_scene()
    scene.raise_("member", "officer", details="The officer shouted at a resident.")
    sent = list(OutboxMessage.objects.all())
    assert [m.recipient for m in sent] == [scene["head"].email]
    assert "shouted" not in sent[0].body and "Olu" not in sent[0].body


@pytest.mark.cites("D 11.3")
def test_the_meeting_is_in_each_invitees_private_feed_and_no_one_elses() -> None:
    from accord.concerns.services import meetings_for_feed

    scene = make_scene()
    meeting = _arrange(scene, scene.raise_("officer", "member"))
    for who in ("member", "officer", "leader", "ceo", "monitoring"):
        events = meetings_for_feed(scene.users[who])
        assert [e.uid for e in events] == [f"concern-meeting-{meeting.pk}@concernshire.accord"], who
    for who in ("other", "chair", "head", "director"):
        assert meetings_for_feed(scene.users[who]) == [], who


@pytest.mark.cites("D 11.3")
def test_a_meeting_day_in_the_past_on_the_page_is_named_at_the_date_and_nothing_is_saved() -> None:
    scene = make_scene()
    concern = scene.raise_("officer", "member")
    yesterday = clock.today() - dt.timedelta(days=1)
    response = scene.client("monitoring").post(
        reverse("concerns:action", args=(concern.pk, "meeting-arrange")),
        {
            "meeting-arrange-date": f"{yesterday:%d/%m/%Y}",
            "meeting-arrange-start": "10:00",
            "meeting-arrange-minutes": "60",
            "meeting-arrange-place": "Committee Room 2",
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'href="#id_meeting-arrange-date">The meeting must start in the future' in html
    assert not InformalMeeting.objects.exists()
    assert not OutboxMessage.objects.filter(template="concern_meeting").exists()

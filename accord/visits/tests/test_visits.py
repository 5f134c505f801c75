"""Visit requests through the services and pages: decided with citations, the permission link (valid, used,
expired, forged), the people told, the history kept, and one Member's visits hidden from another."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import IntegrityError, transaction
from django.http import Http404
from django.test import Client
from django.urls import reverse

from accord.core import clock
from accord.core.errors import AccordError
from accord.core.invariants import invariants_check
from accord.notifications.models import OutboxMessage
from accord.visits import services
from accord.visits.chain import chain_verify
from accord.visits.models import Premises, Visit, VisitEvent
from accord.visits.tests.conftest import Scene, make_scene

NEXT_WEEK = clock.today() + dt.timedelta(days=7)


def request(scene: Scene, premises: Premises, **kw: object) -> services.Requested:
    fields: dict[str, object] = {
        "visit_on": NEXT_WEEK,
        "purpose": "duties",
        "details": "To see the new reception.",
        "safety_acknowledged": True,
    }
    fields.update(kw)
    return services.visit_request(actor=scene.actor("visitor"), premises=premises, **fields)  # type: ignore[arg-type]


@pytest.mark.cites("N 25")
def test_a_visit_as_part_of_duties_is_agreed_and_the_manager_told(scene: Scene) -> None:
    done = request(scene, scene.premises())
    assert done.visit.state == Visit.State.AGREED and done.token == ""
    assert [c["label"] for c in done.visit.citations] == ["N 25", "N 26"]
    told = OutboxMessage.objects.get(recipient="pat.manager@example.org")
    assert "will visit" in told.subject


@pytest.mark.cites("N 26")
def test_a_school_visit_waits_for_the_head_teacher_who_answers_from_the_link(scene: Scene) -> None:
    premises = scene.premises(kind=Premises.Kind.SCHOOL, manager_name="Hana Head")
    done = request(scene, premises)
    visit = done.visit
    assert visit.state == Visit.State.REQUESTED and visit.permission_from == "head-teacher"
    assert visit.link_hash and done.token not in visit.link_hash
    sent = OutboxMessage.objects.get(recipient="pat.manager@example.org")
    assert reverse("visits:permission", args=[done.token]) in sent.body

    page = Client().get(reverse("visits:permission", args=[done.token]))
    assert page.status_code == 200 and b"N 26" in page.content
    answered = Client().post(
        reverse("visits:permission", args=[done.token]),
        {"decision": "refuse", "note": "Exams all week."},
    )
    assert answered.status_code == 200
    visit.refresh_from_db()
    assert visit.state == Visit.State.REFUSED and visit.answer == "Exams all week."
    assert (
        "refused"
        in OutboxMessage.objects.get(recipient=scene.users["visitor"].member.email).subject
    )
    # The Member sees the answer on their page.
    client = Client()
    client.force_login(scene.users["visitor"])
    page = client.get(reverse("visits:detail", args=[visit.pk]))
    assert b"Exams all week." in page.content and b"N 26" in page.content
    assert client.get(f"/api/v1/visits/{visit.pk}").json()["citations"][0]["label"] == "N 26"


@pytest.mark.cites("N 25")
def test_the_link_works_once(scene: Scene) -> None:
    done = request(scene, scene.premises(), purpose="personal")
    services.visit_permission_answer(token=done.token, agree=True, note="")
    with pytest.raises(AccordError, match="already been used"):
        services.visit_permission_answer(token=done.token, agree=False, note="changed my mind")
    assert Client().get(reverse("visits:permission", args=[done.token])).status_code == 410
    assert Visit.objects.get().state == Visit.State.AGREED


@pytest.mark.cites("N 25")
def test_an_expired_or_forged_link_answers_nothing(scene: Scene) -> None:
    done = request(scene, scene.premises(), purpose="governor")
    with clock.frozen(clock.now() + dt.timedelta(days=15)):
        with pytest.raises(AccordError, match="expired"):
            services.visit_permission_answer(token=done.token, agree=True, note="")
        assert Client().get(reverse("visits:permission", args=[done.token])).status_code == 410
    with pytest.raises(Http404):
        services.visit_permission_answer(token=done.token + "x", agree=True, note="")
    assert Client().get(reverse("visits:permission", args=["forged"])).status_code == 404
    assert Visit.objects.get().state == Visit.State.REQUESTED


@pytest.mark.cites("N 27")
@pytest.mark.parametrize(
    ("fields", "purpose"),
    [({"tenure": Premises.Tenure.LET}, "duties"), ({}, "unrelated")],
)
def test_no_right_is_refused_with_its_citation_and_nothing_saved(
    scene: Scene, fields: dict[str, str], purpose: str
) -> None:
    with pytest.raises(AccordError) as refused:
        request(scene, scene.premises(**fields), purpose=purpose)
    assert [c.label for c in refused.value.citations] == ["N 27"]
    assert not Visit.objects.exists() and not VisitEvent.objects.exists()
    assert not OutboxMessage.objects.exists()


@pytest.mark.cites("N 27")
def test_the_refusal_shows_its_citation_in_the_page_and_the_api(scene: Scene) -> None:
    premises = scene.premises(tenure=Premises.Tenure.NOT_HELD)
    client = Client()
    client.force_login(scene.users["visitor"])
    page = client.post(
        reverse("visits:request"),
        {
            "premises": premises.pk,
            "visit_on": NEXT_WEEK.strftime("%d/%m/%Y"),
            "purpose": "duties",
            "safety_acknowledged": "on",
        },
    )
    assert (
        page.status_code == 400
        and b"N 27" in page.content
        and b"not owned or leased" in page.content
    )
    api = client.post(
        "/api/v1/visits",
        {
            "premises_id": premises.pk,
            "visit_on": NEXT_WEEK.isoformat(),
            "purpose": "duties",
            "safety_acknowledged": True,
        },
        content_type="application/json",
    )
    assert api.status_code == 400
    assert [c["label"] for c in api.json()["citations"]] == ["N 27"]
    assert not Visit.objects.exists()


@pytest.mark.cites("N 26")
def test_the_safety_rules_are_acknowledged_before_anything_is_agreed(scene: Scene) -> None:
    with pytest.raises(AccordError) as refused:
        request(scene, scene.premises(), safety_acknowledged=False)
    assert refused.value.field == "safety_acknowledged"
    assert [c.label for c in refused.value.citations] == ["N 26"]
    assert not Visit.objects.exists()


@pytest.mark.cites("N 26")
def test_outside_the_division_its_member_the_cabinet_member_and_the_chair_are_told(
    scene: Scene,
) -> None:
    cabinet = scene.users["cabinet"].member
    premises = scene.premises(away=True, cabinet_member=cabinet, committee=scene.committee)
    visit = request(scene, premises).visit
    assert visit.outside_division
    told = set(
        OutboxMessage.objects.filter(template="visit_informed").values_list(
            "recipient_name", flat=True
        )
    )
    assert told == {"Lou Local", "Cam Cabinet", "Cher Chair"}
    informed = visit.events.get(kind="informed")
    assert [c["label"] for c in informed.citations] == ["N 26"]


@pytest.mark.cites("N 26")
def test_a_cabinet_member_visiting_outside_their_division_informs_its_member_only(
    scene: Scene,
) -> None:
    premises = scene.premises(
        away=True, cabinet_member=scene.users["cabinet"].member, committee=scene.committee
    )
    services.visit_request(
        actor=scene.actor("cabinet"),
        premises=premises,
        visit_on=NEXT_WEEK,
        purpose="duties",
        details="",
        safety_acknowledged=True,
    )
    told = set(
        OutboxMessage.objects.filter(template="visit_informed").values_list(
            "recipient_name", flat=True
        )
    )
    assert told == {"Lou Local"}


@pytest.mark.parametrize(
    ("visit_on", "words"),
    [
        (clock.today() - dt.timedelta(days=1), "today or later"),
        (clock.today() + dt.timedelta(days=400), "within a year"),
    ],
)
def test_the_day_is_bounded_and_names_its_field(
    scene: Scene, visit_on: dt.date, words: str
) -> None:
    with pytest.raises(AccordError, match=words) as refused:
        request(scene, scene.premises(), visit_on=visit_on)
    assert refused.value.field == "visit_on"
    assert not Visit.objects.exists()


def test_bad_input_names_the_field_and_saves_nothing(scene: Scene) -> None:
    client = Client()
    client.force_login(scene.users["visitor"])
    page = client.post(
        reverse("visits:request"), {"premises": "x", "visit_on": "31/02/2027", "details": "a\x00b"}
    )
    assert page.status_code == 400
    assert b"Choose the premises" in page.content or b"Select a valid choice" in page.content
    assert b"real date" in page.content
    api = client.post(
        "/api/v1/visits",
        {"premises_id": 0, "visit_on": "1999-01-01", "purpose": "fun", "details": "\x07"},
        content_type="application/json",
    )
    assert api.status_code == 422
    fields = {e["field"] for e in api.json()["errors"]}
    assert {"premises_id", "visit_on", "purpose", "details"} <= fields
    assert not Visit.objects.exists()


@pytest.mark.cites("N 25")
def test_withdrawing_stops_the_link_and_the_history_keeps_every_step(scene: Scene) -> None:
    done = request(scene, scene.premises(), purpose="personal", details="My child's school play")
    services.visit_withdraw(
        actor=scene.actor("visitor"), visit=done.visit, note="Clashes with Council."
    )
    with pytest.raises(AccordError, match="withdrawn"):
        services.visit_permission_answer(token=done.token, agree=True, note="")
    events = list(done.visit.events.order_by("seq"))
    assert [e.kind for e in events] == ["requested", "safety-acknowledged", "withdrawn"]
    assert events[0].data["text"] == "My child's school play"
    assert events[-1].data["text"] == "Clashes with Council."
    assert all(report.is_whole for report in chain_verify(scene.council))
    with pytest.raises(AccordError):
        services.visit_withdraw(actor=scene.actor("visitor"), visit=done.visit, note="")


def test_the_history_cannot_be_rewritten_unseen(scene: Scene) -> None:
    done = request(scene, scene.premises())
    event = done.visit.events.first()
    assert event is not None
    try:
        VisitEvent.objects.filter(pk=event.pk).update(description="edited")
    except IntegrityError:
        return  # PostgreSQL refuses the UPDATE itself
    assert not chain_verify(scene.council)[0].is_whole


def test_one_members_visits_are_not_found_by_another_or_another_council(scene: Scene) -> None:
    visit = request(scene, scene.premises(), purpose="personal").visit
    other = make_scene("elsewhere")
    for user in (
        scene.users["local"],
        scene.users["officer"],
        other.users["visitor"],
        other.users["dem"],
    ):
        client = Client()
        client.force_login(user)
        assert client.get(reverse("visits:detail", args=[visit.pk])).status_code == 404
        assert client.get(f"/api/v1/visits/{visit.pk}").status_code == 404
        assert (
            client.post(
                f"/api/v1/visits/{visit.pk}/visit-withdraw", {}, content_type="application/json"
            ).status_code
            == 404
        )
        assert visit.premises.name.encode() not in client.get(reverse("visits:mine")).content
        assert client.get("/api/v1/visits").json() == []
    # Those who support the procedure at the council see it.
    client = Client()
    client.force_login(scene.users["dem"])
    assert client.get(reverse("visits:detail", args=[visit.pk])).status_code == 200
    # Another council's register is not found either.
    client.force_login(other.users["visitor"])
    assert client.get(f"/api/v1/premises/{visit.premises_id}").status_code == 404
    assert client.get(reverse("visits:premises", args=[scene.council.slug])).status_code == 404


def test_premises_are_added_with_their_division_from_the_postcode(scene: Scene) -> None:
    client = Client()
    client.force_login(scene.users["dem"])
    body = {
        "name": "Wroxham Library",
        "address": "Norwich Road",
        "postcode": "nr2 2bb",
        "kind": "library",
        "tenure": "owned",
        "manager_name": "Lib Rarian",
        "manager_email": "lib@example.org",
    }
    made = client.post("/api/v1/premises", body, content_type="application/json")
    assert made.status_code == 201 and made.json()["area"] == "Wroxham"
    unknown = client.post(
        "/api/v1/premises", {**body, "postcode": "ZZ9 9ZZ"}, content_type="application/json"
    )
    assert unknown.status_code == 422 and unknown.json()["errors"][0]["field"] == "postcode"
    page = client.post(
        reverse("visits:premises-add", args=[scene.council.slug]), {**body, "postcode": "ZZ9 9ZZ"}
    )
    assert page.status_code == 400 and b"no postcode ZZ9 9ZZ" in page.content
    assert Premises.objects.count() == 1
    member = Client()
    member.force_login(scene.users["visitor"])
    assert member.post("/api/v1/premises", body, content_type="application/json").status_code == 404


def test_every_visit_and_appointment_keeps_the_invariants(scene: Scene) -> None:
    """The database refuses a permission agreed without the link's answer; the named checks find none."""
    done = request(scene, scene.premises(), purpose="personal")
    services.visit_permission_answer(token=done.token, agree=True, note="")
    request(scene, scene.premises())
    assert [
        b for b in invariants_check(council=scene.council.slug) if b.invariant.startswith("visit")
    ] == []
    with pytest.raises(IntegrityError), transaction.atomic():
        Visit.objects.filter(pk=done.visit.pk).update(link_used_at=None)

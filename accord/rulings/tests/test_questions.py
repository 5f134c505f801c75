"""Asking for advice: a Member's question goes to the Monitoring Officer (D 1.3); an officer's to their
line manager, then the Head of Service, then a Chief Officer (D 1.4)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from accord.concerns.tests.factories import make_scene
from accord.core.errors import AccordError
from accord.notifications.models import OutboxMessage
from accord.rulings import services
from accord.rulings.models import Question

pytestmark = pytest.mark.django_db


@pytest.mark.cites("D 1.3")
def test_a_members_question_goes_to_the_monitoring_officer() -> None:
    scene = make_scene()
    question = services.question_ask(actor=scene.actor("member"), question="Can I attend?")
    assert question.holder == scene["monitoring"] and question.step == "monitoring-officer"
    event = question.events.get()
    assert event.citations[0]["label"] == "D 1.3"
    assert OutboxMessage.objects.get().recipient == scene["monitoring"].email
    services.question_answer(actor=scene.actor("monitoring"), question=question, answer="Yes.")
    question.refresh_from_db()
    assert question.state == Question.State.ANSWERED and question.answer == "Yes."
    assert OutboxMessage.objects.filter(recipient=scene["member"].email).exists()


@pytest.mark.cites("D 1.4")
def test_an_officers_question_climbs_line_manager_head_of_service_chief_officer() -> None:
    scene = make_scene()
    question = services.question_ask(
        actor=scene.actor("officer"), question="May I brief the group?"
    )
    assert (question.step, question.holder) == ("line-manager", scene["manager"])
    services.question_refer(actor=scene.actor("manager"), question=question)
    question.refresh_from_db()
    assert (question.step, question.holder) == ("head-of-service", scene["head"])
    services.question_refer(actor=scene.actor("head"), question=question, note="For the director")
    question.refresh_from_db()
    assert (question.step, question.holder) == ("chief-officer", scene["director"])
    with pytest.raises(AccordError, match="no one further") as refused:
        services.question_refer(actor=scene.actor("director"), question=question)
    assert refused.value.citations[0].label == "D 1.4"
    # Everyone who held it still sees it; the next holder answers.
    for who in ("officer", "manager", "head", "director"):
        page = scene.client(who).get(reverse("rulings:question", args=(question.pk,)))
        assert page.status_code == 200, who
    assert (
        scene.client("ceo").get(reverse("rulings:question", args=(question.pk,))).status_code == 404
    )
    assert [e.citations[0]["label"] for e in question.events.order_by("seq")] == ["D 1.4"] * 3


@pytest.mark.cites("D 1.4")
def test_a_step_with_no_one_recorded_is_skipped() -> None:
    scene = make_scene()
    manager = scene["manager"]
    manager.line_manager = None
    manager.save()
    question = services.question_ask(actor=scene.actor("manager"), question="?")
    assert (question.step, question.holder) == ("head-of-service", scene["head"])


@pytest.mark.cites("D 1.3")
def test_norfolks_protocol_names_no_one_for_questions() -> None:
    scene = make_scene("norfolkish", "norfolk")
    with pytest.raises(AccordError, match="does not say"):
        services.question_ask(actor=scene.actor("member"), question="?")
    page = scene.client("member").get(reverse("rulings:ask")).content.decode()
    assert "does not say who answers" in page
    assert not Question.objects.exists()


@pytest.mark.cites("D 1.3")
def test_bad_input_names_the_field_and_saves_nothing() -> None:
    scene = make_scene()
    client = scene.client("member")
    response = client.post(reverse("rulings:ask"), {"question": "", "paragraph": "99.9"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Enter your question" in page and "Select a valid choice" in page
    api = client.post(
        "/api/v1/questions", {"question": "x", "paragraph": "99.9"}, content_type="application/json"
    )
    assert api.status_code == 422 and api.json()["errors"] == [
        {"field": "paragraph", "message": "There is no paragraph 99.9 in the council's protocol"}
    ]
    api = client.post("/api/v1/questions", {"question": "x\x00"}, content_type="application/json")
    assert api.status_code == 422 and api.json()["errors"][0]["field"] == "question"
    assert not Question.objects.exists()

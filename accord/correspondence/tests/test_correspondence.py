"""Correspondence: in whose name it goes (D 8.2, D 8.4), the officer's advice kept with it (D 8.4), who it
goes to (D 8.1) and no political comment (D 10.6), through the services, the pages and the API."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from django.urls import reverse

from accord.core.access import actor_for
from accord.core.errors import AccordError
from accord.correspondence import services
from accord.correspondence.models import CommsEvent, Correspondence
from accord.correspondence.tests.factories import letter_draft, press_log
from accord.councils.models import Office
from accord.councils.tests.factories import MemberFactory, PoliticalGroupFactory
from accord.notifications.models import OutboxMessage
from conftest import Roles

pytestmark = pytest.mark.django_db


def _labels(error: AccordError) -> list[str]:
    return [c.label for c in error.citations]


@pytest.mark.cites("D 8.4")
def test_a_letter_binding_the_council_is_never_in_a_members_name(roles: Roles) -> None:
    with pytest.raises(AccordError) as refused:
        letter_draft(roles.user("member"), on_behalf_of_council=True)
    assert "never be sent in a Member's name" in refused.value.message
    assert "D 8.4" in _labels(refused.value)
    assert refused.value.field == "signed_as"
    assert not Correspondence.objects.exists()


@pytest.mark.cites("D 8.4")
def test_the_same_letter_goes_in_an_officers_name(roles: Roles) -> None:
    letter = letter_draft(roles.user("officer"), on_behalf_of_council=True)
    assert letter.signed_as == "officer"
    assert letter.signatory == "Olu Officer"
    assert letter.reference.startswith("COR-")


@pytest.mark.cites("D 8.2")
def test_a_member_writes_in_their_own_name_only_on_a_local_matter_or_portfolio(
    roles: Roles,
) -> None:
    member_user = roles.user("member")
    with pytest.raises(AccordError) as council_business:
        letter_draft(member_user, basis="council")
    assert "D 8.2" in _labels(council_business.value)
    with pytest.raises(AccordError) as no_portfolio:
        letter_draft(member_user, basis="portfolio")
    assert "Leader of the Council or a Cabinet Member" in no_portfolio.value.message
    assert member_user is not None and member_user.member is not None
    Office.objects.create(member=member_user.member, kind="cabinet-member", portfolio="Waste")
    assert letter_draft(member_user, basis="portfolio").basis == "portfolio"
    assert letter_draft(member_user).basis == "local-matter"


@pytest.mark.cites("D 8.1")
def test_a_message_to_every_member_needs_a_recorded_reason(roles: Roles) -> None:
    officer = roles.user("officer")
    with pytest.raises(AccordError) as refused:
        letter_draft(officer, audience="all-members")
    assert "D 8.1" in _labels(refused.value)
    assert refused.value.field == "audience_reason"
    letter = letter_draft(
        officer, audience="all-members", audience_reason="The waste strategy affects every ward."
    )
    assert letter.audience_reason == "The waste strategy affects every ward."


@pytest.mark.cites("D 8.1")
def test_a_message_to_every_member_is_emailed_to_each_of_them_once_sent(roles: Roles) -> None:
    other = MemberFactory(council=roles.council, name="Bea Second", email="bea@example.org")
    MemberFactory(council=roles.other_council, name="Far Away", email="far@example.org")
    officer = roles.user("officer")
    letter = letter_draft(officer, audience="all-members", audience_reason="Affects every ward.")
    services.correspondence_send(actor=actor_for(officer), correspondence=letter)
    sent_to = set(
        OutboxMessage.objects.filter(subject=letter.subject).values_list("recipient", flat=True)
    )
    assert other.email in sent_to
    assert "far@example.org" not in sent_to


@pytest.mark.cites("D 8.1")
def test_a_message_to_a_group_goes_to_that_groups_members_only(roles: Roles) -> None:
    group = PoliticalGroupFactory(council=roles.council)
    inside = MemberFactory(council=roles.council, group=group, email="in@example.org")
    MemberFactory(council=roles.council, email="out@example.org")
    officer = roles.user("officer")
    letter = letter_draft(
        officer, audience="group", audience_group=group, audience_reason="A group briefing."
    )
    services.correspondence_send(actor=actor_for(officer), correspondence=letter)
    sent_to = set(
        OutboxMessage.objects.filter(subject=letter.subject).values_list("recipient", flat=True)
    )
    assert sent_to == {inside.email}


@pytest.mark.cites("D 10.6")
def test_correspondence_confirms_no_political_comment(roles: Roles) -> None:
    with pytest.raises(AccordError) as refused:
        letter_draft(roles.user("officer"), no_political_comment=False)
    assert "D 10.6" in _labels(refused.value)


@pytest.mark.cites("D 8.4")
def test_the_officers_advice_is_kept_with_the_letter(roles: Roles) -> None:
    member_user, officer_user = roles.user("member"), roles.user("officer")
    assert officer_user is not None and officer_user.officer is not None
    letter = letter_draft(member_user)
    services.correspondence_advice_request(
        actor=actor_for(member_user),
        correspondence=letter,
        officer=officer_user.officer,
        question="Can I promise a new bin?",
    )
    with pytest.raises(AccordError):
        services.correspondence_send(actor=actor_for(member_user), correspondence=letter)
    services.correspondence_advice_give(
        actor=actor_for(officer_user), correspondence=letter, advice="Do not promise a date."
    )
    letter.refresh_from_db()
    assert letter.state == "draft" and letter.advice == "Do not promise a date."
    kinds = list(letter.events.order_by("seq").values_list("kind", flat=True))
    assert kinds == ["drafted", "advice-requested", "advice-given"]
    assert letter.events.get(kind="advice-given").data["advice"] == "Do not promise a date."
    services.correspondence_send(actor=actor_for(member_user), correspondence=letter)
    letter.refresh_from_db()
    assert letter.state == "sent"


@pytest.mark.cites("D 8.4")
def test_the_page_shows_the_refusal_with_its_citation(roles: Roles) -> None:
    client = Client()
    client.force_login(roles.user("member"))
    response = client.post(
        reverse("correspondence:new"),
        {
            "subject": "Contract award",
            "recipients": "Acme Ltd",
            "body": "You are instructed to start work.",
            "signed_as": "member",
            "basis": "local-matter",
            "on_behalf_of_council": "on",
            "audience": "intended",
            "no_political_comment": "on",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "never be sent in a Member&#x27;s name" in page
    assert "D 8.4" in page
    assert not Correspondence.objects.exists()


@pytest.mark.cites("D 8.4")
def test_the_api_refuses_with_its_citation(roles: Roles) -> None:
    client = Client()
    client.force_login(roles.user("member"))
    response = client.post(
        "/api/v1/correspondence",
        json.dumps(
            {
                "subject": "Contract award",
                "body": "You are instructed to start work.",
                "signed_as": "member",
                "basis": "local-matter",
                "on_behalf_of_council": True,
                "no_political_comment": True,
            }
        ),
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "D 8.4" in [c["label"] for c in response.json()["citations"]]


def test_bad_input_names_the_field_and_saves_nothing(roles: Roles) -> None:
    client = Client()
    client.force_login(roles.user("officer"))
    response = client.post(
        "/api/v1/correspondence",
        json.dumps({"subject": "x" * 201, "body": "b\x00", "signed_as": "nobody"}),
        content_type="application/json",
    )
    assert response.status_code == 422
    fields = {e["field"] for e in response.json()["errors"]}
    assert {"subject", "body", "signed_as"} <= fields
    page = client.post(reverse("correspondence:new"), {"subject": "\x07"})
    assert page.status_code == 400
    assert "Subject" in page.content.decode()
    assert not Correspondence.objects.exists()


def test_another_persons_or_councils_letter_is_not_found(roles: Roles) -> None:
    letter = letter_draft(roles.user("member"))
    for role in ("officer", "other_council"):
        client = Client()
        client.force_login(roles.user(role))
        assert client.get(reverse("correspondence:detail", args=(letter.pk,))).status_code == 404
        assert client.get(f"/api/v1/correspondence/{letter.pk}").status_code == 404
        listed = client.get("/api/v1/correspondence").json()
        assert letter.reference not in [c["reference"] for c in listed]


@pytest.mark.cites("D 8.3")
def test_the_history_keeps_the_text_and_is_chained(roles: Roles) -> None:
    letter = letter_draft(roles.user("member"))
    services.correspondence_withdraw(
        actor=actor_for(roles.user("member")), correspondence=letter, reason="Sent by post instead."
    )
    events = list(CommsEvent.objects.filter(correspondence=letter).order_by("seq"))
    assert events[0].data["body"] == letter.body
    assert events[1].data["reason"] == "Sent by post instead."
    assert [e.seq for e in events] == [1, 2]
    assert events[1].hash != events[0].hash


@pytest.mark.cites("N 2", "N 8")
def test_on_a_norfolk_council_correspondence_is_impartial_and_the_silent_rules_do_not_apply(
    roles: Roles,
) -> None:
    """Norfolk's protocol says officers serve the whole Council impartially (N 2, N 8): no political
    comment. It says nothing of correspondence in a Member's name, so that is recorded, not refused."""
    other = roles.user("other_council")
    with pytest.raises(AccordError) as refused:
        letter_draft(other, no_political_comment=False)
    assert _labels(refused.value) == ["N 2", "N 8"]
    letter = letter_draft(other, basis="council", on_behalf_of_council=False)
    assert letter.signed_as == "member" and letter.council == roles.other_council


def test_on_a_norfolk_council_what_binds_the_council_is_still_never_in_a_members_name(
    roles: Roles,
) -> None:
    """Under every profile the database refuses it, so the service refuses it first: a 400 naming the
    field in the API and on the page, never a 500, and nothing saved."""
    other = roles.user("other_council")
    with pytest.raises(AccordError) as refused:
        letter_draft(other, basis="local-matter", on_behalf_of_council=True)
    assert refused.value.field == "signed_as" and refused.value.citations == []
    client = Client()
    client.force_login(other)
    response = client.post(
        "/api/v1/correspondence",
        json.dumps(
            {
                "subject": "Contract award",
                "body": "You are instructed to start work.",
                "signed_as": "member",
                "basis": "local-matter",
                "on_behalf_of_council": True,
                "no_political_comment": True,
            }
        ),
        content_type="application/json",
    )
    assert response.status_code == 400, response.content
    assert "never be sent in a Member's name" in response.json()["detail"]
    assert not Correspondence.objects.exists()


@pytest.mark.cites("D 8.3")
def test_an_edit_behind_accords_back_breaks_the_chain(roles: Roles) -> None:
    from django.db import connection

    from accord.correspondence.chain import comms_chain_verify

    letter = letter_draft(roles.user("member"))
    press_log(roles.user("officer"))
    assert comms_chain_verify(roles.council).is_whole
    if connection.vendor == "postgresql":
        return  # the database itself refuses the edit (test_concurrency)
    CommsEvent.objects.filter(correspondence=letter).update(description="Rewritten")
    report = comms_chain_verify(roles.council)
    assert not report.is_whole and "edited" in report.broken


def test_the_lists_show_each_case(roles: Roles) -> None:
    from accord.correspondence.tests.factories import publicity_ask

    letter = letter_draft(roles.user("member"))
    press = press_log(roles.user("officer"))
    publicity = publicity_ask(roles.user("member"))
    client = Client()
    client.force_login(roles.user("democratic_services"))
    for name, case, about in (
        ("correspondence:list", letter, letter.subject),
        ("correspondence:press-list", press, "Testshire Gazette: Pat Reporter"),
        ("correspondence:publicity-list", publicity, publicity.title),
    ):
        page = client.get(reverse(name)).content.decode()
        assert case.reference in page and about in page

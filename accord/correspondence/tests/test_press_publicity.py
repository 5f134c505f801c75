"""Press enquiries go to the Communications Team (D 10.7); publicity uses no Council channel for party or
personal publicity (D 10.5), is held in a pre-election period when it features a Member standing (D 10.4),
and the team's review records the Code's checks, among them no political comment (D 10.6)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.test import Client
from django.urls import reverse

from accord.core import clock
from accord.core.access import actor_for
from accord.core.errors import AccordError
from accord.correspondence import rules, services
from accord.correspondence.models import CommsSettings, PressEnquiry, PublicityRequest
from accord.correspondence.tests.factories import period_now, press_log, publicity_ask
from accord.councils.tests.factories import OfficerFactory, ServiceFactory, UserFactory
from accord.notifications.models import OutboxMessage
from conftest import Roles

pytestmark = pytest.mark.django_db
ALL_CHECKS = [key for key, _ in rules.PUBLICITY_CODE]


@pytest.mark.cites("D 10.7")
def test_a_press_enquiry_goes_to_the_communications_team_and_the_receiver_is_told(
    roles: Roles,
) -> None:
    service = ServiceFactory(council=roles.council, name="Communications")
    press_officer = OfficerFactory(
        council=roles.council, service=service, email="press@example.org"
    )
    CommsSettings.objects.create(council=roles.council, communications_service=service)
    member_user = roles.user("member")
    assert member_user is not None
    member_user.email = "alex@example.org"
    member_user.save()
    press = press_log(member_user)
    assert press.state == PressEnquiry.State.WITH_COMMUNICATIONS
    recipients = set(OutboxMessage.objects.values_list("recipient", "subject"))
    assert (press_officer.email, f"Press enquiry {press.reference} from Testshire Gazette") in (
        recipients
    )
    told = OutboxMessage.objects.get(recipient="alex@example.org")
    assert "passed to the Communications Team" in told.subject
    assert "D 10.7" in told.body
    logged = press.events.get(kind="logged")
    assert [c["label"] for c in logged.citations] == ["D 10.7"]
    # The team answers; nobody else may.
    team_user = UserFactory(council=roles.council, officer=press_officer)
    with pytest.raises(AccordError):
        services.press_enquiry_answer(
            actor=actor_for(roles.user("democratic_services")), press=press, response="No."
        )
    services.press_enquiry_answer(actor=actor_for(team_user), press=press, response="Statement.")
    press.refresh_from_db()
    assert press.state == PressEnquiry.State.ANSWERED and press.response == "Statement."


@pytest.mark.cites("D 10.7")
def test_the_receiver_sees_the_enquiry_was_passed_on_in_the_page(roles: Roles) -> None:
    client = Client()
    client.force_login(roles.user("officer"))
    response = client.post(
        reverse("correspondence:press-new"),
        {"outlet": "Radio Test", "journalist": "Sam", "question": "Why?", "contact": ""},
        follow=True,
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Logged and passed to the Communications Team" in page
    assert "D 10.7" in page


def test_a_press_enquiry_received_in_the_future_is_refused(roles: Roles) -> None:
    with pytest.raises(AccordError) as refused:
        press_log(roles.user("officer"), received_at=clock.now() + dt.timedelta(days=1))
    assert refused.value.field == "received_at"
    client = Client()
    client.force_login(roles.user("officer"))
    response = client.post(
        "/api/v1/press-enquiries",
        json.dumps(
            {"outlet": "x", "journalist": "y", "question": "z", "received_at": "2999-01-01T00:00Z"}
        ),
        content_type="application/json",
    )
    assert response.status_code == 422
    assert not PressEnquiry.objects.exists()


@pytest.mark.cites("D 10.5")
def test_party_or_personal_publicity_uses_no_council_channel(roles: Roles) -> None:
    with pytest.raises(AccordError) as refused:
        publicity_ask(roles.user("member"), capacity="party-or-personal")
    assert [c.label for c in refused.value.citations] == ["D 10.5"]
    assert not PublicityRequest.objects.exists()
    client = Client()
    client.force_login(roles.user("member"))
    response = client.post(
        "/api/v1/publicity",
        json.dumps(
            {
                "title": "Vote for me",
                "content": "...",
                "channel": "website",
                "capacity": "party-or-personal",
            }
        ),
        content_type="application/json",
    )
    assert response.status_code == 400
    assert [c["label"] for c in response.json()["citations"]] == ["D 10.5"]


@pytest.mark.cites("D 10.4")
def test_publicity_featuring_a_member_standing_is_held_in_a_pre_election_period(
    roles: Roles,
) -> None:
    member_user = roles.user("member")
    assert member_user is not None and member_user.member is not None
    member = member_user.member
    before = publicity_ask(member_user, featured=[member])
    assert before.state == PublicityRequest.State.REQUESTED
    period_now(roles.council, [member])
    held = publicity_ask(member_user, featured=[member])
    assert held.state == PublicityRequest.State.HELD
    assert "District elections" in held.held_for
    assert "D 10.4" in [c["label"] for c in held.events.get().citations]
    not_featuring = publicity_ask(member_user, featured=[])
    assert not_featuring.state == PublicityRequest.State.REQUESTED


@pytest.mark.cites("D 10.4")
def test_drafting_pages_show_the_pre_election_guidance(roles: Roles) -> None:
    client = Client()
    client.force_login(roles.user("member"))
    for name in ("correspondence:new", "correspondence:publicity-new"):
        assert "Pre-election period" not in client.get(reverse(name)).content.decode()
    period_now(roles.council, [])
    for name in ("correspondence:new", "correspondence:publicity-new"):
        page = client.get(reverse(name)).content.decode()
        assert "Pre-election period: District elections" in page
        assert "D 10.4" in page
    # The press log page is not a drafting page.
    assert (
        "Pre-election period"
        not in client.get(reverse("correspondence:press-new")).content.decode()
    )


@pytest.mark.cites("D 10.6")
def test_the_review_records_every_check_and_approval_needs_them_all(roles: Roles) -> None:
    request = publicity_ask(roles.user("member"))
    team = actor_for(roles.user("democratic_services"))
    with pytest.raises(AccordError) as refused:
        services.publicity_review(
            actor=team, publicity=request, approve=True, checks=ALL_CHECKS[:-1], note=""
        )
    assert "No political comment" in refused.value.message
    assert "D 10.6" in [c.label for c in refused.value.citations]
    services.publicity_review(
        actor=team, publicity=request, approve=True, checks=ALL_CHECKS, note=""
    )
    request.refresh_from_db()
    assert request.state == PublicityRequest.State.APPROVED
    assert request.checklist["no-political-comment"] is True
    assert request.events.get(kind="approved").data["checklist"] == request.checklist


@pytest.mark.cites("D 10.6")
def test_the_review_through_the_page(roles: Roles) -> None:
    request = publicity_ask(roles.user("member"))
    client = Client()
    client.force_login(roles.user("democratic_services"))
    url = reverse("correspondence:publicity-action", args=(request.pk, "review"))
    data = {"review-decision": "approve"}
    refused = client.post(url, data)
    assert refused.status_code == 400 and "D 10.6" in refused.content.decode()
    data.update({f"review-check_{k.replace('-', '_')}": "on" for k in ALL_CHECKS})
    assert client.post(url, data).status_code == 302
    request.refresh_from_db()
    assert request.state == PublicityRequest.State.APPROVED

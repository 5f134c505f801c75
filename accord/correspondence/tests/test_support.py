"""D 9: the Members' ICT User Agreement is accepted before using Accord (a new version asks again, a council
without one asks nothing), and support services are for Council business only."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from django.urls import reverse

from accord.core.access import actor_for
from accord.core.errors import AccordError
from accord.correspondence.models import IctAcceptance, IctAgreement, SupportRequest
from accord.correspondence.services import support
from conftest import Roles

pytestmark = pytest.mark.django_db


def _publish(roles: Roles, version: str) -> None:
    support.ict_agreement_publish(
        actor=actor_for(roles.user("democratic_services")),
        council=roles.council,
        version=version,
        text="Use the Council's ICT for Council business.",
    )


@pytest.mark.cites("D 9")
def test_a_member_accepts_the_agreement_before_using_accord(roles: Roles) -> None:
    client = Client()
    client.force_login(roles.user("member"))
    assert client.get(reverse("correspondence:list")).status_code == 200
    _publish(roles, "2026-1")
    gated = client.get(reverse("correspondence:list"))
    assert gated.status_code == 302 and gated["Location"] == reverse("correspondence:ict-agreement")
    api = client.get("/api/v1/correspondence")
    assert api.status_code == 403 and api.json()["citations"][0]["label"] == "D 9"
    page = client.get(reverse("correspondence:ict-agreement"))
    assert page.status_code == 200 and b"I accept the agreement" in page.content
    shown = IctAgreement.objects.get(version="2026-1").pk
    assert (
        client.post(reverse("correspondence:ict-agreement"), {"accept": shown}).status_code == 302
    )
    acceptance = IctAcceptance.objects.get()
    assert acceptance.agreement.version == "2026-1" and acceptance.accepted_at is not None
    assert client.get(reverse("correspondence:list")).status_code == 200
    # A new version asks again.
    _publish(roles, "2026-2")
    assert client.get(reverse("correspondence:list")).status_code == 302


@pytest.mark.cites("D 9")
def test_officers_and_other_councils_are_never_asked(roles: Roles) -> None:
    _publish(roles, "2026-1")
    for role in ("officer", "democratic_services", "other_council"):
        client = Client()
        client.force_login(roles.user(role))
        assert client.get(reverse("correspondence:list")).status_code == 200


def test_a_version_uploaded_twice_is_refused(roles: Roles) -> None:
    _publish(roles, "2026-1")
    with pytest.raises(AccordError) as refused:
        _publish(roles, "2026-1")
    assert refused.value.field == "version"


@pytest.mark.cites("D 9")
def test_support_is_for_council_business_only(roles: Roles) -> None:
    client = Client()
    client.force_login(roles.user("member"))
    page = client.post(
        reverse("correspondence:support"), {"kind": "printing", "details": "Leaflets"}
    )
    assert page.status_code == 400
    assert b"party-political activity or self-promotion" in page.content
    assert b"D 9" in page.content
    api = client.post(
        "/api/v1/support-requests",
        json.dumps({"kind": "transport", "details": "A lift"}),
        content_type="application/json",
    )
    assert api.status_code == 400 and api.json()["citations"][0]["label"] == "D 9"
    assert not SupportRequest.objects.exists()
    made = client.post(
        reverse("correspondence:support"),
        {"kind": "printing", "details": "Agenda copies", "council_business": "on"},
    )
    assert made.status_code == 302
    request = SupportRequest.objects.get()
    dem = Client()
    dem.force_login(roles.user("democratic_services"))
    dem.post(reverse("correspondence:support-decide", args=(request.pk,)), {"decision": "provide"})
    request.refresh_from_db()
    assert request.state == "provided"
    assert list(request.events.order_by("seq").values_list("kind", flat=True)) == [
        "requested",
        "provided",
    ]


@pytest.mark.cites("D 9")
def test_an_api_token_does_not_pass_the_agreement_by(roles: Roles) -> None:
    from accord.api.services import api_token_create

    _token, plaintext = api_token_create(user=roles.user("member"), name="scripts")
    client = Client(HTTP_AUTHORIZATION=f"Bearer {plaintext}")
    assert client.get("/api/v1/correspondence").status_code == 200
    _publish(roles, "2026-1")
    for path in ("/api/v1/correspondence", "/api/v1/enquiries"):
        refused = client.get(path)
        assert refused.status_code == 403, path
        assert refused.json()["citations"][0]["label"] == "D 9"
    made = client.post(
        "/api/v1/support-requests",
        json.dumps({"kind": "printing", "details": "Ward leaflets", "council_business": True}),
        content_type="application/json",
    )
    assert made.status_code == 403 and not SupportRequest.objects.exists()
    # The agreement itself stays open to the API, so it can be read and accepted there.
    assert client.get("/api/v1/ict-agreement").json()["version"] == "2026-1"
    accepted = client.post("/api/v1/ict-agreement/accept")
    assert accepted.status_code in (200, 201), accepted.content
    assert client.get("/api/v1/correspondence").status_code == 200
    # An officer's token is never asked; a forged token is still the API's 401.
    _token, officer = api_token_create(user=roles.user("officer"), name="scripts")
    assert (
        Client(HTTP_AUTHORIZATION=f"Bearer {officer}").get("/api/v1/correspondence").status_code
        == 200
    )
    forged = Client(HTTP_AUTHORIZATION="Bearer accord_" + "x" * 43)
    assert forged.get("/api/v1/correspondence").status_code == 401


@pytest.mark.cites("D 9")
def test_accepting_the_version_read_never_accepts_one_published_meanwhile(roles: Roles) -> None:
    client = Client()
    client.force_login(roles.user("member"))
    _publish(roles, "2026-1")
    read = IctAgreement.objects.get(version="2026-1").pk
    _publish(roles, "2026-2")
    refused = client.post(reverse("correspondence:ict-agreement"), {"accept": read})
    assert refused.status_code == 400
    text = refused.content.decode()
    assert "Version 2026-2 came into force while you were reading" in text and "D 9" in text
    assert not IctAcceptance.objects.exists()
    assert client.get(reverse("correspondence:list")).status_code == 302

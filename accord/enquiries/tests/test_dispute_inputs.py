"""N 17 dispute inputs in the API follow the project's text and id rules: a bad value is a 422 naming its field."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from accord.accounts.models import User
from accord.councils.models import Officer
from accord.councils.tests import factories as cf
from accord.enquiries.dispute_forms import DisputeDecisionForm, DisputeOpenForm
from accord.enquiries.models import InformationDispute

from .conftest import make_scene

pytestmark = pytest.mark.django_db


@pytest.mark.cites("N 17")
def test_dispute_inputs_refuse_control_characters_and_a_member_of_no_council() -> None:
    scene = make_scene("norfolk")
    officer = cf.OfficerFactory(
        council=scene.council, name="Dee Director", grade=Officer.Grade.CHIEF_OFFICER
    )
    user = User.objects.get(
        pk=cf.UserFactory(
            username=f"{scene.council.slug}-dee", council=scene.council, officer=officer
        ).pk
    )
    client = Client()
    client.force_login(user)

    def post(body: dict[str, Any]) -> Any:
        return client.post("/api/v1/disputes", body, content_type="application/json")

    other = make_scene("district")
    for member_id in (other.member.pk, 2**31 - 1, 2**40):
        refused = post(
            {"document": "Contract file", "reason": "Confidential", "member_id": member_id}
        )
        assert refused.status_code == 422, (member_id, refused.content)
        assert "member_id" in refused.json()["detail"]
    for field, body in (
        ("document", {"document": "Contract\x00 file", "reason": "r"}),
        ("reason", {"document": "Contract file", "reason": "Confidential\x1b[31m"}),
    ):
        refused = post({**body, "member_id": scene.member.pk})
        assert refused.status_code == 422, refused.content
        assert field in refused.json()["detail"]
    assert not InformationDispute.objects.exists()
    opened = post({"document": "Contract file", "reason": "r", "member_id": scene.member.pk})
    assert opened.status_code == 201, opened.content
    pk = opened.json()["id"]
    assert (
        opened.json()["history"][0]["by"] == "Dee Director"
    )  # the person's name, not the username
    member = Client()
    member.force_login(scene.users["member"])
    bell = member.post(
        f"/api/v1/disputes/{pk}/dispute",
        {"grounds": "Scrutiny\x07"},
        content_type="application/json",
    )
    assert bell.status_code == 422 and "grounds" in bell.json()["detail"]


@pytest.mark.cites("N 17")
def test_dispute_forms_refuse_control_characters_naming_the_field() -> None:
    scene = make_scene("norfolk")
    opened = DisputeOpenForm(
        {"document": "Contract\x00 file", "reason": "Confidential\x1b"},
        council=scene.council,
        member=scene.member,
    )
    assert not opened.is_valid()
    assert set(opened.errors) == {"document", "reason"}
    decided = DisputeDecisionForm({"entitled": "yes", "decision": "M12\x07"}, label="The decision")
    assert not decided.is_valid()
    assert "The decision" in decided.errors["decision"][0]

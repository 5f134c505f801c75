"""N 17 disputes from the outside: the pages and the API, who may see a dispute, and two people acting at once."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from accord.accounts.models import User
from accord.core.errors import AccordError
from accord.councils.models import Officer
from accord.councils.tests import factories as cf
from accord.enquiries.models import InformationDispute
from accord.enquiries.services import information_dispute_decide, information_dispute_open

from .conftest import Scene, make_scene
from .threads import DONE, at_once

pytestmark = pytest.mark.django_db
State = InformationDispute.State


def _director(scene: Scene, name: str = "dee") -> Any:
    """A Chief Officer who is not the Head of Paid Service."""
    officer = cf.OfficerFactory(
        council=scene.council, name=f"{name.title()} Director", grade=Officer.Grade.CHIEF_OFFICER
    )
    user = User.objects.get(
        pk=cf.UserFactory(
            username=f"{scene.council.slug}-{name}", council=scene.council, officer=officer
        ).pk
    )
    scene.users[name] = user
    return user


def _client(scene: Scene, who: str) -> Client:
    client = Client()
    client.force_login(scene.users[who])
    return client


def _step(scene: Scene, who: str, pk: int, action: str, **data: str) -> Any:
    form = {f"{action}-{k}": v for k, v in data.items()}
    return _client(scene, who).post(reverse("enquiries:dispute-action", args=[pk, action]), form)


@pytest.mark.cites("N 17")
def test_the_whole_dispute_in_the_pages_keeps_every_step_with_n17() -> None:
    scene = make_scene("norfolk")
    _director(scene)
    enquiry = scene.submit()
    case_page = _client(scene, "dee").get(reverse("enquiries:detail", args=[enquiry.pk]))
    open_url = f"{reverse('enquiries:dispute-open')}?enquiry={enquiry.pk}"
    assert open_url in case_page.content.decode()

    form = _client(scene, "dee").get(open_url)
    assert "N 17" in form.content.decode()
    response = _client(scene, "dee").post(
        open_url, {"document": "Contract file", "reason": "Commercially confidential"}
    )
    assert response.status_code == 302
    dispute = InformationDispute.objects.get()
    assert dispute.enquiry == enquiry and dispute.member == scene.member

    assert (
        _step(scene, "member", dispute.pk, "dispute", text="Needed for scrutiny").status_code == 302
    )
    hops_page = _client(scene, "chief").get(reverse("enquiries:dispute", args=[dispute.pk]))
    assert b"Record the decision" in hops_page.content
    response = _step(scene, "chief", dispute.pk, "decide", entitled="no", decision="Not needed")
    assert response.status_code == 302
    assert _step(scene, "member", dispute.pk, "refer", text="Still disagree").status_code == 302
    response = _step(
        scene, "dem", dispute.pk, "council-decide", entitled="yes", decision="Council, minute 12"
    )
    assert response.status_code == 302

    dispute.refresh_from_db()
    assert dispute.state == State.COUNCIL_DECIDED
    page = _client(scene, "member").get(reverse("enquiries:dispute", args=[dispute.pk]))
    text = page.content.decode()
    for words in (
        "Commercially confidential",
        "Needed for scrutiny",
        "Not needed",
        "Still disagree",
        "Council, minute 12",
    ):
        assert words in text
    assert text.count("N 17") >= 6  # the page's paragraph and each of the five steps
    assert enquiry.events.filter(kind__startswith="information-dispute").count() == 5


@pytest.mark.cites("N 17")
def test_a_step_form_left_empty_names_the_field_and_a_wrong_step_says_why() -> None:
    scene = make_scene("norfolk")
    dee = _director(scene)
    dispute = _open(scene, dee)
    response = _step(scene, "member", dispute.pk, "dispute", text="")
    assert response.status_code == 400
    assert "Enter your grounds for disputing the decision" in response.content.decode()
    response = _step(scene, "member", dispute.pk, "decide", entitled="yes", decision="Mine")
    assert response.status_code == 400
    assert "Only the Head of Paid Service" in response.content.decode()
    dispute.refresh_from_db()
    assert dispute.state == State.DECLINED and len(dispute.history) == 1


def _open(scene: Scene, user: Any) -> InformationDispute:
    from accord.core.access import actor_for

    return information_dispute_open(
        actor=actor_for(user), member=scene.member, document="Contract file", reason="Confidential"
    )


@pytest.mark.cites("N 17")
def test_only_the_member_the_chief_officer_hops_democratic_services_and_mo_see_a_dispute() -> None:
    scene = make_scene("norfolk")
    dispute = _open(scene, _director(scene))
    _director(scene, "cara")  # another Chief Officer
    other = make_scene("district")
    page = reverse("enquiries:dispute", args=[dispute.pk])
    api = f"/api/v1/disputes/{dispute.pk}"
    for who in ("member", "dee", "chief", "dem", "monitoring"):
        assert _client(scene, who).get(page).status_code == 200, who
        assert _client(scene, who).get(api).status_code == 200, who
    for who in ("other_member", "officer", "head", "cara"):
        assert _client(scene, who).get(page).status_code == 404, who
        assert _client(scene, who).get(api).status_code == 404, who
        listed = _client(scene, who).get("/api/v1/disputes").json()
        assert (listed["count"], listed["results"]) == (0, []), who
    mine = _client(scene, "member").get("/api/v1/disputes").json()
    assert [d["id"] for d in mine["results"]] == [dispute.pk]
    assert _client(other, "dem").get(page).status_code == 404
    assert _client(other, "chief").get(api).status_code == 404
    step = _client(scene, "officer").post(
        f"{api}/dispute", {"grounds": "x"}, content_type="application/json"
    )
    assert step.status_code == 404


@pytest.mark.cites("N 17")
def test_the_dispute_list_filters_by_a_known_state_and_refuses_an_unknown_one() -> None:
    scene = make_scene("norfolk")
    dee = _director(scene)
    declined, disputed = _open(scene, dee), _open(scene, dee)
    InformationDispute.objects.filter(pk=disputed.pk).update(state=State.DISPUTED)
    client = _client(scene, "dem")
    for state, expected in (("declined", [declined.pk]), ("disputed", [disputed.pk])):
        listed = client.get(f"/api/v1/disputes?state={state}").json()
        assert [d["id"] for d in listed["results"]] == expected, state
    assert len(client.get("/api/v1/disputes").json()["results"]) == 2
    unknown = client.get("/api/v1/disputes?state=zzz")
    assert unknown.status_code == 422
    assert "state" in unknown.json()["detail"]


@pytest.mark.cites("N 17")
def test_the_whole_dispute_through_the_api() -> None:
    scene = make_scene("norfolk")
    _director(scene)
    enquiry = scene.submit()

    def post(who: str, path: str, body: dict[str, Any]) -> Any:
        return _client(scene, who).post(path, body, content_type="application/json")

    # The case offers the Chief Officer this action, and the API has the operation behind it.
    offered = _client(scene, "dee").get(f"/api/v1/enquiries/{enquiry.pk}").json()["actions"]
    assert "information-dispute-open" in offered
    opened = post(
        "dee",
        "/api/v1/disputes",
        {"document": "Contract file", "reason": "Confidential", "enquiry_id": enquiry.pk},
    )
    assert opened.status_code == 201, opened.content
    body = opened.json()
    pk = body["id"]
    assert (
        body["enquiry_id"] == enquiry.pk and body["history"][0]["citations"][0]["label"] == "N 17"
    )
    assert _client(scene, "member").get(f"/api/v1/disputes/{pk}").json()["actions"] == ["dispute"]
    refused = post("member", f"/api/v1/disputes/{pk}/decide", {"entitled": True, "decision": "x"})
    assert refused.status_code == 400
    assert refused.json()["citations"][0]["label"] == "N 17"
    assert (
        post("member", f"/api/v1/disputes/{pk}/dispute", {"grounds": "Scrutiny"}).status_code == 200
    )
    assert post("chief", f"/api/v1/disputes/{pk}/refer", {"reason": "Council"}).status_code == 200
    done = post(
        "dem", f"/api/v1/disputes/{pk}/council-decide", {"entitled": True, "decision": "M12"}
    )
    assert done.status_code == 200
    assert [s["state"] for s in done.json()["history"]] == [
        "declined",
        "disputed",
        "referred",
        "council-decided",
    ]
    assert done.json()["decision"] == "The member is entitled to the document. M12"
    too_long = post(
        "dee",
        "/api/v1/disputes",
        {"document": "x" * 301, "reason": "r", "member_id": scene.member.pk},
    )
    assert too_long.status_code == 422 and "document" in too_long.json()["detail"]


@pytest.mark.cites("D 6.8")
def test_a_district_council_refuses_a_dispute_with_d68_in_the_page_and_the_api(
    scene: Scene,
) -> None:
    page = _client(scene, "chief").get(reverse("enquiries:dispute-open"))
    assert page.status_code == 200
    assert "D 6.8" in page.content.decode() and 'name="document"' not in page.content.decode()
    response = _client(scene, "chief").post(
        "/api/v1/disputes",
        {"document": "Contract file", "reason": "Confidential", "member_id": scene.member.pk},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert [c["label"] for c in response.json()["citations"]] == ["D 6.8"]
    assert not InformationDispute.objects.exists()


@pytest.mark.cites("N 17")
def test_a_second_decision_on_a_decided_dispute_is_refused_and_the_first_kept() -> None:
    from accord.core.access import actor_for
    from accord.enquiries.services import information_dispute_dispute

    scene = make_scene("norfolk")
    dispute = _open(scene, _director(scene))
    information_dispute_dispute(actor=scene.actor("member"), dispute=dispute, grounds="Scrutiny")
    stale = InformationDispute.objects.get(pk=dispute.pk)
    hops = actor_for(scene.users["chief"])
    information_dispute_decide(actor=hops, dispute=stale, entitled=False, decision="First")
    with pytest.raises(AccordError, match="now decided: the member is not entitled"):
        information_dispute_decide(actor=hops, dispute=stale, entitled=True, decision="Second")
    kept = InformationDispute.objects.get(pk=dispute.pk)
    assert kept.state == State.UPHELD and kept.decision == "First"
    assert [s["what"].endswith("First") for s in kept.history] == [False, False, True]


@pytest.mark.postgres
@pytest.mark.cites("N 17")
@pytest.mark.django_db(transaction=True)
def test_ten_decisions_at_once_exactly_one_is_recorded() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: run with DATABASE_URL=postgres://...")
    from accord.enquiries.services import information_dispute_dispute

    scene = make_scene("norfolk")
    dispute = _open(scene, _director(scene))
    information_dispute_dispute(actor=scene.actor("member"), dispute=dispute, grounds="Scrutiny")
    actor = scene.actor("chief")

    def decide(index: int) -> None:
        stale = InformationDispute.objects.get(pk=dispute.pk)
        information_dispute_decide(
            actor=actor, dispute=stale, entitled=index % 2 == 0, decision=f"Decision {index}"
        )

    results = at_once([lambda i=i: decide(i) for i in range(10)])
    assert results.count(DONE) == 1, results
    kept = InformationDispute.objects.get(pk=dispute.pk)
    assert len(kept.history) == 3
    assert kept.enquiry is None

"""Decision records from the outside: the API and the pages, scrutiny's view, refusals with citations, and
another council's record as a 404 (D 4.4, N 7-13)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from .conftest import Scene


def post(client: Client, url: str, data: dict[str, Any] | None = None) -> Any:
    return client.post(url, data or {}, content_type="application/json")


@pytest.mark.cites("N 9", "N 10", "N 13", "N 7", "N 8")
def test_api_flow_and_scrutiny_sees_the_same_advice(norfolk: Scene) -> None:
    s = norfolk
    officer = s.roles.user("officer").officer  # type: ignore[union-attr]
    dem = s.client("democratic_services")
    created = post(
        dem,
        f"/api/v1/councils/{s.council.slug}/decisions",
        {
            "matter": "Housing allocations policy",
            "maker": "cabinet-member",
            "maker_member_id": s.members["cabinet_member"].pk,
            "report": "The report.",
            "officer_id": officer.pk,
        },
    )
    assert created.status_code == 201, created.json()
    pk = created.json()["id"]
    early = post(s.client("cabinet_member"), f"/api/v1/decisions/{pk}/decide", {"decision": "Yes"})
    assert early.status_code == 400
    assert "N 10" in [c["label"] for c in early.json()["citations"]]
    advised = post(
        s.client("officer"), f"/api/v1/decisions/{pk}/advice-submit", {"advice": "Do not."}
    )
    assert advised.status_code == 200 and advised.json()["state"] == "advice-on-record"
    assert (
        post(s.client("cabinet_member"), f"/api/v1/decisions/{pk}/advice-consider").status_code
        == 200
    )
    taken = post(s.client("cabinet_member"), f"/api/v1/decisions/{pk}/decide", {"decision": "Yes"})
    assert taken.json()["state"] == "decided"
    executive = s.client("cabinet_member").get(f"/api/v1/decisions/{pk}").json()["advice"]
    scrutiny = s.client("member").get(f"/api/v1/decisions/{pk}/scrutiny").json()
    assert scrutiny["advice"] == executive
    assert executive["considered_version"] == 1
    labels = [c["label"] for c in scrutiny["advice"]["citations"]]
    assert {"N 13", "N 7", "N 8", "N 9", "N 10"} <= set(labels)
    page = s.client("member").get(f"/decisions/{pk}/scrutiny/")
    assert page.status_code == 200 and "Do not." in page.content.decode()
    assert "N 13" in page.content.decode()


@pytest.mark.cites("N 9", "D 4.4")
@pytest.mark.parametrize("method", ["put", "patch", "delete"])
def test_changing_or_deleting_advice_is_refused_with_the_citation(
    norfolk: Scene, method: str
) -> None:
    from .. import services

    s = norfolk
    decision = s.decision()
    services.advice_submit(actor=s.actor("officer"), decision=decision, text="Advice.")
    for who in ("cabinet_member", "democratic_services", "officer"):
        answer = getattr(s.client(who), method)(f"/api/v1/decisions/{decision.pk}/advice/1")
        assert answer.status_code == 400
        assert "N 9" in [c["label"] for c in answer.json()["citations"]]
    assert decision.advice.get().text == "Advice."


@pytest.mark.cites("N 11", "N 12")
def test_decision_page_shows_the_guidance_and_the_advice(norfolk: Scene) -> None:
    s = norfolk
    decision = s.decision()
    page = s.client("member").get(f"/decisions/{decision.pk}/").content.decode()
    assert "N 11" in page and "N 12" in page
    assert "not yet on record" in page


def test_another_councils_decision_is_not_found(scene: Scene) -> None:
    decision = scene.decision()
    other = scene.client("other_council")
    assert other.get(f"/decisions/{decision.pk}/").status_code == 404
    assert other.get(f"/decisions/{decision.pk}/scrutiny/").status_code == 404
    assert other.get(f"/api/v1/decisions/{decision.pk}").status_code == 404
    assert (
        post(other, f"/api/v1/decisions/{decision.pk}/advice-submit", {"advice": "x"}).status_code
        == 404
    )
    assert other.get(f"/api/v1/councils/{scene.council.slug}/decisions").status_code == 404


def test_bad_input_names_the_field_and_saves_nothing(scene: Scene) -> None:
    from ..models import DecisionRecord

    dem = scene.client("democratic_services")
    url = f"/api/v1/councils/{scene.council.slug}/decisions"
    bad = post(dem, url, {"matter": "x\x00", "maker": "leader", "report": "r", "officer_id": 1})
    assert bad.status_code == 422 and "matter" in bad.json()["detail"]
    stranger = post(
        dem,
        url,
        {"matter": "m", "maker": "leader", "report": "r", "officer_id": 2**31 - 1},
    )
    assert stranger.status_code == 422 and "officer_id" in stranger.json()["detail"]
    page = dem.post("/decisions/new/", {"matter": "", "maker": "nobody"})
    assert page.status_code == 400 and "Enter the matter to be decided" in page.content.decode()
    assert not DecisionRecord.objects.exists()


@pytest.mark.cites("N 10")
def test_page_refusal_shows_the_citation(norfolk: Scene) -> None:
    from .. import services

    s = norfolk
    decision = s.decision()
    services.advice_submit(actor=s.actor("officer"), decision=decision, text="Advice.")
    services.advice_consider(actor=s.actor("cabinet_member"), decision=decision)
    services.advice_correct(actor=s.actor("officer"), decision=decision, text="v2", reason="why")
    page = s.client("cabinet_member").post(
        f"/decisions/{decision.pk}/actions/decide/", {"decide-text": "Yes"}
    )
    # Not offered once the correction needs considering: the page does not pretend it can be taken.
    assert page.status_code == 404
    shown = s.client("cabinet_member").get(f"/decisions/{decision.pk}/").content.decode()
    assert "Version 2" in shown and "Version 1" in shown and "corrected later" in shown


@pytest.mark.cites("D 2.10", "D 4.4")
def test_district_scrutiny_sees_the_advice_the_maker_had(scene: Scene) -> None:
    from .. import services

    s = scene
    decision = s.decision()
    services.advice_submit(actor=s.actor("officer"), decision=decision, text="Impartial advice.")
    services.advice_consider(actor=s.actor("cabinet_member"), decision=decision)
    scrutiny = s.client("member").get(f"/api/v1/decisions/{decision.pk}/scrutiny").json()
    executive = s.client("cabinet_member").get(f"/api/v1/decisions/{decision.pk}").json()
    assert scrutiny["advice"] == executive["advice"]
    assert "D 2.10" in [c["label"] for c in scrutiny["advice"]["citations"]]


@pytest.mark.cites("N 13")
def test_home_page_lists_the_decision_records_and_the_navigation_keeps_one_meetings_item(
    norfolk: Scene,
) -> None:
    s = norfolk
    decisions = f"/councils/{s.council.slug}/decisions/"
    meetings = f"/councils/{s.council.slug}/meetings/"
    for who in ("member", "officer", "democratic_services"):
        page = s.client(who).get("/").content.decode()
        assert f'href="{decisions}"' in page, who
        nav = page.split('class="govuk-service-navigation__list"')[1].split("</ul>")[0]
        assert f'href="{meetings}"' in nav and decisions not in nav

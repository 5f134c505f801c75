"""A consultation cannot start until its local Members are notified (D 5.4) or consulted (N 24)."""

from __future__ import annotations

import datetime as dt

import pytest

from accord.core import clock
from accord.core.errors import AccordError
from accord.councils.tests import factories as cf
from accord.matters import services
from accord.matters.models import ConsultationResponse, Matter

from .factories import Scene, at


def consultation(scene: Scene) -> Matter:
    return scene.record(kind="consultation", title="Play area consultation", areas=[scene.north])


@pytest.mark.cites("D 5.4")
def test_district_members_notified_on_recording_so_it_may_start(district: Scene) -> None:
    matter = consultation(district)
    assert matter.reply_by is None  # notified, not asked for a view
    assert not matter.receipts.filter(consulted=True).exists()
    started = services.matter_consultation_start(actor=district.actor("officer"), matter=matter)
    assert started.state == Matter.State.STARTED
    event = matter.events.get(kind="consultation-started")
    assert [c["label"] for c in event.citations] == ["D 5.4"]


@pytest.mark.cites("D 5.4")
def test_an_earlier_start_is_refused_naming_the_members_not_yet_notified(district: Scene) -> None:
    matter = consultation(district)
    cf.MemberFactory(council=district.council, name="Nia New", areas=[district.north])
    with pytest.raises(AccordError) as refused:
        services.matter_consultation_start(actor=district.actor("officer"), matter=matter)
    assert "Not yet notified: Cllr Nia New." in refused.value.message
    assert [c.label for c in refused.value.citations] == ["D 5.4"]
    assert Matter.objects.get(pk=matter.pk).state == Matter.State.OPEN
    # The page shows the refusal with its citation.
    page = district.client("officer").post(f"/matters/{matter.pk}/actions/consultation-start/")
    assert page.status_code == 400
    body = page.content.decode()
    assert "Nia New" in body and "D 5.4" in body
    # The API the same, as a 400 with the paragraph.
    api = district.client("officer").post(f"/api/v1/matters/{matter.pk}/consultation-start")
    assert api.status_code == 400
    assert api.json()["citations"][0]["label"] == "D 5.4"
    services.matter_inform_outstanding(actor=district.actor("officer"), matter=matter)
    services.matter_consultation_start(actor=district.actor("officer"), matter=matter)


@pytest.mark.cites("N 24")
def test_norfolk_members_are_consulted_with_a_reply_by_date_in_working_days(
    norfolk: Scene,
) -> None:
    # Friday 18 December 2026: ten working days on skips the weekends and the Christmas bank holidays.
    with clock.frozen(at(2026, 12, 18, 10)):
        matter = consultation(norfolk)
    assert matter.reply_by == dt.date(2027, 1, 6)
    receipts = matter.receipts.all()
    assert receipts and all(r.consulted for r in receipts)
    assert [c["label"] for c in receipts[0].citations][:1] == ["N 24"]
    services.matter_response_add(actor=norfolk.actor("ann"), matter=matter, text="Yes, please.")
    services.matter_response_add(actor=norfolk.actor("ann"), matter=matter, text="And a bench.")
    assert list(ConsultationResponse.objects.values_list("text", flat=True)) == [
        "Yes, please.",
        "And a bench.",
    ]


@pytest.mark.cites("N 24")
def test_norfolk_start_refused_until_every_member_is_consulted(norfolk: Scene) -> None:
    matter = consultation(norfolk)
    cf.MemberFactory(council=norfolk.council, name="Nia New", areas=[norfolk.north])
    with pytest.raises(AccordError) as refused:
        services.matter_consultation_start(actor=norfolk.actor("head"), matter=matter)
    assert "Not yet consulted: Cllr Nia New." in refused.value.message
    assert [c.label for c in refused.value.citations] == ["N 24"]


@pytest.mark.cites("N 24")
def test_only_a_local_member_gives_a_view(norfolk: Scene) -> None:
    matter = consultation(norfolk)
    response = norfolk.client("cat").post(
        f"/api/v1/matters/{matter.pk}/respond",
        {"text": "Not my division"},
        content_type="application/json",
    )
    assert response.status_code == 404  # Cat's division is not affected: she cannot see it
    ok = norfolk.client("ann").post(
        f"/api/v1/matters/{matter.pk}/respond", {"text": "Support"}, content_type="application/json"
    )
    assert ok.status_code == 200
    assert ok.json()["responses"][0]["text"] == "Support"

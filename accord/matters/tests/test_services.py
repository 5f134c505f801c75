"""Recording a matter informs its local Members at once, with a receipt each (D 5.2, D 5.3, N 20, N 21)."""

from __future__ import annotations

import datetime as dt

import pytest

from accord.core import clock
from accord.councils.tests import factories as cf
from accord.matters import services
from accord.matters.models import Matter, MatterEvent, Receipt
from accord.matters.selectors import matter_home_list, matter_list_for_member
from accord.notifications.models import OutboxMessage

from .factories import Scene


@pytest.mark.cites("D 5.3", "D 5.2")
def test_recording_informs_every_member_of_the_ward_at_once(district: Scene) -> None:
    matter = district.record()
    receipts = {r.member.name: r for r in matter.receipts.select_related("member")}
    assert set(receipts) == {"Ann Able", "Bob Brown"}  # North's Members only, not South's
    assert receipts["Ann Able"].channel == Receipt.Channel.EMAIL
    assert receipts["Bob Brown"].channel == Receipt.Channel.ACCORD  # no address: the home page only
    assert [c["label"] for c in receipts["Ann Able"].citations] == ["D 5.3", "D 5.1"]
    mail = OutboxMessage.objects.get(recipient=district.ann.email)
    assert mail.status == OutboxMessage.Status.PENDING  # sent by the worker, after the commit
    assert matter.reference in mail.subject and "D 5.3" in mail.body
    assert matter.responsible_officer.name in mail.body and "Highways" in mail.body
    recorded = matter.events.get(kind="recorded")
    assert {c["label"] for c in recorded.citations} >= {"D 5.2", "D 5.3"}


@pytest.mark.cites("N 20", "N 21")
def test_a_matter_across_divisions_and_the_whole_council(norfolk: Scene) -> None:
    two = norfolk.record(areas=[norfolk.north, norfolk.south])
    assert set(two.receipts.values_list("member__name", flat=True)) == {
        "Ann Able",
        "Bob Brown",
        "Cat Cole",
    }
    assert two.receipts.first().citations[0]["label"] == "N 20"  # type: ignore[union-attr]
    everyone = norfolk.record(areas=[], whole_council=True)
    assert everyone.receipts.count() == 4
    assert not everyone.matter_areas.exists()


@pytest.mark.cites("D 5.3")
def test_an_update_informs_again_and_keeps_the_words_before(district: Scene) -> None:
    matter = district.record()
    services.matter_update(
        actor=district.actor("officer"),
        matter=matter,
        title="Parking review: second draft",
        summary="Zones now cover Mill Lane.",
        starts_on=None,
        note="Mill Lane added.",
    )
    matter.refresh_from_db()
    assert matter.round == 2 and matter.title == "Parking review: second draft"
    assert matter.receipts.filter(round=2, reason=Receipt.Reason.UPDATED).count() == 2
    updated = matter.events.get(kind="updated")
    assert updated.data["before"]["title"] == "Parking review on the High Street"
    assert updated.data["after"]["summary"] == "Zones now cover Mill Lane."
    assert OutboxMessage.objects.filter(recipient=district.ann.email).count() == 2


@pytest.mark.cites("D 5.3", "N 21")
def test_an_area_added_later_informs_only_its_members(district: Scene) -> None:
    matter = district.record()
    added = services.matter_areas_add(
        actor=district.actor("head"), matter=matter, areas=[district.south]
    )
    assert added == [district.south]
    new = matter.receipts.filter(reason=Receipt.Reason.AREA_ADDED)
    assert list(new.values_list("member__name", flat=True)) == ["Cat Cole"]
    assert matter.receipts.filter(member=district.ann).count() == 1  # not told twice


@pytest.mark.cites("D 5.3")
def test_an_area_found_from_a_postcode(district: Scene) -> None:
    from accord.councils.places import Place

    matter = district.record(areas=[], place=Place(postcode="ac1 2ab"))
    assert [(a.area.name, a.how) for a in matter.matter_areas.all()] == [("South", "postcode")]
    assert list(matter.receipts.values_list("member__name", flat=True)) == ["Cat Cole"]


@pytest.mark.cites("D 5.3")
def test_a_member_who_takes_office_later_sees_the_open_matters_of_their_ward(
    district: Scene,
) -> None:
    open_matter = district.record()
    closed = district.record(title="Old scheme")
    services.matter_close(actor=district.actor("officer"), matter=closed, note="")
    newcomer = cf.MemberFactory(council=district.council, name="Nia New", areas=[district.north])
    user = cf.UserFactory(username="nia", council=district.council, member=newcomer)
    from accord.core.access import actor_for

    actor = actor_for(user)
    assert [m.pk for m, _ in matter_home_list(actor)] == [open_matter.pk]
    assert set(matter_list_for_member(actor)) == {open_matter, closed}
    # Not yet informed: the officer's page offers to inform the newcomer, with a receipt.
    told = services.matter_inform_outstanding(actor=district.actor("officer"), matter=open_matter)
    assert [m.name for m in told] == ["Nia New"]
    assert open_matter.receipts.get(member=newcomer).reason == Receipt.Reason.OUTSTANDING


def test_opening_the_matter_records_when_the_member_opened_it(district: Scene) -> None:
    matter = district.record()
    with clock.frozen(clock.now() + dt.timedelta(hours=2)) as later:
        response = district.client("ann").get(f"/matters/{matter.pk}/")
    assert response.status_code == 200
    receipt = matter.receipts.get(member=district.ann)
    assert receipt.opened_at == later
    page = district.client("officer").get(f"/matters/{matter.pk}/").content.decode()
    assert "Not yet opened in Accord: Cllr Bob Brown" in page


def test_history_is_chained(district: Scene) -> None:
    from accord.cases.history import chain_verify
    from accord.matters.models import MatterChainHead

    matter = district.record()
    services.matter_close(actor=district.actor("officer"), matter=matter, note="Done")
    report = chain_verify(
        district.council,
        event_model=MatterEvent,
        head_model=MatterChainHead,
        describe=lambda e: str(e.case_id),
    )
    assert report.is_whole and report.events == 3
    assert Matter.objects.get(pk=matter.pk).state == Matter.State.CLOSED

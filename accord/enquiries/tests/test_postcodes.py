"""The area an enquiry concerns, looked up from a postcode: the same rules on the raise page and in the
API, and only the Member's own council's postcode data (D 6.5 turns on the area)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from html import unescape
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from accord.core import clock
from accord.core.errors import AccordError
from accord.councils.models import Area, AreaPostcode
from accord.councils.tests import factories as cf
from accord.enquiries.models import Category, Enquiry
from accord.enquiries.postcodes import enquiry_area_resolve
from accord.enquiries.tests.factories import CategoryFactory
from conftest import Roles

NOW = dt.datetime(2026, 3, 18, 10, 0, tzinfo=clock.LONDON)
NOT_FOUND = (
    "We could not find AC9 9ZZ in Testshire District Council's ward data: choose the ward instead"
)
DISAGREE = (
    "AC1 1AB is in the Abbey ward, not Brook: which is right? Correct the postcode, or choose Abbey"
)
MALFORMED = "'AC1 1' is not a full UK postcode: enter it like SW1A 2AA"


@dataclass
class Places:
    abbey: Area
    brook: Area
    bins: Category


@pytest.fixture
def places(roles: Roles) -> Places:
    """Testshire's Abbey (AC1 1AB) and Brook (AC2 1AB); Otherton holds AC1 1AB and WX1 1AB as its own."""
    abbey = Area.objects.get(council=roles.council, name="Abbey")
    brook = cf.AreaFactory(council=roles.council, name="Brook")
    AreaPostcode.objects.create(council=roles.council, area=abbey, postcode="AC1 1AB")
    AreaPostcode.objects.create(council=roles.council, area=brook, postcode="AC2 1AB")
    elsewhere = cf.AreaFactory(council=roles.other_council, name="Elsewhere")
    for postcode in ("AC1 1AB", "WX1 1AB"):
        AreaPostcode.objects.create(council=roles.other_council, area=elsewhere, postcode=postcode)
    service = roles.user("officer").officer.service
    bins = CategoryFactory(council=roles.council, name="Bins", service=service)
    return Places(abbey, brook, bins)


def test_resolve_rules(roles: Roles, places: Places) -> None:
    council = roles.council
    assert enquiry_area_resolve(council=council, area=places.brook, postcode="") == places.brook
    assert enquiry_area_resolve(council=council, area=None, postcode="  ") is None
    assert enquiry_area_resolve(council=council, area=None, postcode="ac11ab") == places.abbey
    assert (
        enquiry_area_resolve(council=council, area=places.abbey, postcode="AC1 1AB") == places.abbey
    )
    for area, postcode, message in [
        (places.brook, "ac1 1ab", DISAGREE),
        (None, "ac9 9zz", NOT_FOUND),
        (places.abbey, "AC9 9ZZ", NOT_FOUND),
        (None, "AC1 1", MALFORMED),
    ]:
        with pytest.raises(AccordError) as refused:
            enquiry_area_resolve(council=council, area=area, postcode=postcode)
        assert (refused.value.message, refused.value.field) == (message, "postcode")


def test_resolve_uses_the_councils_own_data_and_area_noun(roles: Roles, places: Places) -> None:
    with pytest.raises(AccordError) as refused:
        enquiry_area_resolve(council=roles.council, area=None, postcode="WX1 1AB")
    assert refused.value.message == (
        "We could not find WX1 1AB in Testshire District Council's ward data: "
        "choose the ward instead"
    )
    other = roles.other_council
    assert enquiry_area_resolve(council=other, area=None, postcode="AC1 1AB").name == "Elsewhere"
    with pytest.raises(AccordError) as refused:
        enquiry_area_resolve(council=other, area=None, postcode="AC2 1AB")
    assert refused.value.message == (
        "We could not find AC2 1AB in Otherton County Council's division data: "
        "choose the division instead"
    )


def _client(roles: Roles, role: str = "member") -> Client:
    client = Client()
    client.force_login(roles.user(role))
    return client


def _raise(places: Places, **extra: object) -> dict[str, object]:
    return {
        "subject": "Missed bins",
        "details": "Three houses missed on Monday.",
        "category": places.bins.pk,
        "area": "",
        "postcode": "",
        "capacity": "casework",
        "urgency": "normal",
        **extra,
    }


def test_raise_page_offers_the_postcode_with_its_hint(roles: Roles, places: Places) -> None:
    page = unescape(_client(roles).get(reverse("enquiries:raise")).content.decode())
    assert 'name="postcode"' in page and "Postcode (optional)" in page
    assert (
        "When Testshire District Council holds postcode data, the ward is found from the "
        "postcode and you do not need to choose it." in page
    )
    assert 'aria-describedby="id_postcode-hint"' in page


@pytest.mark.parametrize("typed", ["AC2 1AB", "ac21ab", " ac2  1ab "])
def test_raise_with_a_postcode_and_no_area_uses_the_looked_up_area(
    roles: Roles, places: Places, typed: str
) -> None:
    with clock.frozen(NOW):
        response = _client(roles).post(reverse("enquiries:raise"), _raise(places, postcode=typed))
    assert response.status_code == 302
    assert Enquiry.objects.get().area == places.brook


def test_raise_with_an_agreeing_postcode_and_area(roles: Roles, places: Places) -> None:
    with clock.frozen(NOW):
        response = _client(roles).post(
            reverse("enquiries:raise"), _raise(places, postcode="AC1 1AB", area=places.abbey.pk)
        )
    assert response.status_code == 302
    assert Enquiry.objects.get().area == places.abbey


def test_raise_without_a_postcode_keeps_the_chosen_area(roles: Roles, places: Places) -> None:
    with clock.frozen(NOW):
        _client(roles).post(reverse("enquiries:raise"), _raise(places, area=places.brook.pk))
    assert Enquiry.objects.get().area == places.brook


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"postcode": "AC1 1AB", "area": "brook"}, DISAGREE),
        ({"postcode": "ac9 9zz"}, NOT_FOUND),
        ({"postcode": "AC9 9ZZ", "area": "abbey"}, NOT_FOUND),
        ({"postcode": "AC1 1"}, MALFORMED),
        (
            {"postcode": "WX1 1AB"},  # Otherton's postcode, not Testshire's
            "We could not find WX1 1AB in Testshire District Council's ward data: "
            "choose the ward instead",
        ),
    ],
)
def test_raise_refuses_a_postcode_with_a_clear_error(
    roles: Roles, places: Places, extra: dict[str, Any], message: str
) -> None:
    if "area" in extra:
        extra["area"] = getattr(places, extra["area"]).pk
    response = _client(roles).post(reverse("enquiries:raise"), _raise(places, **extra))
    page = unescape(response.content.decode())
    assert response.status_code == 400
    assert f'<a href="#id_postcode">{message}</a>' in page  # the error summary links to the field
    assert '<p id="id_postcode-error" class="govuk-error-message">' in page
    assert "Error: Raise an enquiry" in page
    assert not Enquiry.objects.exists()


def test_democratic_services_raise_with_the_councils_postcode_data(
    roles: Roles, places: Places
) -> None:
    member = roles.user("member").member
    with clock.frozen(NOW):
        response = _client(roles, "democratic_services").post(
            reverse("enquiries:raise"),
            _raise(places, member=member.pk, postcode="AC1 1AB", channel="phone"),
        )
    assert response.status_code == 302
    assert Enquiry.objects.get().area == places.abbey


def _api(client: Client, data: dict[str, Any]) -> Any:
    return client.post("/api/v1/enquiries", data, content_type="application/json")


def _payload(places: Places, **extra: Any) -> dict[str, Any]:
    return {
        "subject": "Missed bins",
        "details": "Three houses missed.",
        "category_id": places.bins.pk,
        "capacity": "casework",
        **extra,
    }


def test_api_create_with_a_postcode(roles: Roles, places: Places) -> None:
    member = _client(roles)
    with clock.frozen(NOW):
        created = _api(member, _payload(places, postcode="ac21ab"))
        agreeing = _api(member, _payload(places, postcode="AC1 1AB", area_id=places.abbey.pk))
        plain = _api(member, _payload(places, area_id=places.brook.pk, postcode=""))
    assert created.status_code == 201, created.content
    assert created.json()["area"] == {"id": places.brook.pk, "name": "Brook"}
    assert agreeing.status_code == 201 and agreeing.json()["area"]["name"] == "Abbey"
    assert plain.status_code == 201 and plain.json()["area"]["name"] == "Brook"


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"postcode": "AC1 1AB", "area_id": "brook"}, DISAGREE),
        ({"postcode": "AC9 9ZZ"}, NOT_FOUND),
        ({"postcode": "AC1 1"}, MALFORMED),
        (
            {"postcode": "WX1 1AB"},
            "We could not find WX1 1AB in Testshire District Council's ward data: "
            "choose the ward instead",
        ),
    ],
)
def test_api_refuses_a_postcode_with_400(
    roles: Roles, places: Places, extra: dict[str, Any], message: str
) -> None:
    if "area_id" in extra:
        extra["area_id"] = getattr(places, extra["area_id"]).pk
    response = _api(_client(roles), _payload(places, **extra))
    assert response.status_code == 400
    assert response.json() == {"detail": message, "citations": []}
    assert not Enquiry.objects.exists()

"""Postcodes: one stored form however they are typed, looked up in one council's data only, and kept
in the admin by democratic services of that council."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.contrib.auth.models import Permission
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from accord.core.errors import AccordError
from accord.councils.models import AreaPostcode, Council
from accord.councils.postcodes import postcode_normalise
from accord.councils.selectors import area_for_postcode

from . import factories

f: Any = factories  # factory calls return model instances

CANONICAL = re.compile(r"^(?:[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}|GIR 0AA)$")
LETTERS = st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
DIGITS = st.sampled_from("0123456789")


@st.composite
def postcodes(draw: st.DrawFn) -> str:
    """A well-formed postcode in its stored form: outward A9, A99, A9A, AA9, AA99 or AA9A, then 9AA."""
    area = "".join(draw(st.lists(LETTERS, min_size=1, max_size=2)))
    district = draw(DIGITS) + draw(st.one_of(st.just(""), LETTERS, DIGITS))
    inward = draw(DIGITS) + draw(LETTERS) + draw(LETTERS)
    return f"{area}{district} {inward}"


@st.composite
def typed(draw: st.DrawFn, postcode: str) -> str:
    """`postcode` as someone might type it: any case, spaces missing, doubled or around it."""
    out = [draw(st.sampled_from(["", " ", "  ", "\t"]))]
    for char in postcode.replace(" ", ""):
        out.append(char.lower() if draw(st.booleans()) else char)
        out.append(draw(st.sampled_from(["", "", "", " ", "  "])))
    return "".join(out)


@given(data=st.data(), postcode=postcodes())
def test_any_case_and_spacing_gives_the_stored_form(data: st.DataObject, postcode: str) -> None:
    variant = data.draw(typed(postcode))
    assert postcode_normalise(variant) == postcode
    assert postcode_normalise(postcode) == postcode


@given(text=st.text(alphabet="ABCDEFGHJKLMNPRSTUVWXYZ0123456789 ab", max_size=12))
def test_anything_accepted_is_in_the_stored_form_and_anything_refused_is_named(text: str) -> None:
    try:
        result = postcode_normalise(text)
    except AccordError as exc:
        assert exc.field == "postcode"
        shown = " ".join(text.split())
        assert (f"'{shown}'" in exc.message) if shown else exc.message == "Enter a postcode"
    else:
        assert CANONICAL.match(result)
        assert result.replace(" ", "") == text.replace(" ", "").upper()


@pytest.mark.parametrize(
    ("typed_as", "stored"),
    [
        ("sw1a2aa", "SW1A 2AA"),
        (" ec1a  1bb ", "EC1A 1BB"),
        ("W1A 0AX", "W1A 0AX"),
        ("m1 1ae", "M1 1AE"),
        ("B338TH", "B33 8TH"),
        ("dn55 1pt", "DN55 1PT"),
        ("gir0aa", "GIR 0AA"),
    ],
)
def test_known_postcodes(typed_as: str, stored: str) -> None:
    assert postcode_normalise(typed_as) == stored


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("AC1", "'AC1' is not a full UK postcode"),
        ("ac1 2a", "'ac1 2a' is not a full UK postcode"),
        ("1AC 2AB", "'1AC 2AB' is not a full UK postcode"),
        ("AC1 AAB", "'AC1 AAB' is not a full UK postcode"),
        ("ABC1 2DE", "'ABC1 2DE' is not a full UK postcode"),
        ("AC1 2AB X", "'AC1 2AB X' is not a full UK postcode"),
        ("AC1-2AB", "'AC1-2AB' is not a full UK postcode"),
        ("ÀC1 2AB", "'ÀC1 2AB' is not a full UK postcode"),
        ("   ", "Enter a postcode"),
    ],
)
def test_malformed_postcodes_are_refused_by_name(value: str, message: str) -> None:
    with pytest.raises(AccordError, match=re.escape(message)):
        postcode_normalise(value)


@pytest.mark.django_db
def test_lookup_uses_only_the_councils_own_postcode_data() -> None:
    a = f.CouncilFactory(slug="a", name="Council A")
    b = f.CouncilFactory(slug="b", name="Council B")
    abbey, brook = f.AreaFactory(council=a, name="Abbey"), f.AreaFactory(council=a, name="Brook")
    elsewhere = f.AreaFactory(council=b, name="Elsewhere")
    AreaPostcode.objects.create(council=a, area=abbey, postcode="AC1 1AB")
    AreaPostcode.objects.create(council=a, area=brook, postcode="AC2 1AB")
    AreaPostcode.objects.create(council=b, area=elsewhere, postcode="AC1 1AB")
    AreaPostcode.objects.create(council=b, area=elsewhere, postcode="WX1 1AB")
    # A row whose area is council A's but which is held as council B's data: not A's postcode data.
    AreaPostcode.objects.create(council=b, area=brook, postcode="WX2 1AB")

    assert area_for_postcode(a, "ac11ab") == abbey
    assert area_for_postcode(a, " AC2  1AB") == brook
    assert area_for_postcode(b, "AC1 1AB") == elsewhere
    assert area_for_postcode(a, "WX1 1AB") is None
    assert area_for_postcode(a, "WX2 1AB") is None
    assert area_for_postcode(a, "AC9 9ZZ") is None
    with pytest.raises(AccordError, match="'AC1 1' is not a full UK postcode"):
        area_for_postcode(a, "AC1 1")


@pytest.mark.django_db
def test_a_postcode_is_held_once_per_council() -> None:
    a, b = f.CouncilFactory(slug="a"), f.CouncilFactory(slug="b")
    AreaPostcode.objects.create(council=a, area=f.AreaFactory(council=a), postcode="AC1 1AB")
    AreaPostcode.objects.create(council=b, area=f.AreaFactory(council=b), postcode="AC1 1AB")
    with pytest.raises(IntegrityError), transaction.atomic():
        AreaPostcode.objects.create(council=a, area=f.AreaFactory(council=a), postcode="AC1 1AB")


@pytest.fixture
def councils(db: None) -> tuple[Council, Council]:
    return f.CouncilFactory(slug="a", name="Council A"), f.CouncilFactory(
        slug="b", name="Council B"
    )


@pytest.fixture
def client_a(client: Client, councils: tuple[Council, Council]) -> Client:
    user = f.UserFactory(
        username="dem-a", council=councils[0], is_democratic_services=True, is_staff=True
    )
    user.user_permissions.set(Permission.objects.filter(content_type__app_label="councils"))
    client.force_login(user)
    return client


def test_admin_lists_and_finds_only_own_councils_postcodes(
    client_a: Client, councils: tuple[Council, Council]
) -> None:
    a, b = councils
    own = AreaPostcode.objects.create(
        council=a, area=f.AreaFactory(council=a, name="Abbey"), postcode="AC1 1AB"
    )
    other = AreaPostcode.objects.create(
        council=b, area=f.AreaFactory(council=b, name="Elsewhere"), postcode="WX1 1AB"
    )
    listing = client_a.get(reverse("admin:councils_areapostcode_changelist"))
    assert listing.status_code == 200
    assert "AC1 1AB" in listing.text and "WX1 1AB" not in listing.text
    found = client_a.get(reverse("admin:councils_areapostcode_changelist"), {"q": "ac11ab"})
    assert "AC1 1AB" in found.text
    url = reverse("admin:councils_areapostcode_change", args=[own.pk])
    assert client_a.get(url).status_code == 200
    other_url = reverse("admin:councils_areapostcode_change", args=[other.pk])
    assert client_a.get(other_url).status_code == 404


def test_admin_stores_the_postcode_normalised_in_own_council(
    client_a: Client, councils: tuple[Council, Council]
) -> None:
    a, b = councils
    abbey = f.AreaFactory(council=a, name="Abbey")
    add = reverse("admin:councils_areapostcode_add")
    response = client_a.post(add, {"council": b.pk, "area": abbey.pk, "postcode": " ac1  1ab"})
    assert response.status_code == 302, response.context["adminform"].form.errors
    saved = AreaPostcode.objects.get()
    assert (saved.postcode, saved.council, saved.area) == ("AC1 1AB", a, abbey)

    again = client_a.post(add, {"area": abbey.pk, "postcode": "AC11AB"})
    assert again.status_code == 200
    assert "already exists" in str(again.context["adminform"].form.errors["__all__"])
    malformed = client_a.post(add, {"area": abbey.pk, "postcode": "AC1 1"})
    errors = malformed.context["adminform"].form.errors["postcode"]
    assert errors == ["'AC1 1' is not a full UK postcode: enter it like SW1A 2AA"]
    assert AreaPostcode.objects.count() == 1


def test_admin_refuses_another_councils_area(
    client_a: Client, councils: tuple[Council, Council]
) -> None:
    b = councils[1]
    response = client_a.post(
        reverse("admin:councils_areapostcode_add"),
        {"area": f.AreaFactory(council=b, name="Elsewhere").pk, "postcode": "AC1 1AB"},
    )
    assert response.status_code == 200
    assert "area" in response.context["adminform"].form.errors
    assert not AreaPostcode.objects.exists()

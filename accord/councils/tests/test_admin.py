"""The admin confines democratic services to their own council's records."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

from accord.accounts.models import User
from accord.councils.models import Council, Member, Officer

from . import factories

f: Any = factories  # factory calls return model instances

pytestmark = pytest.mark.django_db


@pytest.fixture
def councils() -> tuple[Council, Council]:
    return f.CouncilFactory(slug="a", name="Council A"), f.CouncilFactory(
        slug="b", name="Council B"
    )


def _dem_services(council: Council) -> User:
    user = f.UserFactory(
        username=f"dem-{council.slug}", council=council, is_democratic_services=True, is_staff=True
    )
    user.user_permissions.set(Permission.objects.filter(content_type__app_label="councils"))
    return user


@pytest.fixture
def client_a(client: Client, councils: tuple[Council, Council]) -> Client:
    client.force_login(_dem_services(councils[0]))
    return client


def test_member_list_shows_only_own_council(
    client_a: Client, councils: tuple[Council, Council]
) -> None:
    a, b = councils
    f.MemberFactory(council=a, name="Ada Alpha")
    f.MemberFactory(council=b, name="Bea Beta")
    page = client_a.get(reverse("admin:councils_member_changelist"))
    assert page.status_code == 200
    assert "Ada Alpha" in page.text
    assert "Bea Beta" not in page.text


def test_other_councils_member_is_not_found(
    client_a: Client, councils: tuple[Council, Council]
) -> None:
    other = f.MemberFactory(council=councils[1])
    own = f.MemberFactory(council=councils[0])
    assert client_a.get(reverse("admin:councils_member_change", args=[own.pk])).status_code == 200
    assert client_a.get(reverse("admin:councils_member_change", args=[other.pk])).status_code == 404
    assert client_a.get(reverse("admin:councils_member_delete", args=[other.pk])).status_code == 404


def test_choices_exclude_other_councils_rows(
    client_a: Client, councils: tuple[Council, Council]
) -> None:
    a, b = councils
    f.PoliticalGroupFactory(council=a, name="Alpha Group")
    f.PoliticalGroupFactory(council=b, name="Beta Group")
    f.AreaFactory(council=a, name="Alpha Ward")
    f.AreaFactory(council=b, name="Beta Ward")
    page = client_a.get(reverse("admin:councils_member_add"))
    form = page.context["adminform"].form
    assert {g.name for g in form.fields["group"].queryset} == {"Alpha Group"}
    assert {w.name for w in form.fields["areas"].queryset} == {"Alpha Ward"}
    assert "Beta Ward" not in page.text


def test_adding_a_member_sets_own_council_even_if_another_is_posted(
    client_a: Client, councils: tuple[Council, Council]
) -> None:
    a, b = councils
    ward = f.AreaFactory(council=a)
    response = client_a.post(
        reverse("admin:councils_member_add"),
        {
            "name": "Newly Elected",
            "council": b.pk,
            "areas": [ward.pk],
            "is_active": "on",
            "offices-TOTAL_FORMS": "0",
            "offices-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Member.objects.get(name="Newly Elected").council == a


def test_posting_another_councils_group_is_refused(
    client_a: Client, councils: tuple[Council, Council]
) -> None:
    a, b = councils
    member = f.MemberFactory(council=a, name="Ada Alpha")
    response = client_a.post(
        reverse("admin:councils_member_change", args=[member.pk]),
        {
            "name": "Ada Alpha",
            "group": f.PoliticalGroupFactory(council=b).pk,
            "is_active": "on",
            "offices-TOTAL_FORMS": "0",
            "offices-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    assert "group" in response.context["adminform"].form.errors
    member.refresh_from_db()
    assert member.group is not None and member.group.council == a


def test_superuser_cannot_give_an_officer_a_line_manager_of_another_council(
    client: Client, councils: tuple[Council, Council]
) -> None:
    a, b = councils
    client.force_login(f.UserFactory(username="root", is_superuser=True, is_staff=True))
    officer = f.OfficerFactory(council=a)
    response = client.post(
        reverse("admin:councils_officer_change", args=[officer.pk]),
        {
            "council": a.pk,
            "name": officer.name,
            "job_title": "Officer",
            "grade": Officer.Grade.OFFICER,
            "line_manager": f.OfficerFactory(council=b).pk,
            "is_active": "on",
        },
    )
    assert response.status_code == 200
    assert "another council" in str(response.context["adminform"].form.errors["line_manager"])


def test_democratic_services_cannot_add_or_delete_councils(
    client_a: Client, councils: tuple[Council, Council]
) -> None:
    a, b = councils
    assert client_a.get(reverse("admin:councils_council_add")).status_code == 403
    assert client_a.get(reverse("admin:councils_council_delete", args=[a.pk])).status_code == 403
    assert client_a.get(reverse("admin:councils_council_change", args=[b.pk])).status_code == 404
    listing = client_a.get(reverse("admin:councils_council_changelist"))
    assert "Council A" in listing.text and "Council B" not in listing.text


def test_superuser_sees_every_council(client: Client, councils: tuple[Council, Council]) -> None:
    client.force_login(f.UserFactory(username="root", is_superuser=True, is_staff=True))
    f.MemberFactory(council=councils[0], name="Ada Alpha")
    f.MemberFactory(council=councils[1], name="Bea Beta")
    page = client.get(reverse("admin:councils_member_changelist"))
    assert "Ada Alpha" in page.text and "Bea Beta" in page.text


def test_staff_who_are_not_democratic_services_see_nothing(
    client: Client, councils: tuple[Council, Council]
) -> None:
    user = _dem_services(councils[0])
    user.is_democratic_services = False
    user.save()
    client.force_login(user)
    assert client.get(reverse("admin:councils_member_changelist")).status_code == 403

"""Fetch-and-authorise: an actor per role, predicates that combine, and 404 for another council."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from accord.core.access import (
    actor_for,
    council_for,
    council_list_for,
    is_chief_officer,
    is_democratic_services,
    is_member,
    is_monitoring_officer,
    is_officer,
    is_platform_admin,
    require,
)
from accord.councils.tests import factories as f
from conftest import Roles


def test_actor_per_role(roles: Roles) -> None:
    member = actor_for(roles.user("member"))
    assert is_member(member) and not is_officer(member)
    assert member.council_id == roles.council.pk
    chief = actor_for(roles.user("chief_officer"))
    assert is_chief_officer(chief) and chief.statutory_roles == {"head-of-paid-service"}
    monitoring = actor_for(roles.user("monitoring_officer"))
    assert is_monitoring_officer(monitoring) and not is_chief_officer(monitoring)
    assert is_democratic_services(actor_for(roles.user("democratic_services")))
    assert not is_democratic_services(actor_for(roles.user("officer")))


def test_anonymous_and_inactive_users_are_the_anonymous_actor(roles: Roles) -> None:
    assert not actor_for(AnonymousUser()).is_authenticated
    user = roles.user("member")
    assert user is not None
    user.is_active = False
    assert not actor_for(user).is_authenticated


def test_predicates_combine(roles: Roles) -> None:
    rule = is_monitoring_officer | is_platform_admin
    assert rule(actor_for(roles.user("monitoring_officer")))
    assert not rule(actor_for(roles.user("officer")))
    both = is_officer & ~is_chief_officer
    assert both(actor_for(roles.user("officer")))
    assert not both(actor_for(roles.user("chief_officer")))
    with pytest.raises(Http404):
        require(actor_for(roles.user("member")), is_officer)


def test_council_for_is_404_for_another_council(roles: Roles) -> None:
    assert council_for(actor_for(roles.user("member")), "testshire") == roles.council
    with pytest.raises(Http404):
        council_for(actor_for(roles.user("other_council")), "testshire")
    with pytest.raises(Http404):
        council_for(actor_for(roles.user("member")), "no-such-council")
    with pytest.raises(Http404):
        council_for(actor_for(None), "testshire")


def test_platform_admin_sees_every_council(roles: Roles) -> None:
    admin = actor_for(f.UserFactory(username="root", is_superuser=True))
    assert council_for(admin, "otherton") == roles.other_council
    assert {c.slug for c in council_list_for(admin)} == {"testshire", "otherton"}
    assert council_list_for(actor_for(roles.user("member"))) == [roles.council]

"""Each request's user comes with the Member or officer they are, in one query."""

from __future__ import annotations

from typing import Any

import pytest

from accord.accounts.backends import AccordBackend
from accord.councils.tests.factories import MemberFactory, OfficerFactory, UserFactory


@pytest.mark.django_db
def test_a_members_user_comes_with_the_member_and_council(django_assert_num_queries: Any) -> None:
    member = MemberFactory.create()
    user = UserFactory.create(council=member.council, member=member)
    with django_assert_num_queries(1):
        found = AccordBackend().get_user(user.pk)
        assert found is not None
        assert found.member is not None
        assert found.member.council.slug == member.council.slug


@pytest.mark.django_db
def test_an_officers_user_comes_with_the_officer(django_assert_num_queries: Any) -> None:
    officer = OfficerFactory.create()
    user = UserFactory.create(council=officer.council, officer=officer)
    with django_assert_num_queries(1):
        found = AccordBackend().get_user(user.pk)
        assert found is not None and found.officer is not None
        assert found.officer.name == officer.name


@pytest.mark.django_db
def test_an_inactive_or_unknown_user_is_nobody() -> None:
    user = UserFactory.create(is_active=False)
    assert AccordBackend().get_user(user.pk) is None
    assert AccordBackend().get_user(user.pk + 1000) is None

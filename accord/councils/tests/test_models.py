import pytest
from django.db import IntegrityError

from accord.councils.tests import factories as f


@pytest.mark.django_db
def test_a_statutory_role_has_one_holder_per_council() -> None:
    role = f.StatutoryRoleFactory()
    with pytest.raises(IntegrityError):
        f.StatutoryRoleFactory(council=role.council, officer=f.OfficerFactory(council=role.council))


@pytest.mark.django_db
def test_a_user_cannot_be_both_member_and_officer() -> None:
    council = f.CouncilFactory()
    with pytest.raises(IntegrityError):
        f.UserFactory(
            council=council,
            member=f.MemberFactory(council=council),
            officer=f.OfficerFactory(council=council),
        )

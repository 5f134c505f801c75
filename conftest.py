"""Fixtures every test can use: one person per role at a council, and a user of another council."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from accord.accounts.models import User
from accord.councils.models import Council, Officer
from accord.councils.tests import factories as f

ROLE_NAMES = (
    "anonymous",
    "member",
    "officer",
    "chief_officer",
    "monitoring_officer",
    "democratic_services",
    "other_council",
)


@dataclass
class Roles:
    """One council with a signed-in user per role, and a Member of another council."""

    council: Council
    other_council: Council
    users: dict[str, User | None]

    def user(self, role: str) -> User | None:
        return self.users[role]


def make_roles() -> Roles:
    council = f.CouncilFactory(slug="testshire", name="Testshire District Council")
    other = f.CouncilFactory(
        slug="otherton", name="Otherton County Council", profile="norfolk", area_noun="division"
    )
    ward = f.AreaFactory(council=council, name="Abbey")
    member = f.MemberFactory(council=council, name="Alex Member", areas=[ward])
    service = f.ServiceFactory(council=council, name="Waste and Recycling")
    chief = f.OfficerFactory(
        council=council,
        name="Chris Chief",
        job_title="Chief Executive",
        service=service,
        grade=Officer.Grade.CHIEF_OFFICER,
    )
    f.StatutoryRoleFactory(
        officer=chief, council=council, role="head-of-paid-service", title="Head of Paid Service"
    )
    officer = f.OfficerFactory(
        council=council,
        name="Olu Officer",
        job_title="Waste Officer",
        service=service,
        line_manager=chief,
    )
    monitoring = f.OfficerFactory(
        council=council,
        name="Morgan Monitoring",
        job_title="Head of Legal",
        service=service,
        grade=Officer.Grade.HEAD_OF_SERVICE,
    )
    f.StatutoryRoleFactory(officer=monitoring, council=council)
    dem_services = f.OfficerFactory(
        council=council,
        name="Dana Democratic",
        job_title="Democratic Services Officer",
        service=service,
    )
    other_member = f.MemberFactory(
        council=other, name="Olive Other", areas=[f.AreaFactory(council=other)]
    )
    users: dict[str, User | None] = {
        "anonymous": None,
        "member": f.UserFactory(username="member", council=council, member=member),
        "officer": f.UserFactory(username="officer", council=council, officer=officer),
        "chief_officer": f.UserFactory(username="chief", council=council, officer=chief),
        "monitoring_officer": f.UserFactory(
            username="monitoring", council=council, officer=monitoring
        ),
        "democratic_services": f.UserFactory(
            username="demservices",
            council=council,
            officer=dem_services,
            is_democratic_services=True,
        ),
        "other_council": f.UserFactory(username="other", council=other, member=other_member),
    }
    return Roles(council=council, other_council=other, users=users)


@pytest.fixture
def roles(db: None) -> Roles:
    return make_roles()

"""A council with a waste service, its managers, officers and Members of every kind of group (D 2.5-2.7)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client

from accord.accounts.models import User
from accord.core import clock
from accord.core.access import Actor, actor_for
from accord.councils.models import Area, Council, Member, Officer, PoliticalGroup
from accord.councils.tests import factories as cf
from accord.enquiries.models import Category, Enquiry
from accord.enquiries.services import enquiry_submit
from accord.enquiries.tests.factories import CategoryFactory

LONDON = clock.LONDON


def at(y: int, m: int, d: int, hh: int = 10, mm: int = 0) -> dt.datetime:
    return dt.datetime(y, m, d, hh, mm, tzinfo=LONDON)


@dataclass
class Scene:
    council: Council
    ward: Area
    other_ward: Area
    member: Member
    other_member: Member
    neighbour: Member
    chief: Officer
    head: Officer
    officer: Officer
    colleague: Officer
    monitoring: Officer
    category: Category
    missed_bin: Category
    users: dict[str, User]

    def client(self, name: str) -> Client:
        """A web and API client signed in as one of the scene's people."""
        client = Client()
        client.force_login(self.users[name])
        return client

    def actor(self, name: str) -> Actor:
        user = User.objects.get(pk=self.users[name].pk)
        return actor_for(user)

    def submit(self, *, who: str = "member", member: Member | None = None, **kw: Any) -> Enquiry:
        args: dict[str, Any] = {
            "member": member or self.member,
            "subject": "Broken bench on the green",
            "details": "A resident reports the bench by the pond is broken.",
            "category": self.category,
            "area": self.ward,
            "capacity": Enquiry.Capacity.WARD_CASEWORK,
        }
        args.update(kw)
        return enquiry_submit(actor=self.actor(who), **args)


def make_scene(profile: str = "district") -> Scene:
    council = cf.CouncilFactory(
        slug=f"{profile}-shire", name=f"{profile.title()} Council", profile=profile
    )
    ward = cf.AreaFactory(council=council, name="Abbey")
    other_ward = cf.AreaFactory(council=council, name="Brook")
    admin = cf.PoliticalGroupFactory(
        council=council, name="Admin", status=PoliticalGroup.Status.ADMINISTRATION
    )
    member = cf.MemberFactory(council=council, name="Ada Member", group=admin, areas=[ward])
    other_member = cf.MemberFactory(council=council, name="Ben Member", group=None, areas=[ward])
    neighbour = cf.MemberFactory(council=council, name="Cal Neighbour", areas=[other_ward])
    service = cf.ServiceFactory(council=council, name="Parks")
    chief = cf.OfficerFactory(
        council=council, name="Chris Chief", service=service, grade=Officer.Grade.CHIEF_OFFICER
    )
    head = cf.OfficerFactory(
        council=council,
        name="Hana Head",
        service=service,
        grade=Officer.Grade.HEAD_OF_SERVICE,
        line_manager=chief,
    )
    service.head = head
    service.save()
    officer = cf.OfficerFactory(
        council=council, name="Olu Officer", service=service, line_manager=head
    )
    colleague = cf.OfficerFactory(
        council=council, name="Cleo Colleague", service=service, line_manager=head
    )
    monitoring = cf.OfficerFactory(
        council=council, name="Morgan Monitoring", grade=Officer.Grade.HEAD_OF_SERVICE
    )
    cf.StatutoryRoleFactory(officer=monitoring, council=council)
    cf.StatutoryRoleFactory(
        officer=chief, council=council, role="head-of-paid-service", title="Head of Paid Service"
    )
    category = CategoryFactory(council=council, name="Parks and open spaces", service=service)
    missed_bin = CategoryFactory(council=council, name="Missed bin collection", service=service)
    slug = council.slug
    users = {
        "member": cf.UserFactory(username=f"{slug}-ada", council=council, member=member),
        "other_member": cf.UserFactory(
            username=f"{slug}-ben", council=council, member=other_member
        ),
        "neighbour": cf.UserFactory(username=f"{slug}-cal", council=council, member=neighbour),
        "chief": cf.UserFactory(username=f"{slug}-chief", council=council, officer=chief),
        "head": cf.UserFactory(username=f"{slug}-head", council=council, officer=head),
        "officer": cf.UserFactory(username=f"{slug}-olu", council=council, officer=officer),
        "colleague": cf.UserFactory(username=f"{slug}-cleo", council=council, officer=colleague),
        "monitoring": cf.UserFactory(username=f"{slug}-mo", council=council, officer=monitoring),
        "dem": cf.UserFactory(username=f"{slug}-dem", council=council, is_democratic_services=True),
    }
    return Scene(
        council,
        ward,
        other_ward,
        member,
        other_member,
        neighbour,
        chief,
        head,
        officer,
        colleague,
        monitoring,
        category,
        missed_bin,
        users,
    )


@pytest.fixture
def scene(db: None) -> Scene:
    with clock.frozen(at(2026, 3, 2)):  # a Monday
        return make_scene()


@pytest.fixture
def monday() -> Any:
    with clock.frozen(at(2026, 3, 2)) as now:
        yield now

"""Factories for local matters' tests: a council of either profile with wards or divisions, Members, a
service and its officers; matters are made through the service, as the app makes them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.test import Client

from accord.accounts.models import User
from accord.core import clock
from accord.core.access import Actor, actor_for
from accord.councils.models import Area, AreaPostcode, Council, Member, Officer, Service
from accord.councils.tests import factories as cf
from accord.matters.models import Matter
from accord.matters.services import matter_record

LONDON = clock.LONDON


def at(y: int, m: int, d: int, hh: int = 10, mm: int = 0) -> dt.datetime:
    return dt.datetime(y, m, d, hh, mm, tzinfo=LONDON)


@dataclass
class Scene:
    council: Council
    north: Area
    south: Area
    east: Area
    ann: Member  # North
    bob: Member  # North, no e-mail address
    cat: Member  # South
    dan: Member  # East
    service: Service
    head: Officer
    officer: Officer
    users: dict[str, User]

    def actor(self, name: str) -> Actor:
        return actor_for(User.objects.get(pk=self.users[name].pk))

    def client(self, name: str) -> Client:
        client = Client()
        client.force_login(self.users[name])
        return client

    def record(self, **kw: Any) -> Matter:
        args: dict[str, Any] = {
            "actor": self.actor("officer"),
            "council": self.council,
            "title": "Parking review on the High Street",
            "summary": "Early thoughts on resident parking zones.",
            "kind": "policy",
            "service": self.service,
            "responsible_officer": self.officer,
            "starts_on": clock.today() + dt.timedelta(days=30),
            "areas": [self.north],
        }
        args.update(kw)
        return matter_record(**args)


def make_scene(profile: str = "district", slug: str = "") -> Scene:
    noun = "ward" if profile == "district" else "division"
    council = cf.CouncilFactory(
        slug=slug or f"{profile}-matters",
        name=f"{profile.title()} Matters Council",
        profile=profile,
        area_noun=noun,
    )
    north = cf.AreaFactory(council=council, name="North")
    south = cf.AreaFactory(council=council, name="South")
    east = cf.AreaFactory(council=council, name="East")
    AreaPostcode.objects.create(council=council, area=south, postcode="AC1 2AB")
    ann = cf.MemberFactory(council=council, name="Ann Able", areas=[north])
    bob = cf.MemberFactory(council=council, name="Bob Brown", email="", areas=[north])
    cat = cf.MemberFactory(council=council, name="Cat Cole", areas=[south])
    dan = cf.MemberFactory(council=council, name="Dan Dale", areas=[east])
    service = cf.ServiceFactory(council=council, name="Highways")
    head = cf.OfficerFactory(
        council=council,
        name="Hana Head",
        job_title="Head of Highways",
        service=service,
        grade=Officer.Grade.HEAD_OF_SERVICE,
        email="hana@example.org",
    )
    service.head = head
    service.save()
    officer = cf.OfficerFactory(
        council=council, name="Olu Officer", job_title="Engineer", service=service
    )
    other_officer = cf.OfficerFactory(council=council, name="Pat Planner", job_title="Planner")
    users = {
        "ann": cf.UserFactory(username=f"ann-{profile}", council=council, member=ann),
        "cat": cf.UserFactory(username=f"cat-{profile}", council=council, member=cat),
        "dan": cf.UserFactory(username=f"dan-{profile}", council=council, member=dan),
        "head": cf.UserFactory(username=f"head-{profile}", council=council, officer=head),
        "officer": cf.UserFactory(username=f"officer-{profile}", council=council, officer=officer),
        "planner": cf.UserFactory(
            username=f"planner-{profile}", council=council, officer=other_officer
        ),
        "dem": cf.UserFactory(
            username=f"dem-{profile}",
            council=council,
            officer=cf.OfficerFactory(
                council=council, name="Dee Dem", job_title="Democratic Services"
            ),
            is_democratic_services=True,
        ),
    }
    return Scene(council, north, south, east, ann, bob, cat, dan, service, head, officer, users)

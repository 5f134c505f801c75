"""A council with two political groups, each with a Group Leader and a Member, and its officers: the
scene every groups test starts from (`make_scene`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.test import Client

from accord.accounts.models import User
from accord.core import clock
from accord.core.access import Actor, actor_for
from accord.councils.models import Council, Member, Office, Officer, PoliticalGroup
from accord.councils.tests import factories as cf
from accord.groups.models import GroupMeeting
from accord.groups.services import meetings as ms


@dataclass
class Scene:
    council: Council
    red: PoliticalGroup
    blue: PoliticalGroup
    people: dict[str, Any]
    users: dict[str, User] = field(default_factory=dict)

    def actor(self, name: str) -> Actor:
        return actor_for(User.objects.get(pk=self.users[name].pk))

    def client(self, name: str) -> Client:
        client = Client()
        client.force_login(self.users[name])
        return client

    def request(
        self, who: str = "red_leader", subject: str = "Local Plan housing sites", **kw: Any
    ) -> GroupMeeting:
        """A request by `who`'s group for the chief officer (district: through the chief)."""
        person = self.people[who]
        return ms.meeting_request(
            actor=self.actor(who),
            group=person.group,
            meeting_date=kw.pop("meeting_date", clock.today() + dt.timedelta(days=7)),
            place=kw.pop("place", "Committee Room 2"),
            subject=subject,
            officer=kw.pop("officer", self.people["chief"]),
            chief_officer=kw.pop("chief_officer", None),
        )


def make_scene(profile: str = "district", slug: str = "groupton") -> Scene:
    council = cf.CouncilFactory(slug=slug, name=f"{slug.title()} Council", profile=profile)
    red = cf.PoliticalGroupFactory(council=council, name="Red Group")
    blue = cf.PoliticalGroupFactory(council=council, name="Blue Group")
    people: dict[str, Any] = {
        "red_leader": cf.MemberFactory(council=council, name="Rita Red", group=red),
        "red_member": cf.MemberFactory(council=council, name="Ron Red", group=red),
        "blue_leader": cf.MemberFactory(council=council, name="Bea Blue", group=blue),
        "blue_member": cf.MemberFactory(council=council, name="Bob Blue", group=blue),
        "independent": cf.MemberFactory(council=council, name="Ivy Independent", group=None),
        "chief": cf.OfficerFactory(
            council=council,
            name="Cara Chief",
            job_title="Director of Place",
            grade=Officer.Grade.CHIEF_OFFICER,
        ),
        "chief2": cf.OfficerFactory(
            council=council,
            name="Cal Chief",
            job_title="Director of Resources",
            grade=Officer.Grade.CHIEF_OFFICER,
        ),
        "officer": cf.OfficerFactory(
            council=council, name="Otto Officer", job_title="Planning Officer"
        ),
        "monitoring": cf.OfficerFactory(
            council=council,
            name="Mo Monitoring",
            job_title="Head of Legal",
            grade=Officer.Grade.HEAD_OF_SERVICE,
        ),
    }
    cf.StatutoryRoleFactory(officer=people["monitoring"], council=council)
    for leader in ("red_leader", "blue_leader"):
        Office.objects.create(member=people[leader], kind=Office.Kind.GROUP_LEADER)
    users = {}
    for name, person in people.items():
        kind = "member" if isinstance(person, Member) else "officer"
        users[name] = cf.UserFactory(username=f"{slug}-{name}", council=council, **{kind: person})
    return Scene(council=council, red=red, blue=blue, people=people, users=users)

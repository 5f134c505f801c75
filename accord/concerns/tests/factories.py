"""A council with the posts the concern procedures name (D 11, N 3): its Chief Executive, a Chief Officer,
a Head of Service, a Service Manager, an officer, the Monitoring Officer, Members of a group with its
Group Leader, and the Chair of the Audit and Standards Committee; each person signed in as a user."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.test import Client

from accord.accounts.models import User
from accord.concerns import services
from accord.concerns.models import Concern
from accord.core.access import Actor, actor_for
from accord.councils.models import Committee, Council, Member, Office, Officer
from accord.councils.tests import factories as cf

CHIEF = Officer.Grade.CHIEF_OFFICER


@dataclass
class Scene:
    council: Council
    people: dict[str, Member | Officer]
    users: dict[str, User]

    def __getitem__(self, name: str) -> Any:
        return self.people[name]

    def actor(self, name: str) -> Actor:
        return actor_for(User.objects.get(pk=self.users[name].pk))

    def client(self, name: str) -> Client:
        client = Client()
        client.force_login(self.users[name])
        return client

    def raise_(self, who: str, about: str, **kw: Any) -> Concern:
        person = self.people[about]
        return services.concern_raise(
            actor=self.actor(who),
            summary=kw.pop("summary", "Raised voice at the meeting"),
            details=kw.pop("details", "At the planning meeting on Tuesday voices were raised."),
            about_member=person if isinstance(person, Member) else None,
            about_officer=person if isinstance(person, Officer) else None,
            **kw,
        )


def make_scene(slug: str = "concernshire", profile: str = "district") -> Scene:
    council = cf.CouncilFactory(
        slug=slug,
        name=f"{slug.title()} Council",
        profile=profile,
        area_noun="ward" if profile == "district" else "division",
    )
    corporate = cf.ServiceFactory(council=council, name="Corporate")
    waste = cf.ServiceFactory(council=council, name="Waste")
    legal = cf.ServiceFactory(council=council, name="Legal")

    def officer(name: str, title: str, grade: str, service: Any, manager: Any = None) -> Officer:
        return Officer.objects.create(
            council=council,
            name=name,
            job_title=title,
            grade=grade,
            service=service,
            line_manager=manager,
            email=f"{name.split()[0].lower()}@{slug}.example.org",
        )

    ceo = officer("Cass Chief-Executive", "Chief Executive", CHIEF, corporate)
    cf.StatutoryRoleFactory(
        council=council, officer=ceo, role="head-of-paid-service", title="Head of Paid Service"
    )
    director = officer("Dev Director", "Director of Place", CHIEF, corporate, ceo)
    head = officer(
        "Hana Head", "Head of Environment", Officer.Grade.HEAD_OF_SERVICE, waste, director
    )
    waste.head = head
    waste.save()
    manager = officer("Max Manager", "Waste Manager", Officer.Grade.SERVICE_MANAGER, waste, head)
    crew = officer("Olu Officer", "Waste Officer", Officer.Grade.OFFICER, waste, manager)
    monitoring = officer(
        "Mo Monitoring", "Head of Legal", Officer.Grade.HEAD_OF_SERVICE, legal, director
    )
    cf.StatutoryRoleFactory(council=council, officer=monitoring)
    group = cf.PoliticalGroupFactory(council=council, name="Riverside Group")
    member = cf.MemberFactory(council=council, name="Alex Member", group=group)
    leader = cf.MemberFactory(council=council, name="Lee Leader", group=group)
    Office.objects.create(member=leader, kind=Office.Kind.GROUP_LEADER)
    other = cf.MemberFactory(council=council, name="Bo Other")
    chair = cf.MemberFactory(council=council, name="Cher Chair")
    audit = Committee.objects.create(council=council, name="Audit and Standards Committee")
    Office.objects.create(member=chair, kind=Office.Kind.CHAIR, committee=audit)
    people: dict[str, Member | Officer] = {
        "ceo": ceo,
        "director": director,
        "head": head,
        "manager": manager,
        "officer": crew,
        "monitoring": monitoring,
        "member": member,
        "leader": leader,
        "other": other,
        "chair": chair,
    }
    users = {}
    for name, person in people.items():
        key = "member" if isinstance(person, Member) else "officer"
        users[name] = cf.UserFactory(username=f"{slug}-{name}", council=council, **{key: person})
    return Scene(council=council, people=people, users=users)

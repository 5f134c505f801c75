"""Load the demo councils: once per council, and deterministic (a fixed seed).

Each demo council is loaded once, then marked (`DemoLoad`). Loading again (every `make run`) creates only the
demo councils not loaded before; a loaded council is never touched again, so a renamed ward stays renamed, a
deleted closure day, Member or sign-in stays deleted, and a deleted demo council is not brought back. A council
that already has a demo slug without a mark (made by hand, or by a load before marks existed) is marked and
left as it is. Within one load, natural keys and get_or_create keep the load itself free of duplicates.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

import holidays
from django.contrib.auth.models import Group, Permission
from django.db import transaction

from accord.accounts.models import User
from accord.core import clock
from accord.councils.models import (
    ClosureDay,
    Council,
    Member,
    Officer,
    Service,
    StatutoryRole,
)
from accord.demo.committees import demo_committees_load
from accord.demo.concerns import demo_concerns_load
from accord.demo.correspondence import demo_correspondence_load
from accord.demo.history import demo_history_load
from accord.demo.matters import demo_matters_load
from accord.demo.models import DemoLoad

from .boundaries import demo_boundaries_load
from .county import WESTSHIRE
from .groups import demo_groups_load_all
from .members import demo_members_load
from .names import FIRST_NAMES, SURNAMES
from .postcodes import demo_postcodes_load
from .specs import ASHCOMBE, CouncilSpec
from .visits import demo_visits_load

DEMO_COUNCILS = (ASHCOMBE, WESTSHIRE)

SEED = 20240501
DEMO_PASSWORD = "accord-demo"
DEMOCRATIC_SERVICES_GROUP = "Democratic services"
ADMIN_USERNAME = "admin"
ROLE_LABELS = {
    "member": "Member (administration)",
    "opposition": "Member (opposition)",
    "officer": "Officer",
    "chief": "Chief Officer",
    "monitoring": "Monitoring Officer",
    "demservices": "Democratic services",
}


@dataclass(frozen=True)
class DemoLogin:
    username: str
    role: str
    council: str
    person: str


class NameMaker:
    """Unique invented names, the same sequence on every run."""

    def __init__(self, seed: int):
        pairs = [(f, s) for f in FIRST_NAMES for s in SURNAMES]
        random.Random(seed).shuffle(pairs)
        self._pairs = iter(pairs)

    def __call__(self) -> str:
        first, last = next(self._pairs)
        return f"{first} {last}"


def email_for(name: str, domain: str) -> str:
    local = name.lower().replace("é", "e").replace(" ", ".")
    return f"{local}@{domain}"


def _council(spec: CouncilSpec) -> Council:
    council, _ = Council.objects.get_or_create(
        slug=spec.slug,
        defaults={
            "name": spec.name,
            "nation": "england",
            "profile": spec.profile,
            "area_noun": spec.area_noun,
        },
    )
    return council


def _closure_days(council: Council) -> None:
    """The offices' Christmas closure: the working days between Christmas and New Year."""
    year = clock.today().year
    bank_holidays = holidays.country_holidays("GB", subdiv="ENG", years=year)
    for day in range(27, 32):
        date = dt.date(year, 12, day)
        if date.weekday() < 5 and date not in bank_holidays:
            ClosureDay.objects.get_or_create(
                council=council, date=date, defaults={"reason": "Christmas closure"}
            )


def _officers(spec: CouncilSpec, council: Council, names: NameMaker) -> dict[str, Officer]:
    services: dict[str, Service] = {}
    for directorate_name, service_names in spec.directorates.items():
        directorate, _ = Service.objects.get_or_create(
            council=council, name=directorate_name, defaults={"kind": Service.Kind.DIRECTORATE}
        )
        services[directorate_name] = directorate
        for name in service_names:
            services[name], _ = Service.objects.get_or_create(
                council=council, name=name, defaults={"directorate": directorate}
            )
    posts: dict[str, Officer] = {}
    for post in spec.officers:
        name = names()
        officer = Officer.objects.filter(council=council, job_title=post.title).first()
        if officer is None:
            officer = Officer.objects.create(
                council=council,
                name=name,
                email=email_for(name, spec.email_domain),
                job_title=post.title,
                grade=post.grade,
                service=services.get(post.service or ""),
                line_manager=posts.get(post.manager or ""),
            )
        posts[post.title] = officer
        for role, title in post.roles:
            StatutoryRole.objects.get_or_create(
                council=council, role=role, defaults={"title": title, "officer": officer}
            )
        for service_name in post.heads:
            Service.objects.filter(pk=services[service_name].pk, head__isnull=True).update(
                head=officer
            )
    return posts


def _democratic_services_group() -> Group:
    group, _ = Group.objects.get_or_create(name=DEMOCRATIC_SERVICES_GROUP)
    group.permissions.add(*Permission.objects.filter(content_type__app_label="councils"))
    return group


def _user(username: str, **fields: object) -> User:
    """Creates the user once with the demo password; an existing user is left as it is."""
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User(username=username, **fields)
        user.set_password(DEMO_PASSWORD)
        user.save()
    return user


def _logins(
    spec: CouncilSpec,
    council: Council,
    people: dict[str, Member],
    posts: dict[str, Officer],
    dem_group: Group,
) -> None:
    taken_members = set(User.objects.filter(member__isnull=False).values_list("member", flat=True))
    taken_officers = set(
        User.objects.filter(officer__isnull=False).values_list("officer", flat=True)
    )
    for role in ROLE_LABELS:
        username = f"{spec.slug}-{role}"
        if User.objects.filter(username=username).exists():
            continue
        person: dict[str, object]
        if role in people:
            member = people[role]
            if member.pk in taken_members:
                continue
            person = {"member": member, "email": member.email}
        else:
            officer = posts[spec.logins[role]]
            if officer.pk in taken_officers:
                continue
            person = {"officer": officer, "email": officer.email}
        user = _user(
            username,
            council=council,
            is_democratic_services=role == "demservices",
            is_staff=role == "demservices",
            **person,
        )
        if role == "demservices":
            user.groups.add(dem_group)


def _first_load(spec: CouncilSpec) -> bool:
    """Mark the demo council loaded; True only the first time, and only if no such council was there."""
    if DemoLoad.objects.filter(slug=spec.slug).exists():
        return False
    existed = Council.objects.filter(slug=spec.slug).exists()
    DemoLoad.objects.create(slug=spec.slug, loaded_at=clock.now(), created=not existed)
    return not existed


@transaction.atomic
def demo_load(*, seed: int = SEED) -> list[DemoLogin]:
    """Creates each demo council not loaded before, with its sign-ins and a year of history.

    Returns the sign-in table (every demo sign-in that exists). A council loaded before is left exactly as
    it is (see the module's docstring); the platform administrator is created with the first council.
    """
    names = NameMaker(seed)
    dem_group = _democratic_services_group()
    fresh = []
    for index, spec in enumerate(DEMO_COUNCILS):
        if not _first_load(spec):
            continue
        fresh.append(spec.slug)
        council = _council(spec)
        _closure_days(council)
        people = demo_members_load(
            spec=spec, council=council, names=names, rng=random.Random(seed + index)
        )
        demo_postcodes_load(spec=spec, council=council)
        demo_boundaries_load(spec=spec, council=council)
        posts = _officers(spec, council, names)
        _logins(spec, council, people, posts, dem_group)
    demo_history_load(slugs=fresh, seed=seed)
    demo_visits_load(slugs=fresh)
    demo_groups_load_all(slugs=fresh)
    demo_matters_load(slugs=fresh)
    demo_correspondence_load(slugs=fresh)
    demo_concerns_load(slugs=fresh)
    demo_committees_load(slugs=fresh, seed=seed)
    if fresh:
        _user(ADMIN_USERNAME, is_superuser=True, is_staff=True, email="admin@example.org")
    return demo_logins()


def demo_logins() -> list[DemoLogin]:
    """The demo sign-ins that exist, for the table `accord demo logins` prints."""
    rows = []
    for spec in DEMO_COUNCILS:
        for role, label in ROLE_LABELS.items():
            user = (
                User.objects.select_related("council", "member", "officer")
                .filter(username=f"{spec.slug}-{role}")
                .first()
            )
            if user is not None:
                person = user.member or user.officer
                rows.append(DemoLogin(user.username, label, spec.name, str(person or "")))
    if User.objects.filter(username=ADMIN_USERNAME, is_superuser=True).exists():
        rows.append(DemoLogin(ADMIN_USERNAME, "Platform administrator", "(all councils)", ""))
    return rows

"""A council with a committee, a Cabinet, their Chair, Leader and Cabinet Member, and enough Members to
propose an item (D 2.9), on top of the shared roles."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from django.test import Client

from accord.accounts.models import User
from accord.core import clock
from accord.core.access import Actor, actor_for
from accord.councils.models import Committee, Council, Member, Office
from accord.councils.tests import factories as cf
from conftest import Roles

from ..models import DecisionRecord, Meeting
from .factories import CommitteeFactory, DecisionFactory, MeetingFactory

# Agenda published Monday 16 March 2026: the last day a proposal counts is Monday 9 March (D 2.9).
PUBLICATION = dt.date(2026, 3, 16)
IN_TIME = dt.datetime(2026, 3, 9, 16, 0, tzinfo=clock.LONDON)
TOO_LATE = dt.datetime(2026, 3, 10, 9, 0, tzinfo=clock.LONDON)


@dataclass
class Scene:
    roles: Roles
    council: Council
    committee: Committee
    cabinet: Committee
    meeting: Meeting
    users: dict[str, User]
    members: dict[str, Member]

    def actor(self, name: str) -> Actor:
        user = self.users.get(name) or self.roles.user(name)
        return actor_for(user)

    def client(self, name: str) -> Client:
        client = Client()
        client.force_login(self.users.get(name) or self.roles.user(name))  # type: ignore[arg-type]
        return client

    def decision(self, **kwargs: object) -> DecisionRecord:
        officer = self.roles.user("officer").officer  # type: ignore[union-attr]
        kwargs.setdefault("maker_member", self.members["cabinet_member"])
        decision: DecisionRecord = DecisionFactory.create(advising_officer=officer, **kwargs)
        return decision


def make_scene(roles: Roles, *, profile: str = "district") -> Scene:
    council = roles.council
    if council.profile != profile:
        Council.objects.filter(pk=council.pk).update(profile=profile)
        council.refresh_from_db()
    committee = CommitteeFactory(council=council, name="Planning Committee")
    cabinet = CommitteeFactory(council=council, name="Cabinet", kind=Committee.Kind.CABINET)
    member = roles.user("member").member  # type: ignore[union-attr]
    names = {
        "chair": "Chloe Chair",
        "second": "Sam Second",
        "third": "Tara Third",
        "outsider": "Owen Outsider",
        "leader": "Lee Leader",
        "cabinet_member": "Cara Cabinet",
    }
    members = {"member": member}
    users: dict[str, User] = {}
    for key, name in names.items():
        members[key] = cf.MemberFactory(council=council, name=name)
        users[key] = cf.UserFactory.create(username=key, council=council, member=members[key])
    committee.members.add(member, members["chair"], members["second"], members["third"])
    cabinet.members.add(members["leader"], members["cabinet_member"])
    Office.objects.create(member=members["chair"], kind=Office.Kind.CHAIR, committee=committee)
    Office.objects.create(member=members["leader"], kind=Office.Kind.LEADER)
    Office.objects.create(
        member=members["cabinet_member"], kind=Office.Kind.CABINET_MEMBER, portfolio="Housing"
    )
    meeting = MeetingFactory(committee=committee, publication_date=PUBLICATION)
    return Scene(roles, council, committee, cabinet, meeting, users, members)


@pytest.fixture
def scene(roles: Roles) -> Scene:
    return make_scene(roles)


@pytest.fixture
def norfolk(roles: Roles) -> Scene:
    return make_scene(roles, profile="norfolk")

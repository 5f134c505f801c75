"""A Norfolk council for the visits tests: two divisions with postcodes, a visiting Member, the other
division's Member, a Cabinet Member, a committee and its Chair, an officer and democratic services."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

import pytest

from accord.core.access import Actor, actor_for
from accord.councils.models import AreaPostcode, Committee, Council, Office
from accord.councils.tests import factories as f
from accord.visits.models import Premises
from accord.visits.tests.factories import PremisesFactory


@dataclass
class Scene:
    council: Council
    users: dict[str, Any]
    home: Any
    away: Any
    committee: Any

    def actor(self, role: str) -> Actor:
        return actor_for(self.users[role])

    def premises(self, *, away: bool = False, **fields: Any) -> Premises:
        area = self.away if away else self.home
        fields.setdefault("postcode", "NR2 2BB" if away else "NR1 1AA")
        return cast(Premises, PremisesFactory(council=self.council, area=area, **fields))


def make_scene(slug: str = "norfolkish") -> Scene:
    council = f.CouncilFactory(
        slug=slug, name=f"{slug.title()} County Council", profile="norfolk", area_noun="division"
    )
    home = f.AreaFactory(council=council, name="Thorpe")
    away = f.AreaFactory(council=council, name="Wroxham")
    AreaPostcode.objects.create(council=council, area=home, postcode="NR1 1AA")
    AreaPostcode.objects.create(council=council, area=away, postcode="NR2 2BB")
    visitor = f.MemberFactory(council=council, name="Vic Visitor", areas=[home])
    local = f.MemberFactory(council=council, name="Lou Local", areas=[away])
    cabinet = f.MemberFactory(council=council, name="Cam Cabinet", areas=[home])
    Office.objects.create(member=cabinet, kind=Office.Kind.CABINET_MEMBER, portfolio="Adults")
    chair = f.MemberFactory(council=council, name="Cher Chair", areas=[home])
    committee = Committee.objects.create(council=council, name="People and Communities")
    Office.objects.create(member=chair, kind=Office.Kind.CHAIR, committee=committee)
    officer = f.OfficerFactory(council=council, name="Olga Officer")
    dem = f.OfficerFactory(council=council, name="Dee Services")
    users = {
        "visitor": f.UserFactory(username=f"{slug}-visitor", council=council, member=visitor),
        "local": f.UserFactory(username=f"{slug}-local", council=council, member=local),
        "cabinet": f.UserFactory(username=f"{slug}-cabinet", council=council, member=cabinet),
        "officer": f.UserFactory(username=f"{slug}-officer", council=council, officer=officer),
        "dem": f.UserFactory(
            username=f"{slug}-dem", council=council, officer=dem, is_democratic_services=True
        ),
    }
    return Scene(council, users, home, away, committee)


@pytest.fixture
def scene(db: None) -> Scene:
    return make_scene()

"""The demo councils' Members: areas, groups, committees and the offices of D 2.8 and N 14."""

from __future__ import annotations

import random
from collections.abc import Callable

from accord.councils.models import Area, Committee, Council, Member, Office, PoliticalGroup

from .specs import CommitteeSpec, CouncilSpec


def _office(
    member: Member, kind: str, *, committee: Committee | None = None, portfolio: str = ""
) -> None:
    Office.objects.get_or_create(member=member, kind=kind, committee=committee, portfolio=portfolio)


def _shares(size: int, groups: dict[PoliticalGroup, list[Member]]) -> dict[PoliticalGroup, int]:
    """Seats on a committee in proportion to each group's size, summing to `size`."""
    total = sum(len(m) for m in groups.values())
    shares = {g: max(1, round(size * len(m) / total)) for g, m in groups.items()}
    largest = max(groups, key=lambda g: len(groups[g]))
    shares[largest] += size - sum(shares.values())
    return shares


def _committee(
    spec: CommitteeSpec,
    council: Council,
    members: list[Member],
    cabinet: list[Member],
    by_group: dict[PoliticalGroup, list[Member]],
    rng: random.Random,
) -> tuple[Committee, list[Member]]:
    committee, _ = Committee.objects.get_or_create(
        council=council, name=spec.name, defaults={"kind": spec.kind}
    )
    if spec.kind == Committee.Kind.COUNCIL:
        chosen = members
    elif spec.kind == Committee.Kind.CABINET:
        chosen = cabinet
    else:
        backbench = {g: [m for m in ms if m not in cabinet] for g, ms in by_group.items()}
        chosen = []
        for group, seats in _shares(spec.size or 0, backbench).items():
            chosen += rng.sample(backbench[group], min(seats, len(backbench[group])))
    committee.members.add(*chosen)
    return committee, chosen


def demo_members_load(
    *, spec: CouncilSpec, council: Council, names: Callable[[], str], rng: random.Random
) -> dict[str, Member]:
    """Creates what is missing; returns the Members who get demo sign-ins, by role."""
    areas = [
        Area.objects.get_or_create(council=council, name=name)[0]
        for name, seats in spec.areas
        for _ in range(seats)
    ]
    group_of_seat = [g for g in spec.groups for _ in range(g.seats)]
    rng.shuffle(group_of_seat)
    groups = {
        g.name: PoliticalGroup.objects.get_or_create(
            council=council,
            name=g.name,
            defaults={"status": "administration" if g.administration else "opposition"},
        )[0]
        for g in spec.groups
    }
    members: list[Member] = []
    for number, (area, group_spec) in enumerate(zip(areas, group_of_seat, strict=True), start=1):
        name = names()
        member, created = Member.objects.get_or_create(
            council=council,
            external_id=f"demo-{number:03d}",
            defaults={
                "name": name,
                "email": f"cllr.{name.lower().replace('é', 'e').replace(' ', '.')}@{spec.email_domain}",
                "group": groups[group_spec.name],
            },
        )
        if created:
            member.areas.add(area)
        members.append(member)

    by_group: dict[PoliticalGroup, list[Member]] = {g: [] for g in groups.values()}
    for member, group_spec in zip(members, group_of_seat, strict=True):
        by_group[groups[group_spec.name]].append(member)
    administration = next(g for g in spec.groups if g.administration)
    ruling = by_group[groups[administration.name]]
    leader, cabinet_members = ruling[0], ruling[1 : 1 + len(spec.portfolios)]
    _office(leader, Office.Kind.LEADER)
    _office(leader, Office.Kind.GROUP_LEADER, portfolio=administration.name)
    for member, portfolio in zip(cabinet_members, spec.portfolios, strict=True):
        _office(member, Office.Kind.CABINET_MEMBER, portfolio=portfolio)
    backbench_ruling = ruling[1 + len(spec.portfolios) :]

    opposition = [g for g in groups.values() if g.status == "opposition"]
    opposition.sort(key=lambda g: -len(by_group[g]))
    for group in opposition:
        _office(by_group[group][0], Office.Kind.GROUP_LEADER, portfolio=group.name)
        for member, portfolio in zip(by_group[group][1:4], spec.portfolios, strict=False):
            _office(member, Office.Kind.GROUP_SPOKESPERSON, portfolio=portfolio)

    cabinet = [leader, *cabinet_members]
    for committee_spec in spec.committees:
        committee, chosen = _committee(committee_spec, council, members, cabinet, by_group, rng)
        if committee_spec.kind == Committee.Kind.COUNCIL:
            _office(backbench_ruling[0], Office.Kind.CHAIR_OF_COUNCIL, committee=committee)
            _office(backbench_ruling[1], Office.Kind.VICE_CHAIR, committee=committee)
            continue
        if committee_spec.kind == Committee.Kind.CABINET:
            continue
        ruling_seats = [m for m in ruling if m in chosen]
        if committee_spec.kind == Committee.Kind.SCRUTINY:
            chair = by_group[opposition[0]][0]
            committee.members.add(chair)
            _office(chair, Office.Kind.SCRUTINY_CHAIR, committee=committee)
        else:
            _office(ruling_seats[0], Office.Kind.CHAIR, committee=committee)
        _office(ruling_seats[-1], Office.Kind.VICE_CHAIR, committee=committee)
    return {"member": cabinet_members[0], "opposition": by_group[opposition[0]][-1]}

"""Key posts as modern.gov publishes them ("Leader of the Council; Cabinet Member for Planning") read as
the offices the protocols name (D 2.8, N 14): who may ask for a confidential briefing, who is a Cabinet
Member or a chair. A post Accord does not recognise is kept as text on the Member, never dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..models import Committee, Member, Office
from .names import name_display, name_key

_SPLIT = re.compile(r"[;\n\r|]+")
_CHAIR = r"chair(?:man|woman|person)?"
_VICE = r"vice[\s-]*" + _CHAIR
_OF = r"\s+(?:of|for)\s+(?:the\s+)?"
_RULES: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(rf"^(?:{_CHAIR}{_OF}(?:full\s+)?council|civic\s+mayor)$", re.I),
        "chair-of-council",
    ),
    (re.compile(r"^(?:leader\s+of\s+(?:the\s+)?council|council\s+leader)$", re.I), "leader"),
    (
        re.compile(
            r"^(?:cabinet|executive|portfolio)\s+(?:member|holder|lead)"
            r"(?:\s*(?:for|of|[-:\u2013,])\s*(?P<portfolio>.+))?$",
            re.I,
        ),
        "cabinet-member",
    ),
    (re.compile(r"^(?:group\s+leader|leader\s+of\s+(?:the\s+)?.+\s+group)$", re.I), "group-leader"),
    (
        re.compile(
            r"^(?:group\s+)?spokes(?:person|man|woman)(?:\s*(?:for|on|[-:\u2013,])\s*(?P<portfolio>.+))?$",
            re.I,
        ),
        "group-spokesperson",
    ),
    (
        re.compile(rf"^(?:{_VICE}{_OF}(?P<committee>.+)|(?P<before>.+?)\s+{_VICE})$", re.I),
        "vice-chair",
    ),
    (
        re.compile(
            rf"^(?:{_CHAIR}{_OF}(?P<committee>.*scrutiny.*)|(?P<before>.*scrutiny.*?)\s+{_CHAIR})$",
            re.I,
        ),
        "scrutiny-chair",
    ),
    (
        re.compile(rf"^(?:{_CHAIR}{_OF}(?P<committee>.+)|(?P<before>.+?)\s+{_CHAIR})$", re.I),
        "chair",
    ),
]
_NOT_A_COMMITTEE = re.compile(r"^(?:council|vice)$", re.I)


@dataclass(frozen=True)
class OfficeHeld:
    """An office read from a post: its Office.Kind value, the portfolio or brief, the committee's name."""

    kind: str
    portfolio: str = ""
    committee: str = ""

    @property
    def committee_kind(self) -> str:
        if "scrutiny" in self.committee.casefold():
            return Committee.Kind.SCRUTINY
        if "cabinet" in self.committee.casefold():
            return Committee.Kind.CABINET
        return Committee.Kind.COMMITTEE

    def label(self) -> str:
        text = Office.Kind(self.kind).label
        if self.committee:
            return f"{text}, {self.committee}"
        return f"{text} for {self.portfolio}" if self.portfolio else text


def posts_split(text: str) -> list[str]:
    """The posts in a `keyposts` value, each with whitespace and entities made plain, in order, once."""
    posts = (name_display(p) for p in _SPLIT.split(text))
    return list(dict.fromkeys(p for p in posts if p))


def post_office(post: str) -> OfficeHeld | None:
    """The office a post names, or None when Accord does not recognise it ("Leader of the Opposition")."""
    for pattern, kind in _RULES:
        match = pattern.match(post)
        if not match:
            continue
        groups = match.groupdict()
        committee = (groups.get("committee") or groups.get("before") or "").strip()
        if kind in ("chair", "vice-chair") and (not committee or _NOT_A_COMMITTEE.match(committee)):
            return None
        if committee.casefold() == "scrutiny":
            committee = ""
        return OfficeHeld(
            kind=kind, portfolio=(groups.get("portfolio") or "").strip(), committee=committee
        )
    return None


class OfficesKeeper:
    """Sets each Member's offices to the posts a file gives, finding or creating the named committees
    (reported in `committees_created`)."""

    def __init__(self, council_id: int):
        self.council_id = council_id
        self.committees = {
            name_key(c.name): c for c in Committee.objects.filter(council_id=council_id)
        }
        self.committees_created: list[str] = []

    def committee(self, office: OfficeHeld) -> Committee | None:
        if not office.committee:
            return None
        found = self.committees.get(name_key(office.committee))
        if found is None:
            found = Committee.objects.create(
                council_id=self.council_id, name=office.committee, kind=office.committee_kind
            )
            self.committees[name_key(office.committee)] = found
            self.committees_created.append(office.committee)
        return found

    def sync(self, member: Member, posts: list[str]) -> tuple[bool, list[str]]:
        """Makes `member`'s offices the recognised `posts` and their `other_posts` the rest, as text.
        Answers whether anything changed, and the posts kept as text."""
        wanted: dict[tuple[str, str, int | None], Office] = {}
        others: list[str] = []
        for post in posts:
            office = post_office(post)
            if office is None:
                others.append(post)
                continue
            committee = self.committee(office)
            key = (office.kind, office.portfolio.casefold(), committee.pk if committee else None)
            wanted.setdefault(
                key,
                Office(
                    member=member, kind=office.kind, portfolio=office.portfolio, committee=committee
                ),
            )
        held = {(o.kind, o.portfolio.casefold(), o.committee_id): o for o in member.offices.all()}
        gone = [o.pk for k, o in held.items() if k not in wanted]
        new = [o for k, o in wanted.items() if k not in held]
        Office.objects.filter(pk__in=gone).delete()
        Office.objects.bulk_create(new)
        text = "; ".join(others)
        changed = bool(gone or new) or member.other_posts != text
        if member.other_posts != text:
            member.other_posts = text
            member.save(update_fields=["other_posts"])
        return changed, others

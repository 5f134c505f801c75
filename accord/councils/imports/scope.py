"""One council's Members out of a feed that lists two.

Several councils share a modern.gov installation with a neighbour, and its `GetCouncillorsByWard` lists
both councils' Members. An import can keep this council's by the suffix its ward titles carry ("(BDC)",
", Worthing") or by the domain of its Members' e-mail addresses; without either, a feed that looks shared
is imported with a warning saying so.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .names import name_display, name_key
from .records import MemberRecord, MembersFile

_BRACKETED = re.compile(r"\(([^()]+)\)\s*$")
_COUNCIL_DOMAIN = re.compile(r"\.(?:gov\.uk|gov\.wales|llyw\.cymru|gov\.scot)$", re.IGNORECASE)
_MAILBOX_HOST = re.compile(r"^(?:www|members?|cllrs?|councillors?|democracy)\.", re.IGNORECASE)


@dataclass(frozen=True)
class Scope:
    """Which of a feed's Members are this council's: ward titles ending `ward_suffix`, e-mail addresses
    at `email_domain` (or a subdomain of it). Empty strings keep everyone."""

    ward_suffix: str = ""
    email_domain: str = ""

    def __bool__(self) -> bool:
        return bool(self.ward_suffix or self.email_domain)


def _domain(email: str) -> str:
    return email.rpartition("@")[2].casefold()


def _in_domain(email: str, domain: str) -> bool:
    host, wanted = _domain(email), domain.casefold().lstrip("@.")
    return host == wanted or host.endswith(f".{wanted}")


def _area_in_scope(area: str, suffix: str) -> str | None:
    """The area's name without the suffix, or None when it does not end with it."""
    shown, wanted = name_display(area), name_display(suffix)
    if not shown.casefold().endswith(wanted.casefold()):
        return None
    return shown[: len(shown) - len(wanted)].rstrip(" ,-\u2013") or None


def scope_apply(members: MembersFile, scope: Scope) -> None:
    """Keeps only `scope`'s Members in `members.records` (their areas without the suffix) and lists the
    others in `members.skipped`; a suffix or domain that matches no one is a problem (a mistyped option)."""
    if not scope:
        return
    kept: list[MemberRecord] = []
    for record in members.records:
        if scope.ward_suffix:
            areas = [a for a in (_area_in_scope(a, scope.ward_suffix) for a in record.areas) if a]
            if not areas:
                members.skipped.append(
                    f"{record.name}: not this council's ({'; '.join(record.areas)})."
                )
                continue
            record.areas = list(dict.fromkeys(areas))
        if scope.email_domain and not _in_domain(record.email, scope.email_domain):
            members.skipped.append(
                f"{record.name}: not this council's (e-mail '{record.email or 'none'}')."
            )
            continue
        kept.append(record)
    if members.records and not kept:
        given = " and ".join(
            f"{label} '{value}'"
            for label, value in (
                ("ward-title suffix", scope.ward_suffix),
                ("e-mail domain", scope.email_domain),
            )
            if value
        )
        members.problems.add(f"No Member in the file matches the {given}.")
    members.records = kept


def shared_feed_warnings(members: MembersFile) -> list[str]:
    """Why the feed looks like two councils' (each a sentence), or [] when it does not."""
    areas = {a for r in members.records for a in r.areas}
    warnings = []
    suffixes = Counter(m.group(1).strip() for a in areas if (m := _BRACKETED.search(a)))
    if len(suffixes) > 1:
        found = ", ".join(f"({s}) {n}" for s, n in sorted(suffixes.items()))
        warnings.append(
            f"The ward titles end in different suffixes ({found} wards): the feed may list two "
            "councils. Keep this council's with the ward-title suffix option."
        )
    settlements: dict[str, set[str]] = {}
    for area in areas:
        head, _, tail = area.rpartition(",")
        if head:
            settlements.setdefault(name_key(head), set()).add(tail.strip())
    twins = sorted(a for a in areas if len(settlements.get(name_key(a.rpartition(",")[0]), ())) > 1)
    if twins:
        warnings.append(
            f"Wards of the same name in different places ({'; '.join(twins)}): the feed may list two "
            "councils. Keep this council's with the ward-title suffix option."
        )
    domains = Counter(
        _MAILBOX_HOST.sub("", _domain(r.email))
        for r in members.records
        if r.email and _COUNCIL_DOMAIN.search(_domain(r.email))
    )
    if len(domains) > 1:
        found = ", ".join(f"{d} ({n})" for d, n in sorted(domains.items()))
        warnings.append(
            f"The Members' council e-mail addresses are at different domains ({found}): the feed "
            "may list two councils. Keep this council's with the e-mail domain option."
        )
    return warnings

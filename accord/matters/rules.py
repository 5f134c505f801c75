"""The protocol's questions about a local matter (D 5.2-5.4, N 20-24), answered from the council's profile.

The rule ids and params live in the profiles (`accord/protocol/profiles/*.yaml`, the `# matters` block).
"""

from __future__ import annotations

from dataclasses import dataclass

from accord.protocol import Citation, Profile

ACCOUNTABLE = "matter.accountable"  # D 5.2, N 20
INFORM = "matter.inform-local-members"  # D 5.3, N 20-21
IN_TIME = "matter.informed-in-time"  # D 5.2, N 20
PUBLIC_MEETING = "matter.public-meeting"  # D 5.4, N 23
CONSULTATION = "matter.consultation"  # D 5.4, N 24

KNOWN_KINDS = {
    "policy": "Policy in its formative stage",
    "operational": "Significant operational matter",
    "consultation": "Consultation",
    "public-meeting": "Public meeting",
}


def citations_of(profile: Profile, *rule_ids: str) -> list[Citation]:
    """The citations of every rule the profile has among `rule_ids`, in order, without repeats."""
    seen: set[str] = set()
    out: list[Citation] = []
    for rule_id in rule_ids:
        rule = profile.rules.get(rule_id)
        for citation in rule.citations if rule else ():
            if citation.label not in seen:
                seen.add(citation.label)
                out.append(citation)
    return out


def kind_rules(kind: str) -> tuple[str, ...]:
    """The rules under which Members are informed of a matter of this kind (D 5.3/5.4, N 20-24)."""
    if kind == "public-meeting":
        return (PUBLIC_MEETING, INFORM)
    if kind == "consultation":
        return (CONSULTATION, INFORM)
    return (INFORM,)


def kind_slug(label: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in label.lower()).split())[:60]


def matter_kinds(profile: Profile) -> list[tuple[str, str]]:
    """[(key, label)]: the four kinds Accord knows and the profile's `other_kinds` (D 5.3, N 20)."""
    rule = profile.rules.get(INFORM)
    others = list(rule.params.get("other_kinds", [])) if rule else []
    return [*KNOWN_KINDS.items(), *((kind_slug(label), label) for label in others)]


@dataclass(frozen=True)
class ConsultationMode:
    """How local Members are told of a consultation: `notified` (D 5.4) or `consulted` (N 24) with a
    reply-by in working days."""

    mode: str
    reply_working_days: int
    citations: tuple[Citation, ...]

    @property
    def consults(self) -> bool:
        return self.mode == "consulted"

    @property
    def verb(self) -> str:
        return "consulted" if self.consults else "notified"


def consultation_mode(profile: Profile) -> ConsultationMode:
    rule = profile.rules.get(CONSULTATION)
    if rule is None:
        return ConsultationMode("notified", 10, ())
    return ConsultationMode(
        str(rule.params.get("mode", "notified")),
        int(rule.params.get("reply_working_days", 10)),
        rule.citations,
    )


def in_time_working_days(profile: Profile) -> int:
    """The working days before a matter starts by which its Members must be informed (D 5.2, N 20)."""
    rule = profile.rules.get(IN_TIME)
    return int(rule.params.get("working_days", 5)) if rule else 5

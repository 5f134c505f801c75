"""The citations behind a set of a profile's rules."""

from __future__ import annotations

from accord.protocol.model import Citation, Profile


def rule_citations(profile: Profile, *rule_ids: str) -> list[Citation]:
    """The citations of every rule the profile has among `rule_ids`, in order, without repeats (a rule the
    profile does not have adds none)."""
    out: list[Citation] = []
    for rule_id in rule_ids:
        rule = profile.rules.get(rule_id)
        for citation in rule.citations if rule else ():
            if citation not in out:
                out.append(citation)
    return out

"""The protocol as data: paragraphs in the document's own words, rules that cite them, citations.

Every rule Accord enforces carries a `Citation` (profile, paragraph id, the paragraph's words) so that every
page, API answer or refusal it drives can show the source.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any, Literal

RuleKind = Literal["rule", "workflow"]
ParagraphKind = Literal["guidance", "definition"]

LABEL_RE = re.compile(r"^(?P<code>[A-Z]+)\s+(?P<id>\S+)$")
EXCERPT_LENGTH = 80


def split_label(label: str) -> tuple[str | None, str]:
    """'D 6.3' -> ('D', '6.3'); '6.3' -> (None, '6.3')."""
    match = LABEL_RE.match(label.strip())
    if match:
        return match.group("code"), match.group("id")
    return None, label.strip()


@dataclass(frozen=True)
class Citation:
    """A pointer to one paragraph of a profile, with the paragraph's words."""

    profile: str
    paragraph: str
    label: str
    text: str

    def excerpt(self, length: int = EXCERPT_LENGTH) -> str:
        words = " ".join(self.text.split())
        if len(words) <= length:
            return words
        cut = words[:length].rsplit(" ", 1)[0].rstrip(",;:")
        return f"{cut} ..."

    def __str__(self) -> str:
        return f'{self.label}: "{self.excerpt()}"'

    def to_dict(self) -> dict[str, str]:
        return {
            "label": self.label,
            "paragraph": self.paragraph,
            "text": self.text,
            "profile": self.profile,
        }


@dataclass(frozen=True)
class Paragraph:
    """One paragraph (or lettered/numbered sub-item) of the protocol, verbatim."""

    id: str
    label: str
    heading: str
    text: str
    parent: str | None = None
    kind: ParagraphKind | None = None
    subheading: str | None = None


@dataclass(frozen=True)
class Rule:
    """Something Accord enforces (`rule`) or a case type whose steps follow the text (`workflow`)."""

    id: str
    kind: RuleKind
    cites: tuple[str, ...]
    summary: str
    params: dict[str, Any] = field(hash=False, compare=False)
    citations: tuple[Citation, ...] = ()


@dataclass(frozen=True)
class RoleDef:
    """A post the protocol names (a statutory officer of D 2.11 / N 4, or a Chief Officer of D 1.4)."""

    key: str
    title: str
    citations: tuple[Citation, ...]


StatutoryRoleDef = RoleDef


@dataclass(frozen=True)
class Profile:
    """One council protocol: its paragraphs in document order and the rules that cite them."""

    key: str
    code: str
    title: str
    version: dt.date
    area_noun: str
    source: str
    paragraphs: tuple[Paragraph, ...]
    rules: dict[str, Rule] = field(hash=False, compare=False)
    statutory_roles: tuple[RoleDef, ...] = ()
    chief_officers: tuple[RoleDef, ...] = ()
    notes: tuple[str, ...] = ()
    path: str = ""

    def _index(self) -> dict[str, Paragraph]:
        cached: dict[str, Paragraph] | None = self.__dict__.get("_by_id")
        if cached is None:
            cached = {p.id: p for p in self.paragraphs}
            object.__setattr__(self, "_by_id", cached)
        return cached

    def paragraph_id(self, ref: str) -> str:
        """Normalise '6.3' or 'D 6.3' to '6.3'; a label of another profile is a KeyError."""
        code, pid = split_label(ref)
        if code is not None and code != self.code:
            raise KeyError(
                f"{ref!r} is a paragraph of the profile with code {code!r}, "
                f"not of {self.key!r} (code {self.code!r})"
            )
        if pid not in self._index():
            raise KeyError(f"paragraph {pid!r} is not in the {self.key!r} profile ({self.title})")
        return pid

    def has_paragraph(self, ref: str) -> bool:
        try:
            self.paragraph_id(ref)
        except KeyError:
            return False
        return True

    def paragraph(self, ref: str) -> Paragraph:
        return self._index()[self.paragraph_id(ref)]

    def label(self, paragraph_id: str) -> str:
        return f"{self.code} {paragraph_id}"

    def cite(self, ref: str) -> Citation:
        p = self.paragraph(ref)
        return Citation(profile=self.key, paragraph=p.id, label=p.label, text=p.text)

    def children(self, ref: str) -> list[Paragraph]:
        pid = self.paragraph_id(ref)
        return [p for p in self.paragraphs if p.parent == pid]

    def rule(self, rule_id: str) -> Rule:
        try:
            return self.rules[rule_id]
        except KeyError:
            known = ", ".join(sorted(self.rules)) or "none"
            raise KeyError(
                f"the {self.key!r} profile has no rule {rule_id!r} (its rules: {known})"
            ) from None

    def rules_citing(self, ref: str) -> list[Rule]:
        pid = self.paragraph_id(ref)
        return [r for r in self.rules.values() if pid in r.cites]

    def __str__(self) -> str:
        return f"{self.title} ({self.key}, version {self.version.isoformat()})"

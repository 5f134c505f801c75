"""One normaliser for the names every import reads: Members, wards and divisions, groups, committees.

Real feeds write the same name in many ways: entities encoded twice ("O&amp;#39;Riordan"), runs of
spaces ("Thatto  Heath"), civic titles ("Councillor", "Cllr", "The Mayor, Councillor ...") and personal
honorifics ("Mrs", "Dr"). `name_display` is what Accord shows and stores; `name_key` is what it matches
on, so the same person or ward found twice is one, never two.
"""

from __future__ import annotations

import html
import re

_SPACE = re.compile(r"\s+")
# Civic titles in front of a Member's name, repeated as often as they come: "The Right Worshipful the
# Mayor of Thatton, Councillor", "Deputy Mayor Cllr", "Lord Mayor, Cllr.". A bare "Mayor" is a civic
# prefix only with a qualifier before it ("The", "Deputy", "Lord"), or "of X,", a comma or "Cllr" after it: in
# "Councillor Mayor Smith" it is the Member's name.
_MAYOR = r"(?:mayor|mayoress)"
_CIVIC = re.compile(
    r"^(?:the\s+)?(?:right\s+)?(?:worshipful\s+)?(?:the\s+)?"
    rf"(?:(?:deputy|lord)\s+{_MAYOR}(?:\s+of\s+[^,]+,|\s*,)?"
    rf"|{_MAYOR}(?:\s+of\s+[^,]+,|\s*,|(?=\s+(?:councillor|cllr|clr)\b)))\s+"
    rf"|^the\s+{_MAYOR}\s+"
    r"|^(?:councillor|cllr\.?|clr\.?)\s+",
    re.IGNORECASE,
)
# The words that are titles, never a whole name: a line holding only "Cllr" or "Mrs" names nobody.
_TITLE_WORD = re.compile(
    r"(?:the|right|worshipful|deputy|lord|mayor|mayoress|councillor|cllr|clr|mr|mrs|ms|miss|mx|dr"
    r"|doctor|prof|professor|sir|dame|rev|revd|reverend)\.?,?",
    re.IGNORECASE,
)
_HONORIFIC = re.compile(
    r"^(?:mr|mrs|ms|miss|mx|dr|doctor|prof|professor|sir|dame|rev|revd|reverend)\.?\s+",
    re.IGNORECASE,
)
_POST_NOMINAL = re.compile(r"(?:,?\s+(?:obe|mbe|cbe|kbe|dbe|jp|dl|bem|frs))+\.?$", re.IGNORECASE)
MAX_DECODES = 5


def entities_decode(text: str) -> str:
    """`text` with HTML entities decoded until nothing changes ("&amp;amp;" and "&amp;#39;" are "&"
    and "'"), at most MAX_DECODES times."""
    for _ in range(MAX_DECODES):
        decoded = html.unescape(text)
        if decoded == text:
            break
        text = decoded
    return text


def title_only(text: str) -> bool:
    """True when `text` (a display name) is nothing but title words ("Cllr", "Mrs", "Cllr Dr")."""
    return all(_TITLE_WORD.fullmatch(word) for word in text.split())


def _strip(pattern: re.Pattern[str], text: str) -> str:
    """`text` with `pattern` removed from its start as often as it matches, while a name remains: a
    title is never stripped to leave only titles ("Cllr Mrs") or nothing."""
    while True:
        shorter = pattern.sub("", text, count=1)
        if shorter == text or not shorter.strip() or title_only(shorter):
            return text
        text = shorter


def name_display(text: str, *, person: bool = False) -> str:
    """The name as Accord stores and shows it: entities decoded, whitespace runs made one space, and for
    a person (`person=True`) the civic titles before the name dropped (the Member's title is Accord's
    "Cllr"). Personal honorifics ("Dr", "Mrs") are kept."""
    text = _SPACE.sub(" ", entities_decode(text)).strip()
    return _strip(_CIVIC, text) if person else text


def name_key(text: str, *, person: bool = False) -> str:
    """What two names must share to be the same: the display name without honorifics or post-nominals
    (for a person), ignoring case. "Councillor Dr Merryn  Fenwick OBE" and "merryn fenwick" share one."""
    text = name_display(text, person=person)
    if person:
        text = _POST_NOMINAL.sub("", _strip(_HONORIFIC, text))
    return text.casefold()

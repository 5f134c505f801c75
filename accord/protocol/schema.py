"""The shape of a profile file, checked on load; errors name the file, the key path and the problem."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints

PARAGRAPH_ID = r"^\d+(\.\d+)?(\([a-z0-9]+\))*$"
RULE_ID = r"^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$"
KEY = r"^[a-z][a-z0-9-]*$"


def _no_bare_number(value: Any) -> Any:
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise ValueError(
            f"write paragraph ids as quoted strings, e.g. '{value}' "
            "(a bare number such as 2.10 would be read as 2.1)"
        )
    return value


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
ParagraphRef = Annotated[str, BeforeValidator(_no_bare_number), StringConstraints(min_length=1)]
ParagraphId = Annotated[
    str, BeforeValidator(_no_bare_number), StringConstraints(pattern=PARAGRAPH_ID)
]
Key = Annotated[str, StringConstraints(pattern=KEY)]
RuleId = Annotated[str, StringConstraints(pattern=RULE_ID)]
ParamValue = int | float | str | bool | list[int | float | str]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ParagraphIn(_Strict):
    id: ParagraphId
    heading: Text
    subheading: Text | None = None
    text: Text
    parent: ParagraphRef | None = None
    kind: Literal["guidance", "definition"] | None = None


class RoleIn(_Strict):
    key: Key
    title: Text
    cites: list[ParagraphRef] = Field(min_length=1)


class RuleIn(_Strict):
    kind: Literal["rule", "workflow"]
    cites: list[ParagraphRef] = Field(min_length=1)
    summary: Text
    params: dict[str, ParamValue] = Field(default_factory=dict)


class ProfileIn(_Strict):
    key: Key
    code: Annotated[str, StringConstraints(pattern=r"^[A-Z]{1,3}$")]
    title: Text
    version: dt.date
    area_noun: Literal["ward", "division"]
    source: Text
    notes: list[Text] = Field(default_factory=list)
    statutory_roles: list[RoleIn] = Field(default_factory=list)
    chief_officers: list[RoleIn] = Field(default_factory=list)
    paragraphs: list[ParagraphIn] = Field(min_length=1)
    rules: dict[RuleId, RuleIn] = Field(default_factory=dict)


_FORMS = {
    PARAGRAPH_ID: "a paragraph id such as '6.3', '9', '19(e)' or '7.4(b)(v)'",
    RULE_ID: "a rule id such as 'enquiry.response-deadline' (lower case, dotted)",
    KEY: "a key such as 'monitoring-officer' (lower case letters, digits, hyphens)",
    r"^[A-Z]{1,3}$": "a code of one to three capital letters such as 'D'",
}


def render_loc(loc: tuple[int | str, ...]) -> str:
    """('rules', 'enquiry.response-deadline', 'cites', 0) -> 'rules.enquiry.response-deadline.cites[0]'."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out or "(top level)"


def render_error(error: Any) -> str:
    """One pydantic error as 'key.path: problem', in a council author's words."""
    loc = tuple(p for p in error["loc"] if not str(p).startswith(("function-", "constrained-")))
    kind = error["type"]
    if kind == "extra_forbidden":
        problem = "unknown key (check the spelling; see docs/writing-a-profile.md)"
    elif kind == "missing":
        problem = "required key is missing"
    elif kind == "string_pattern_mismatch":
        form = _FORMS.get(error["ctx"]["pattern"], error["ctx"]["pattern"])
        problem = f"{error['input']!r} is not {form}"
    elif kind == "too_short" and loc and loc[-1] == "cites":
        problem = "must cite at least one paragraph (nothing is enforced without its source)"
    else:
        message = str(error["msg"]).removeprefix("Value error, ")
        problem = f"{message} (got {_short(error.get('input'))})"
    return f"{render_loc(loc)}: {problem}"


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."

"""API input rules: the types every operation's input is built from, so a bad value is a 422 naming its field.

- Text repeats the model field's limit and refuses control characters: `Annotated[str, fits(Enquiry,
  "subject")]` (a `CharField` is one line; a `TextField` may hold line breaks and tabs), or
  `Annotated[str, Fits(max_length=20)]` for text that is not a model field.
- A body is an `Input`: a JSON object holding only the fields its schema names.
- A date is a `Day`: between 2000-01-01 and 2100-12-31 (`accord.core.dates`); a period that starts after
  it ends is a 422 naming its start (`period_check`).
- A date and time is a `Moment`: with its time zone, its date in the same range.
- A query parameter with a fixed set of values takes the model's choices as its type
  (`state: Enquiry.State | None`), so an unknown value is a 422, never a filter silently ignored.
- An id, in the path, the query or the body, is an `Id`: a positive database integer. An id in the body
  that names no object of the caller's council is a 422 for that field (`body_ref`), never a 404.
The OpenAPI document shows each limit (maxLength, pattern, minimum, maximum, formatMinimum), so a client
generated from it sends what the API takes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Annotated, Any, TypeVar

from django.db import models
from ninja import Path, Schema
from ninja.errors import ValidationError
from ninja.schema import DjangoGetter
from pydantic import (
    AfterValidator,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    model_validator,
)
from pydantic_core import PydanticCustomError, core_schema

from accord.core.dates import DATE_MAX, DATE_MIN, DATE_RANGE_WORDS, moment_problem
from accord.core.errors import AccordError
from accord.core.text import MULTI_LINE_PATTERN, ONE_LINE_PATTERN, field_max_length, text_problem
from accord.councils.models import Council

MAX_ID = 2**31 - 1  # the largest id an integer primary key holds in every database Accord runs on

Id = Annotated[int, Field(ge=1, le=MAX_ID)]
Day = Annotated[
    dt.date,
    Field(
        ge=DATE_MIN,
        le=DATE_MAX,
        description=f"A date {DATE_RANGE_WORDS}, like 2026-01-31.",
        json_schema_extra={
            "formatMinimum": DATE_MIN.isoformat(),
            "formatMaximum": DATE_MAX.isoformat(),
        },
    ),
]


def _moment_check(value: dt.datetime) -> dt.datetime:
    problem = moment_problem(value)
    if problem is not None:
        raise PydanticCustomError("moment", problem)
    return value


Moment = Annotated[
    dt.datetime,
    AfterValidator(_moment_check),
    Field(
        description=f"A date and time with its time zone, {DATE_RANGE_WORDS}, like 2026-03-02T09:30:00+00:00.",
        json_schema_extra={
            "formatMinimum": f"{DATE_MIN.isoformat()}T00:00:00Z",
            "formatMaximum": f"{DATE_MAX.isoformat()}T23:59:59Z",
        },
    ),
]
Slug = Annotated[
    str,
    Path(
        max_length=field_max_length(Council, "slug"),
        pattern="^[-a-zA-Z0-9_]+$",
        description="The council's slug.",
    ),
]

M = TypeVar("M", bound=models.Model)


class Input(Schema):
    """The base of every request body: a JSON object with only the fields the operation names.

    Ninja's `Schema` reads fields from any object, so a body of `[null, null]` would pass as "no fields
    given"; an input refuses it, and a misspelt field is refused rather than silently ignored."""

    model_config = ConfigDict(extra="forbid")

    @model_validator(mode="before")
    @classmethod
    def _an_object(cls, data: Any) -> Any:
        if not isinstance(data._obj if isinstance(data, DjangoGetter) else data, dict):
            raise PydanticCustomError("object", "the body must be a JSON object")
        return data


@dataclass(frozen=True)
class Fits:
    """Pydantic metadata for a text input: at most `max_length` characters, no control characters
    (line breaks and tabs allowed when `multiline`). Errors read "<field>: must be ... characters or fewer"."""

    max_length: int | None = None
    multiline: bool = False

    def check(self, value: str) -> str:
        problem = text_problem(value, max_length=self.max_length, multiline=self.multiline)
        if problem is not None:
            raise PydanticCustomError("text", problem)
        return value

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_after_validator_function(self.check, handler(source))

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> dict[str, Any]:
        json_schema = dict(handler(schema))
        json_schema["pattern"] = MULTI_LINE_PATTERN if self.multiline else ONE_LINE_PATTERN
        if self.max_length is not None:
            json_schema["maxLength"] = self.max_length
        return json_schema


def fits(model: type[models.Model], field: str) -> Fits:
    """The rule for text stored in `model.field`: its `max_length`; multi-line if it is a `TextField`."""
    return Fits(
        max_length=field_max_length(model, field),
        multiline=isinstance(model._meta.get_field(field), models.TextField),
    )


def input_error(
    where: str, field: str, message: str, citations: Sequence[Any] = ()
) -> ValidationError:
    """A 422 for one input (`where` is "body", "query" or "path"), in the same shape as a schema's own;
    `citations` are the paragraphs behind the refusal (a place outside every ward: D 5.3), shown with it."""
    error: dict[str, Any] = {"loc": (where, field), "msg": message}
    if citations:
        error["citations"] = list(citations)
    return ValidationError([error])


@contextmanager
def inputs_named() -> Iterator[None]:
    """A service's complaint about one input (a `field`, no paragraph behind it: a day in the past, a
    paragraph the protocol lacks) is a 422 naming that field; a rule's refusal stays a 400 with its
    paragraphs."""
    try:
        yield
    except AccordError as error:
        if error.field and not error.citations:
            raise input_error("body", error.field, error.message) from None
        raise


def period_check(
    start: dt.date | None, end: dt.date | None, *, start_field: str, end_field: str
) -> None:
    """A 422 naming `start_field` (a query parameter) when the period it opens starts after the day
    `end_field` closes it; either end may be open (None)."""
    if start is not None and end is not None and start > end:
        raise input_error(
            "query", start_field, f"{start.isoformat()} is after {end_field} {end.isoformat()}"
        )


def body_ref(queryset: models.QuerySet[M], pk: int | None, field: str) -> M:
    """The object `pk` names in `queryset` (already limited to the caller's council), or a 422 naming
    `field`: the request is wrong, the path is not, so it is never a 404 (another council's object reads
    the same as one that does not exist)."""
    obj = queryset.filter(pk=pk).first() if pk is not None else None
    if obj is None:
        noun = queryset.model._meta.verbose_name
        raise input_error("body", field, f"there is no {noun} {pk} at this council")
    return obj

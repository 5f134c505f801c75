"""Shapes of the API's answers. Every error is `{"detail": ..., "citations": [...]}`."""

from __future__ import annotations

import datetime as dt

from ninja import Schema


class CitationOut(Schema):
    label: str
    paragraph: str
    text: str
    profile: str


class ErrorOut(Schema):
    detail: str
    citations: list[CitationOut] = []


class FieldErrorOut(Schema):
    field: str
    message: str


class InvalidOut(ErrorOut):
    """A 422: `detail` in one sentence, and each field's problem (`body.subject`, `query.received_to`)."""

    errors: list[FieldErrorOut] = []


class CouncilOut(Schema):
    slug: str
    name: str
    nation: str
    profile: str
    area_noun: str


class PersonRef(Schema):
    id: int
    name: str


class AreaOut(Schema):
    id: int
    name: str
    code: str
    members: list[PersonRef]


class MemberOut(Schema):
    id: int
    name: str
    email: str
    group: str | None
    areas: list[str]
    offices: list[str]


class GroupOut(Schema):
    id: int
    name: str
    status: str


class CommitteeOut(Schema):
    id: int
    name: str
    kind: str
    members: list[PersonRef]


class ServiceOut(Schema):
    id: int
    name: str
    kind: str
    directorate: str | None
    head: PersonRef | None


class StatutoryRoleOut(Schema):
    role: str
    title: str


class OfficerOut(Schema):
    id: int
    name: str
    email: str
    job_title: str
    grade: str
    service: str | None
    line_manager: PersonRef | None
    statutory_roles: list[StatutoryRoleOut]


class ClosureDayOut(Schema):
    date: dt.date
    reason: str


class RuleOut(Schema):
    id: str
    kind: str
    summary: str


class ParagraphOut(Schema):
    id: str
    label: str
    heading: str
    text: str
    parent: str | None
    state: str
    rules: list[RuleOut]


class ProtocolOut(Schema):
    profile: str
    title: str
    version: dt.date
    paragraphs: list[ParagraphOut]


class SkippedDayOut(Schema):
    date: dt.date
    reason: str


class DueOut(Schema):
    day_zero: dt.date
    due: dt.date
    skipped: list[SkippedDayOut]
    working_days: int
    citations: list[CitationOut]

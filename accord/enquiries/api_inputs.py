"""The API's inputs for the actions on an enquiry, each under the API input rules (`accord.api.inputs`)."""

from __future__ import annotations

from typing import Annotated

from ninja import Field

from accord.api.inputs import Day, Fits, Id, Input, fits
from accord.enquiries.models import Enquiry, HoldingReply
from accord.enquiries.services.disputes import DOCUMENT_MAX

Lines = Annotated[str, Fits(multiline=True)]


class AssignIn(Input):
    officer_id: Id


class HoldingReplyIn(Input):
    reason: Annotated[str, fits(HoldingReply, "reason")]
    new_due_date: Annotated[
        Day,
        Field(
            description="The timescale proposed to the Member; it counts once they accept it (D 6.3)"
        ),
    ]


class AnswerIn(Input):
    answer: Annotated[str, fits(Enquiry, "answer")]


class ReasonIn(Input):
    reason: Lines


class NoteIn(Input):
    note: Lines = ""


class ReviewIn(Input):
    note: Lines


class ApproachIn(Input):
    approach: Lines


class QuestionIn(Input):
    question: Lines


class ReplyIn(Input):
    reply: Lines


class DocumentDeclinedIn(Input):
    document: Annotated[str, Fits(max_length=DOCUMENT_MAX)]
    reason: Lines

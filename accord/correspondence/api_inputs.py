"""The API's inputs for correspondence, press enquiries, publicity and information requests, each under
the API input rules (`accord.api.inputs`): model limits, no control characters, bounded dates."""

from __future__ import annotations

from typing import Annotated, Literal

from accord.api.inputs import Day, Id, Input, Moment, fits
from accord.correspondence.models import (
    Correspondence,
    InformationRequest,
    PressEnquiry,
    PublicityRequest,
)

CheckKey = Literal[
    "lawful",
    "cost-effective",
    "objective",
    "even-handed",
    "appropriate",
    "equality",
    "pre-election-care",
    "no-party-publicity",
    "no-political-comment",
]


class CorrespondenceIn(Input):
    subject: Annotated[str, fits(Correspondence, "subject")]
    recipients: Annotated[str, fits(Correspondence, "recipients")] = ""
    body: Annotated[str, fits(Correspondence, "body")]
    signed_as: Correspondence.SignedAs
    basis: Correspondence.Basis = Correspondence.Basis.COUNCIL
    officer_id: Id | None = None
    on_behalf_of_council: bool = False
    audience: Correspondence.Audience = Correspondence.Audience.INTENDED
    audience_group_id: Id | None = None
    audience_reason: Annotated[str, fits(Correspondence, "audience_reason")] = ""
    no_political_comment: bool = False


class AdviceRequestIn(Input):
    officer_id: Id
    question: Annotated[str, fits(Correspondence, "advice_question")]


class AdviceIn(Input):
    advice: Annotated[str, fits(Correspondence, "advice")]


class CommsReasonIn(Input):
    reason: Annotated[str, fits(Correspondence, "audience_reason")]


class PressEnquiryIn(Input):
    outlet: Annotated[str, fits(PressEnquiry, "outlet")]
    journalist: Annotated[str, fits(PressEnquiry, "journalist")]
    contact: Annotated[str, fits(PressEnquiry, "contact")] = ""
    question: Annotated[str, fits(PressEnquiry, "question")]
    received_at: Moment | None = None
    journalist_deadline: Moment | None = None


class ResponseIn(Input):
    response: Annotated[str, fits(PressEnquiry, "response")]


class PublicityIn(Input):
    title: Annotated[str, fits(PublicityRequest, "title")]
    content: Annotated[str, fits(PublicityRequest, "content")]
    channel: PublicityRequest.Channel
    capacity: PublicityRequest.Capacity = PublicityRequest.Capacity.COUNCIL
    featured_ids: list[Id] = []


class PublicityReviewIn(Input):
    decision: Literal["approve", "decline"]
    checks: list[CheckKey] = []
    note: Annotated[str, fits(PublicityRequest, "review_note")] = ""


class InformationRequestIn(Input):
    regime: InformationRequest.Regime
    requester: Annotated[str, fits(InformationRequest, "requester")]
    request: Annotated[str, fits(InformationRequest, "request")]
    terms: Annotated[str, fits(InformationRequest, "terms")]
    date_from: Day
    date_to: Day
    received_on: Day


class InformationAnswerIn(Input):
    response: Annotated[str, fits(InformationRequest, "response")]

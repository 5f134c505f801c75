"""D 6.5 in the v1 API: the answers shared with the calling Member, without the casework."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema

from accord.api.auth import api_actor
from accord.api.schemas import ErrorOut
from accord.enquiries.shared import shared_answer_for, shared_answer_list_for

router = Router(tags=["enquiries"])


class SharedAnswerOut(Schema):
    """The information provided (D 6.5): never the details, the constituent, the exchange or the files."""

    id: int
    reference: str
    area: str
    service: str
    answer: str
    answered_at: dt.datetime | None
    shared_at: dt.datetime
    citations: list[dict[str, Any]]


@router.get("/shared-answers", response=list[SharedAnswerOut])
def shared_answer_list(request: HttpRequest) -> list[dict[str, Any]]:
    """The answers shared with the calling Member, newest first (an empty list for anyone else)."""
    actor = api_actor(request)
    if actor.member is None:
        return []
    return [a.to_dict() for a in shared_answer_list_for(actor.member)]


@router.get("/shared-answers/{enquiry_id}", response={200: SharedAnswerOut, 404: ErrorOut})
def shared_answer_detail(request: HttpRequest, enquiry_id: int) -> dict[str, Any]:
    """One answer shared with the calling Member; any other enquiry is a 404."""
    return shared_answer_for(api_actor(request), enquiry_id).to_dict()

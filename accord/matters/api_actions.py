"""The actions on a local matter in the v1 API: one POST per declared action (`accord.matters.actions`),
answering the matter as `GET /matters/{id}` does; a refusal is a 400 with its paragraphs, a bad input a
422 naming the field."""

from __future__ import annotations

from typing import Annotated, Any

from django.http import HttpRequest
from ninja import Path, Router

from accord.api.auth import api_actor
from accord.api.inputs import MAX_ID
from accord.api.schemas import ErrorOut
from accord.cases.actions import Action
from accord.matters.access import matter_for
from accord.matters.actions import MATTER_ACTIONS
from accord.matters.api import MatterDetailOut, _fields, matter_detail_out

router = Router(tags=["matters"])
RESPONSES: dict[int, Any] = {200: MatterDetailOut, 400: ErrorOut, 404: ErrorOut, 422: ErrorOut}
MatterId = Annotated[int, Path(ge=1, le=MAX_ID)]


def action_take(request: HttpRequest, action: Action, matter_id: int, data: dict[str, Any]) -> Any:
    actor = api_actor(request)
    matter = matter_for(actor, matter_id)
    with _fields():
        action.call(actor, matter, action.data_from_api(matter, data))
    return matter_detail_out(actor, matter_for(actor, matter_id))


def _handler(action: Action) -> Any:
    if action.schema is None:

        def without_input(request: HttpRequest, matter_id: MatterId) -> Any:
            return action_take(request, action, matter_id, {})

        return without_input

    def with_input(request: HttpRequest, matter_id: MatterId, payload: Any) -> Any:
        return action_take(request, action, matter_id, payload.dict())

    with_input.__annotations__["payload"] = action.schema
    return with_input


for _action in MATTER_ACTIONS:
    _slug = _action.name.replace("-", "_")
    router.post(
        f"/matters/{{matter_id}}/{_action.name}",
        response=RESPONSES,
        operation_id=f"matter_{_slug}",
        summary=_action.label,
        description=_action.summary,
        url_name=f"matter-{_slug}",
    )(_handler(_action))

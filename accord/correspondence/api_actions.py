"""The actions on correspondence, press enquiries and publicity in the v1 API: one POST operation per
declared action (`accord.correspondence.actions`), at `<case path>/<name>`.

Each takes the action's input (JSON) and answers the case as its GET does. Who may take it is re-checked
by the service under the case's row lock; a refusal is a 400 with the paragraphs behind it, a case the
caller may not see a 404.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from django.http import HttpRequest
from ninja import Path, Router

from accord.api.auth import api_actor
from accord.api.inputs import MAX_ID
from accord.api.schemas import ErrorOut
from accord.cases.actions import Action, ActionRegistry
from accord.core.access import Actor
from accord.correspondence import access
from accord.correspondence.actions import (
    CORRESPONDENCE_ACTIONS,
    PRESS_ACTIONS,
    PUBLICITY_ACTIONS,
)
from accord.correspondence.api import CaseOut, case_out

router = Router(tags=["correspondence"])
RESPONSES: dict[int, Any] = {200: CaseOut, 400: ErrorOut, 404: ErrorOut}
CaseId = Annotated[int, Path(ge=1, le=MAX_ID)]
Fetch = Callable[..., Any]


def _handler(action: Action, fetch: Fetch) -> Any:
    """A ninja handler for the action; its input (and so the OpenAPI) comes from the declaration."""

    def take(request: HttpRequest, case_id: int, data: dict[str, Any]) -> Any:
        actor: Actor = api_actor(request)
        case = fetch(actor, case_id)
        action.call(actor, case, action.data_from_api(case, data))
        return case_out(actor, fetch(actor, case_id))

    if action.schema is None:

        def without_input(request: HttpRequest, case_id: CaseId) -> Any:
            return take(request, case_id, {})

        return without_input

    def with_input(request: HttpRequest, case_id: CaseId, payload: Any) -> Any:
        return take(request, case_id, payload.dict())

    with_input.__annotations__["payload"] = action.schema
    return with_input


KINDS: tuple[tuple[str, str, ActionRegistry[Any], Fetch], ...] = (
    ("correspondence", "correspondence", CORRESPONDENCE_ACTIONS, access.correspondence_for),
    ("press-enquiries", "press_enquiry", PRESS_ACTIONS, access.press_enquiry_for),
    ("publicity", "publicity", PUBLICITY_ACTIONS, access.publicity_for),
)
for _path, _name, _registry, _fetch in KINDS:
    for _action in _registry:
        _slug = _action.name.replace("-", "_")
        router.post(
            f"/{_path}/{{case_id}}/{_action.name}",
            response=RESPONSES,
            operation_id=f"{_name}_{_slug}",
            summary=_action.label,
            description=_action.summary,
            url_name=f"{_name}-{_slug}",
        )(_handler(_action, _fetch))

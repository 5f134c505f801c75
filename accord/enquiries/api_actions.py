"""The actions on an enquiry in the v1 API: one POST operation per declared action (`accord.enquiries.actions`).

`POST /enquiries/{id}/<name>` takes the action's input (JSON, or a multipart form with `upload` for a file)
and answers the case as `GET /enquiries/{id}` does. Who may take it is re-checked by the service under the
case's row lock, from the same declaration as the case page's controls; a refusal is a 400 with the
paragraphs behind it, a case the caller may not see a 404. Older paths of the same operations (`wait`,
`reply`, `divert`, `holding-reply/accept`, `holding-reply/decline`) are kept and marked deprecated.
"""

from typing import Annotated, Any

from django.http import HttpRequest
from ninja import File, Path, Router
from ninja.files import UploadedFile

from accord.api.auth import api_actor
from accord.api.inputs import MAX_ID
from accord.api.schemas import ErrorOut
from accord.cases.actions import Action
from accord.enquiries.access import enquiry_for
from accord.enquiries.actions import ENQUIRY_ACTIONS
from accord.enquiries.api import EnquiryDetailOut, _detail

router = Router(tags=["enquiries"])
RESPONSES: dict[int, Any] = {200: EnquiryDetailOut, 400: ErrorOut, 404: ErrorOut}
EnquiryId = Annotated[int, Path(ge=1, le=MAX_ID)]


def action_take(request: HttpRequest, action: Action, enquiry_id: int, data: dict[str, Any]) -> Any:
    """Run one declared action for the API caller and answer the case (`EnquiryDetailOut`).

    Raises `Http404` for a case the caller may not see and `AccordError` (a 400 citing the rule) when
    the service refuses the action in the case's locked state; a 422 for a reference to something that is
    not the council's."""
    actor = api_actor(request)
    enquiry = enquiry_for(actor, enquiry_id)
    action.call(actor, enquiry, action.data_from_api(enquiry, data))
    return _detail(actor, enquiry_id)


def _handler(action: Action) -> Any:
    """A ninja handler for the action; its parameters (and so the OpenAPI) come from the declaration."""
    if action.files:

        def with_file(
            request: HttpRequest, enquiry_id: EnquiryId, upload: File[UploadedFile]
        ) -> Any:
            return action_take(request, action, enquiry_id, {"upload": upload})

        return with_file
    if action.schema is None:

        def without_input(request: HttpRequest, enquiry_id: EnquiryId) -> Any:
            return action_take(request, action, enquiry_id, {})

        return without_input
    schema = action.schema

    def with_input(request: HttpRequest, enquiry_id: EnquiryId, payload: Any) -> Any:
        return action_take(request, action, enquiry_id, payload.dict())

    with_input.__annotations__["payload"] = schema
    return with_input


for _action in ENQUIRY_ACTIONS:
    for _path in (_action.name, *_action.api_aliases):
        _slug = _path.replace("/", "_").replace("-", "_")
        if _path != _action.name:
            _slug += "_older_path"
        router.post(
            f"/enquiries/{{enquiry_id}}/{_path}",
            response=RESPONSES,
            operation_id=f"enquiry_{_slug}",
            summary=_action.label if _path == _action.name else f"{_action.label} (older path)",
            description=_action.summary,
            deprecated=_path != _action.name,
            url_name=f"enquiry-{_slug}",
        )(_handler(_action))

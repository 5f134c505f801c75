"""The OpenAPI document states every status the API answers, each with the one error shape.

The API keeps these for every operation, so they are added here rather than repeated in each decorator:
401 without credentials (every operation needs them); 403 for an unsafe method from a signed-in browser
without its CSRF token; 404 when the path names something the caller may not see; 422 when a parameter
or the body breaks an input rule (`accord.api.inputs`), with `errors` naming each field; 400 when a body
is not JSON; 429 when too many failed sign-ins (bad tokens) came from the caller's address (with
`Retry-After`). A status an operation alone answers (400 for a refusal under the protocol, 409) is declared
in its own `response=`.
"""

from __future__ import annotations

from typing import Any

from accord.api.schemas import ErrorOut, InvalidOut

UNSAFE = {"post", "put", "patch", "delete"}
WHY = {
    "400": "The body is not JSON, or the change is refused under the protocol (with its citations).",
    "401": "No session and no valid token: send Authorization: Bearer <token>.",
    "403": "A signed-in browser sent an unsafe request without its CSRF token.",
    "404": "Not found: nothing by that name or id that the caller may see.",
    "422": "A parameter or the body breaks an input rule; `errors` names each field.",
    "429": "Too many failed sign-ins from this address: wait `Retry-After` seconds and try again.",
}


def _ref(name: str) -> dict[str, Any]:
    return {"content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{name}"}}}}


def statuses_for(method: str, operation: dict[str, Any]) -> set[str]:
    """The error statuses every operation of this shape can answer (see the module's docstring)."""
    parameters = operation.get("parameters", [])
    statuses = {"401", "429"}
    if parameters or "requestBody" in operation:
        statuses.add("422")
    if any(p.get("in") == "path" for p in parameters):
        statuses.add("404")
    if "requestBody" in operation:
        statuses.add("400")
    if method in UNSAFE:
        statuses.add("403")
    return statuses


def openapi_errors_document(schema: dict[str, Any]) -> dict[str, Any]:
    """`schema` (an OpenAPI document) with every operation's error statuses and the error shapes added."""
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    for model in (ErrorOut, InvalidOut):
        generated = model.model_json_schema(ref_template="#/components/schemas/{model}")
        components.update(generated.pop("$defs", {}))
        components.setdefault(model.__name__, generated)
    for operations in schema.get("paths", {}).values():
        for method, operation in operations.items():
            responses = operation.setdefault("responses", {})
            for status in statuses_for(method, operation):
                name = "InvalidOut" if status == "422" else "ErrorOut"
                responses.setdefault(status, {"description": WHY[status], **_ref(name)})
    return schema

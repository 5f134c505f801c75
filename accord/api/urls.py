"""The v1 JSON API, mounted at /api/v1/. OpenAPI at /api/v1/openapi.json; the docs page (which loads from a
CDN) is off, so nothing external is ever loaded."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError

from accord.api import calendar
from accord.api.auth import API_AUTH
from accord.api.openapi import openapi_errors_document
from accord.core.errors import AccordError


class AccordAPI(NinjaAPI):
    """The API whose OpenAPI document states every error status it answers (`accord.api.openapi`)."""

    def get_openapi_schema(self, **kwargs: Any) -> Any:
        return openapi_errors_document(super().get_openapi_schema(**kwargs))


api = AccordAPI(
    title="Accord API",
    version="1",
    description="Read a council's records and protocol, and work out deadlines by its working days.",
    urls_namespace="api",
    docs_url=None,
    auth=API_AUTH,
)
api.add_router("", "accord.councils.api.router")
api.add_router("", calendar.router)
api.add_router("", "accord.enquiries.api.router")
api.add_router("", "accord.enquiries.api_actions.router")
api.add_router("", "accord.enquiries.api_shared.router")
api.add_router("", "accord.enquiries.api_files.router")
api.add_router("", "accord.enquiries.api_disputes.router")
api.add_router("", "accord.visits.api.router")
api.add_router("", "accord.groups.api.router")
api.add_router("", "accord.matters.api.router")
api.add_router("", "accord.matters.api_actions.router")
api.add_router("", "accord.correspondence.api.router")
api.add_router("", "accord.correspondence.api_actions.router")
api.add_router("", "accord.correspondence.api_support.router")
api.add_router("", "accord.concerns.api.router")
api.add_router("", "accord.rulings.api.router")
api.add_router("", "accord.committees.api.router")


def _citation(c: Any) -> Any:
    return c.to_dict() if hasattr(c, "to_dict") else {"label": str(c)}


def _error(
    request: HttpRequest,
    detail: str,
    status: int,
    citations: list[Any] | None = None,
    **extra: Any,
) -> HttpResponse:
    body = {"detail": detail, "citations": [_citation(c) for c in citations or []], **extra}
    return api.create_response(request, body, status=status)


@api.exception_handler(AccordError)
def on_accord_error(request: HttpRequest, exc: AccordError) -> HttpResponse:
    return _error(request, exc.message, 400, exc.citations)


@api.exception_handler(Http404)
def on_not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return _error(request, "Not found", 404)


@api.exception_handler(AuthenticationError)
def on_unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return _error(request, "Sign in or send a valid token: Authorization: Bearer <token>", 401)


@api.exception_handler(HttpError)
def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    """Ninja's own refusals (a body that is not JSON, a missing CSRF token) in the one error format."""
    return _error(request, str(exc), exc.status_code)


@api.exception_handler(SuspiciousOperation)
def on_suspicious(request: HttpRequest, exc: SuspiciousOperation) -> HttpResponse:
    """A request Django will not read (a body over DATA_UPLOAD_MAX_MEMORY_SIZE, too many fields) in the
    one error format, never Django's HTML "Bad Request"."""
    if isinstance(exc, RequestDataTooBig):
        return _error(request, "The request body is too large", 400)
    return _error(request, "The request cannot be read", 400)


def field_name(loc: tuple[Any, ...] | list[Any]) -> str:
    """The field a pydantic error is about, as the client named it: `subject`, `received_to`, `enquiry_id`.

    Ninja's locations start with where the value was (`body`, `query`, `path`) and, for a schema, the
    handler's parameter name (`payload`), neither of which the client sent."""
    parts = [str(p) for p in loc]
    if parts and parts[0] in ("body", "query", "path"):
        parts = parts[1:]
        if parts and parts[0] in ("payload", "filters"):
            parts = parts[1:] or [str(loc[0])]
    return ".".join(parts) or "request"


@api.exception_handler(Throttled)
def on_throttled(request: HttpRequest, exc: Throttled) -> HttpResponse:
    response = _error(
        request, "Too many failed sign-in attempts from this address: wait and try again", 429
    )
    if exc.wait:
        response["Retry-After"] = str(exc.wait)
    return response


@api.exception_handler(ValidationError)
def on_invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    """A 422 naming every field that breaks an input rule (`accord.api.inputs`), with the paragraphs
    behind any refusal that has them."""
    errors = [
        {"field": field_name(e.get("loc", ())), "message": str(e.get("msg", "invalid"))}
        for e in exc.errors
    ]
    detail = "; ".join(f"{e['field']}: {e['message']}" for e in errors) or "Invalid request"
    cited = {_citation(c)["label"]: c for e in exc.errors for c in e.get("citations", ())}
    return _error(request, detail, 422, list(cited.values()), errors=errors)

"""The v1 JSON API, mounted at /api/v1/. OpenAPI at /api/v1/openapi.json; the docs page (which loads from a
CDN) is off, so nothing external is ever loaded."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, Throttled, ValidationError

from accord.api import calendar, councils
from accord.api.auth import API_AUTH
from accord.core.errors import AccordError

api = NinjaAPI(
    title="Accord API",
    version="1",
    description="Read a council's records and protocol, and work out deadlines by its working days.",
    urls_namespace="api",
    docs_url=None,
    auth=API_AUTH,
)
api.add_router("", councils.router)
api.add_router("", calendar.router)
api.add_router("", "accord.enquiries.api.router")


def _citation(c: Any) -> Any:
    return c.to_dict() if hasattr(c, "to_dict") else {"label": str(c)}


def _error(
    request: HttpRequest, detail: str, status: int, citations: list[Any] | None = None
) -> HttpResponse:
    body = {"detail": detail, "citations": [_citation(c) for c in citations or []]}
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
    problems = []
    for e in exc.errors:
        loc = [str(p) for p in e.get("loc", ()) if p not in ("query", "path", "body")]
        problems.append(f"{'.'.join(loc) or 'request'}: {e.get('msg', 'invalid')}")
    return _error(request, "; ".join(problems) or "Invalid request", 422)

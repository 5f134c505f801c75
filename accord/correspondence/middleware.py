"""D 9: a Member accepts the Members' ICT User Agreement in force before using Accord.

A Member signed in at a council that has uploaded an agreement, who has not accepted its latest version,
is sent to the agreement's page; an API call is refused with a 403 citing D 9, whether it comes with their
session or with an API token of theirs (a call with `Authorization: Bearer ...` is judged by its token's
user alone, as the API judges it). The agreement's page and its API (`/api/v1/ict-agreement`, to read and
accept it), signing out and the account pages stay open. Anyone else, and every Member of a council that
has uploaded no agreement, is never asked.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect

from accord.accounts.throttle import API_TOKEN_FAILED, sign_in_allowed
from accord.api.models import ApiToken
from accord.api.services import TOKEN_FORMAT, token_hash
from accord.core.access import actor_for, request_actor
from accord.correspondence import rules
from accord.correspondence.services._common import profile_of
from accord.correspondence.services.support import ict_agreement_pending

OPEN_PREFIXES = (
    "/ict-agreement/",
    "/api/v1/ict-agreement",
    "/sign-out/",
    "/sign-in/",
    "/account/",
    "/static/",
    "/admin/",
)
API_PREFIX = "/api/"


def _token_user(request: HttpRequest) -> Any:
    """The user behind the request's bearer token when it is a live one, else None. Only read here: the
    API's own authentication records the token's use and refuses a bad one."""
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or TOKEN_FORMAT.fullmatch(token) is None:
        return None
    if not sign_in_allowed(request, action=API_TOKEN_FAILED):
        return None  # an address guessing tokens is held back by the API before any lookup

    found = (
        ApiToken.objects.select_related("user")
        .filter(token_hash=token_hash(token), revoked__isnull=True)
        .first()
    )
    return found.user if found is not None else None


class IctAgreementMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info.startswith(OPEN_PREFIXES):
            return self.get_response(request)
        api = request.path_info.startswith(API_PREFIX)
        if api and "Authorization" in request.headers:
            actor = actor_for(_token_user(request))
        else:
            user = getattr(request, "user", None)
            if user is None or not user.is_authenticated:
                return self.get_response(request)
            actor = request_actor(request)
        if actor.member is None:
            return self.get_response(request)
        pending = ict_agreement_pending(actor)
        if pending is None:
            return self.get_response(request)
        if api:
            citations = rules.citations_of(profile_of(pending.council), rules.SUPPORT_SERVICES)
            return JsonResponse(
                {
                    "detail": "Accept the Members' ICT User Agreement before using Accord: "
                    f"version {pending.version}, at /ict-agreement/",
                    "citations": rules.cited(citations),
                },
                status=403,
            )
        return redirect("correspondence:ict-agreement")

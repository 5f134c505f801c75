"""Who is calling the API: a bearer token, or a signed-in browser session (CSRF-checked for unsafe methods).

A request that sends `Authorization: Bearer ...` is judged by its token alone: a bad or revoked token is a
401 "send a valid token", never a fall back to the session and its CSRF check. Failed tokens are limited per
address (`api_token_failed` in `ACCOUNT_RATE_LIMITS`): once over the limit the caller gets a 429 before any
token is looked up.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja.errors import AuthenticationError, Throttled
from ninja.security import HttpBearer, django_auth

from accord.accounts.models import SignInFailure
from accord.accounts.throttle import API_TOKEN_FAILED, sign_in_allowed, sign_in_failure_record
from accord.api.services import api_token_authenticate
from accord.core.access import Actor, actor_for

TOKEN_RETRY_SECONDS = 60


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        """The token's user; raises `Throttled` (429) while the address is over its limit and
        `AuthenticationError` (401) for a token that is malformed, unknown, revoked or its user's inactive."""
        if not sign_in_allowed(request, action=API_TOKEN_FAILED):
            raise Throttled(wait=TOKEN_RETRY_SECONDS)
        user = api_token_authenticate(plaintext=token.strip())
        if user is None:
            sign_in_failure_record(
                request,
                path=SignInFailure.Path.API_TOKEN,
                reason="unknown, revoked or malformed token",
                action=API_TOKEN_FAILED,
            )
            raise AuthenticationError()
        return user


API_AUTH = [TokenAuth(), django_auth]


def api_actor(request: HttpRequest) -> Actor:
    """The actor for an authenticated API request (`request.auth` is the user either way)."""
    return actor_for(getattr(request, "auth", None))

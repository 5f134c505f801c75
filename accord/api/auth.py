"""Who is calling the API: a signed-in browser session (CSRF-checked for unsafe methods) or a bearer token."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja.security import HttpBearer, django_auth

from accord.api.services import api_token_authenticate
from accord.core.access import Actor, actor_for


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        return api_token_authenticate(plaintext=token.strip())


API_AUTH = [TokenAuth(), django_auth]


def api_actor(request: HttpRequest) -> Actor:
    """The actor for an authenticated API request (`request.auth` is the user either way)."""
    return actor_for(getattr(request, "auth", None))

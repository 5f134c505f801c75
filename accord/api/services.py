"""Writes for API tokens. The plaintext token exists only in the return value of `api_token_create`."""

from __future__ import annotations

import hashlib
import re
import secrets
from typing import TYPE_CHECKING

from django.db import transaction

from accord.api.models import ApiToken
from accord.core import clock
from accord.core.errors import AccordError
from accord.securitylog.services import Kind, security_log_record

if TYPE_CHECKING:
    from accord.accounts.models import User

TOKEN_PREFIX = "accord_"
PREFIX_LENGTH = 12
TOKEN_SECRET_BYTES = 32
# What `api_token_create` makes: the prefix and 32 random bytes in URL-safe base64 (43 characters).
TOKEN_FORMAT = re.compile(rf"^{TOKEN_PREFIX}[A-Za-z0-9_-]{{43}}$")


def token_hash(plaintext: str) -> str:
    return hashlib.sha256(plaintext.encode("utf-8")).hexdigest()


@transaction.atomic
def api_token_create(*, user: User, name: str) -> tuple[ApiToken, str]:
    """Make a token for `user`; the plaintext is returned once and never stored."""
    name = name.strip()
    if not name:
        raise AccordError("Give the token a name", field="name")
    if not user.is_active:
        raise AccordError("An inactive user cannot have an API token", field="user")
    plaintext = TOKEN_PREFIX + secrets.token_urlsafe(TOKEN_SECRET_BYTES)
    token = ApiToken.objects.create(
        user=user, name=name, prefix=plaintext[:PREFIX_LENGTH], token_hash=token_hash(plaintext)
    )
    return token, plaintext


@transaction.atomic
def api_token_revoke(*, token: ApiToken) -> ApiToken:
    """Revoke `token` for good (locked and re-read, so two revocations keep the first time); a revoked
    token is never made live again."""
    token = ApiToken.objects.select_for_update().get(pk=token.pk)
    if token.revoked is None:
        token.revoked = clock.now()
        token.save(update_fields=["revoked"])
    return token


def api_token_authenticate(*, plaintext: str) -> User | None:
    """The active user behind a live token, or None. A string that is not shaped like a token is refused
    before it is hashed or looked up; each use is recorded on the token (`last_used`) and in the security
    log, with the request's origin."""
    if TOKEN_FORMAT.fullmatch(plaintext) is None:
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(token_hash=token_hash(plaintext), revoked__isnull=True)
        .first()
    )
    if token is None or not token.user.is_active:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used=clock.now())
    security_log_record(
        kind=Kind.TOKEN_USED,
        description=f"API token {token} used.",
        user=token.user,
        token=token.prefix,
    )
    return token.user

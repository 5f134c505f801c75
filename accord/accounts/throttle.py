"""Throttling sign-in attempts and recording the failures.

Every way of proving who you are (the sign-in page, which the admin's sign-in also uses; an API token; the
callback from a council's identity provider; a multi-factor code) is limited per address, and where there
is an account, per account, by allauth's rate limits (`ACCOUNT_RATE_LIMITS` in the settings: a sliding
window, so an attacker is locked out until their oldest failure in the window ages out). A refused attempt
is refused before any password or token is checked. Each failure that was checked is kept as a
`SignInFailure` row for the security log.
"""

from __future__ import annotations

import ipaddress
import time
from typing import Any

from allauth.account.adapter import get_adapter
from allauth.core.internal import ratelimit
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.http import HttpRequest

from accord.accounts.models import SignInFailure

APP = "allauth.account"  # whose settings hold the limits: ACCOUNT_RATE_LIMITS
API_TOKEN_FAILED = "api_token_failed"
SSO_FAILED = "sso_failed"


def client_ip(request: HttpRequest) -> str | None:
    """The caller's address as allauth sees it (REMOTE_ADDR, or the proxy's header when the settings
    trust one); None when it cannot be told."""
    try:
        ip = get_adapter(request).get_client_ip(request)
        ipaddress.ip_address(ip)
    except (PermissionDenied, ImproperlyConfigured, ValueError):
        return None
    return str(ip)


def sign_in_allowed(request: HttpRequest, *, action: str, key: str | None = None) -> bool:
    """May this request try to sign in? `action` names a limit in `ACCOUNT_RATE_LIMITS`. Counts nothing
    and takes no lock: one cache read, so a valid API token costs the cache a single lookup."""
    rates = ratelimit.get_rates(app=APP, action=action)
    keys = {
        rate: ratelimit.get_cache_key(request, app=APP, action=action, rate=rate, key=key)
        for rate in rates
    }
    histories = cache.get_many(list(keys.values()))
    now = time.time()
    return all(
        ratelimit.apply_rate(list(histories.get(keys[rate], [])), now, rate, dry_run=True)[0]
        for rate in rates
    )


def sign_in_failure_record(
    request: HttpRequest,
    *,
    path: SignInFailure.Path,
    reason: str,
    username: str = "",
    action: str | None = None,
) -> SignInFailure:
    """Keep one failure for the security log and, if `action` is given, count it against that limit.

    The sign-in page's own limit (`login_failed`) is counted by allauth before the password is checked.
    """
    if action is not None:
        ratelimit.consume(request, app=APP, action=action, limit_get=True)
    return SignInFailure.objects.create(
        path=path,
        username=username[:150],
        ip_address=client_ip(request),
        reason=reason[:200],
    )


def mfa_failure_record(sender: object, request: HttpRequest, user: Any, **kwargs: Any) -> None:
    """Keep a wrong multi-factor code (allauth's `authentication_failed` signal) for the security log.
    allauth itself limits codes per account (`login_failed`)."""
    sign_in_failure_record(
        request,
        path=SignInFailure.Path.MFA,
        username=user.get_username(),
        reason="wrong multi-factor code",
    )

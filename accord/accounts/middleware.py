"""Sign-in rules applied to every request: sessions end on time, senior roles enrol in multi-factor
authentication first, and nothing signed-in is cached."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse

from accord.accounts.adapters import ACCOUNT_MESSAGE_TAG
from accord.accounts.mfa import mfa_enrolment_required
from accord.accounts.sessions import session_touch

Handler = Callable[[HttpRequest], HttpResponse]
API_PREFIX = "/api/"
# What someone who must enrol may still reach: enrolment itself, and signing out.
ENROLMENT_URL_NAMES = frozenset(
    {
        "mfa_index",
        "mfa_activate_totp",
        "mfa_add_webauthn",
        "mfa_view_recovery_codes",
        "mfa_generate_recovery_codes",
        "mfa_download_recovery_codes",
        "mfa_reauthenticate",
        "account_reauthenticate",
        "account_logout",
        "sign-out",
    }
)


def _url_name(request: HttpRequest) -> str | None:
    try:
        return resolve(request.path_info).url_name
    except Resolver404:
        return None


class SessionLifetimeMiddleware:
    """Ends a session idle for longer than its idle period, or older than its absolute lifetime."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if user.is_authenticated and not session_touch(request, user):
            logout(request)
            if not request.path_info.startswith(API_PREFIX):
                messages.info(
                    request,
                    "Your session ended. Sign in again to carry on.",
                    extra_tags=ACCOUNT_MESSAGE_TAG,
                )
                query = urlencode({"next": request.get_full_path()})
                return redirect(f"{reverse(settings.LOGIN_URL)}?{query}")
        return self.get_response(request)


class MfaRequiredMiddleware:
    """Sends democratic services, Chief Officers, the Monitoring Officer and platform administrators who
    signed in with a password to enrol in multi-factor authentication before anything else."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (
            settings.ACCORD_MFA_REQUIRED
            and request.user.is_authenticated
            and _url_name(request) not in ENROLMENT_URL_NAMES
            and mfa_enrolment_required(request)
        ):
            if request.path_info.startswith(API_PREFIX):
                return JsonResponse(
                    {
                        "detail": "Set up multi-factor authentication before using Accord",
                        "citations": [],
                    },
                    status=403,
                )
            messages.info(
                request,
                "Your role needs a second way to prove it is you: set up an authenticator app or a "
                "security key before carrying on.",
                extra_tags=ACCOUNT_MESSAGE_TAG,
            )
            return redirect("mfa_index")
        return self.get_response(request)


class NoStoreMiddleware:
    """`Cache-Control: no-store` on every answer to a signed-in request and every API answer: pages, CSVs
    and attachments hold personal data that no browser or proxy may keep."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.user.is_authenticated or request.path_info.startswith(API_PREFIX):
            response["Cache-Control"] = "no-store"
        return response

"""Single sign-on through each council's own OpenID Connect provider (Microsoft Entra ID or any other).

A council's provider is configured in its `CouncilSignIn` (issuer, client ID, the name of the environment
variable holding the secret) and becomes an allauth OpenID Connect app whose provider id is the council's
slug: its callback is `/account/oidc/<slug>/login/callback/`. Sign-in uses the authorization code with
PKCE, and the id_token's signature is checked against the provider's published keys as well as its issuer,
audience and expiry.

Nobody is created by signing on. The provider's person is linked, on their first sign-on, to the one active
Accord user of that council with the same e-mail address, when the provider vouches for the address
(`email_verified`, or the council says its provider's addresses are its own); after that the link is used.
Anyone else is refused with a page saying to ask democratic services, and the refusal is recorded.
"""

from __future__ import annotations

import os
from typing import Any

from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.internal import jwtkit
from allauth.socialaccount.models import SocialApp, SocialLogin
from allauth.socialaccount.providers.oauth2.views import OAuth2CallbackView
from allauth.socialaccount.providers.openid_connect.views import OpenIDConnectOAuth2Adapter
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from accord.accounts.models import CouncilSignIn, SignInFailure, User
from accord.accounts.throttle import SSO_FAILED, sign_in_allowed, sign_in_failure_record

OIDC = "openid_connect"


def council_sign_in_apps(*, provider_id: str | None = None) -> list[SocialApp]:
    """Unsaved allauth apps, one per council with single sign-on configured (optionally only `provider_id`,
    a council slug). A council whose secret variable is unset is left out."""
    rows = CouncilSignIn.objects.select_related("council").exclude(oidc_issuer="")
    if provider_id is not None:
        rows = rows.filter(council__slug=provider_id)
    apps = []
    for row in rows:
        secret = os.environ.get(row.oidc_secret_env, "") if row.oidc_secret_env else ""
        if not (row.has_sso and secret):
            continue
        apps.append(
            SocialApp(
                provider=OIDC,
                provider_id=row.council.slug,
                name=row.oidc_name,
                client_id=row.oidc_client_id,
                secret=secret,
                settings={"server_url": row.oidc_issuer, "oauth_pkce_enabled": True},
            )
        )
    return apps


class AccordSocialAccountAdapter(DefaultSocialAccountAdapter):
    def list_apps(
        self, request: HttpRequest, provider: str | None = None, client_id: str | None = None
    ) -> list[SocialApp]:
        if provider not in (None, OIDC):
            return council_sign_in_apps(provider_id=provider)
        apps = council_sign_in_apps()
        return [a for a in apps if client_id is None or a.client_id == client_id]

    def is_open_for_signup(self, request: HttpRequest, sociallogin: SocialLogin) -> bool:
        return False

    def pre_social_login(self, request: HttpRequest, sociallogin: SocialLogin) -> None:
        """Link a first sign-on to the council's user with the same vouched-for e-mail address, or refuse."""
        slug = sociallogin.provider.app.provider_id
        if sociallogin.is_existing:
            user = sociallogin.user
            if user.is_active and user.council is not None and user.council.slug == slug:
                return
            self._refuse(request, "linked user is inactive or of another council")
        user = sso_user_for(slug, sociallogin)
        if user is None:
            self._refuse(request, "no active user of the council with a vouched-for e-mail address")
        sociallogin.connect(request, user)

    def on_authentication_error(
        self,
        request: HttpRequest,
        provider: Any,
        error: Any = None,
        exception: Any = None,
        extra_context: Any = None,
    ) -> None:
        sign_in_failure_record(
            request,
            path=SignInFailure.Path.SSO,
            reason=f"identity provider sign-in failed: {error or 'unknown'}",
            action=SSO_FAILED,
        )

    def _refuse(self, request: HttpRequest, reason: str) -> None:
        sign_in_failure_record(
            request, path=SignInFailure.Path.SSO, reason=reason, action=SSO_FAILED
        )
        raise ImmediateHttpResponse(render(request, "account/sso_refused.html", status=403))


def sso_user_for(slug: str, sociallogin: SocialLogin) -> User | None:
    """The active user of council `slug` whose e-mail address the provider vouches for, if exactly one."""
    trusted = CouncilSignIn.objects.filter(council__slug=slug, oidc_email_trusted=True).exists()
    emails = [a.email for a in sociallogin.email_addresses if a.email and (a.verified or trusted)]
    if not emails:
        return None
    users = list(
        User.objects.filter(council__slug=slug, is_active=True, email__iexact=emails[0])[:2]
    )
    return users[0] if len(users) == 1 else None


class VerifiedOpenIDConnectAdapter(OpenIDConnectOAuth2Adapter):
    """allauth's OpenID Connect adapter, but the id_token's signature is always checked against the
    provider's keys, even when the token came straight from the token endpoint."""

    def _decode_id_token(self, app: SocialApp, id_token: str) -> dict[str, Any]:
        return jwtkit.verify_and_decode(
            credential=id_token,
            keys_url=self.openid_config["jwks_uri"],
            issuer=self.openid_config["issuer"],
            audience=app.client_id,
            lookup_kid=jwtkit.lookup_kid_jwk,
            verify_signature=True,
        )


def sso_callback(request: HttpRequest, provider_id: str) -> HttpResponse:
    """The provider sends the browser back here with a code: refused (429) while the address has too many
    failed sign-ons, before the code is exchanged; a council without single sign-on is a 404."""
    if not sign_in_allowed(request, action=SSO_FAILED):
        return render(request, "429.html", status=429)
    try:
        view = OAuth2CallbackView.adapter_view(VerifiedOpenIDConnectAdapter(request, provider_id))
        return view(request)
    except SocialApp.DoesNotExist as exc:
        raise Http404("Page not found") from exc

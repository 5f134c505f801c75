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

import jwt
import requests
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter, get_adapter
from allauth.socialaccount.models import SocialApp, SocialLogin
from allauth.socialaccount.providers.oauth2.client import OAuth2Error
from allauth.socialaccount.providers.oauth2.views import OAuth2CallbackView
from allauth.socialaccount.providers.openid_connect.views import OpenIDConnectOAuth2Adapter
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from accord.accounts.models import CouncilSignIn, SignInFailure, User
from accord.accounts.throttle import SSO_FAILED, sign_in_allowed, sign_in_failure_record

OIDC = "openid_connect"
SIGNING_ALGORITHMS = ("RS256", "RS384", "RS512", "PS256", "ES256", "ES384")


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
    provider's published keys (JWKS), even when the token came straight from the token endpoint."""

    def _decode_id_token(self, app: SocialApp, id_token: str) -> dict[str, Any]:
        return id_token_verify(
            id_token,
            jwks_uri=self.openid_config["jwks_uri"],
            issuer=self.openid_config["issuer"],
            audience=app.client_id,
        )


def id_token_verify(id_token: str, *, jwks_uri: str, issuer: str, audience: str) -> dict[str, Any]:
    """The id_token's claims once its RS256/ES256 signature (by the key its `kid` names, or the provider's
    only key), issuer, audience and expiry are checked; raises `OAuth2Error` otherwise."""
    try:
        header = jwt.get_unverified_header(id_token)
        if header.get("alg") not in SIGNING_ALGORITHMS:
            raise OAuth2Error(f"id_token signed with {header.get('alg')!r}")
        with get_adapter().get_requests_session() as session:
            response = session.get(jwks_uri)
            response.raise_for_status()
            keys = [k for k in response.json().get("keys", []) if k.get("use", "sig") == "sig"]
        kid = header.get("kid")
        matching = [k for k in keys if k.get("kid") == kid] if kid else keys
        if len(matching) != 1:
            raise OAuth2Error("no single provider key for the id_token")
        key = jwt.PyJWK(matching[0], algorithm=header["alg"])
        claims: dict[str, Any] = jwt.decode(
            id_token,
            key=key,
            algorithms=[header["alg"]],
            issuer=issuer,
            audience=audience,
            options={"require": ["exp", "iat", "iss", "aud", "sub"]},
        )
    except (jwt.PyJWTError, requests.RequestException, ValueError) as exc:
        raise OAuth2Error("Invalid id_token") from exc
    return claims


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

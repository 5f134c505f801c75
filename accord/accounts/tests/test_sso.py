"""Single sign-on against a real OpenID Connect provider served on a loopback port (oidc-provider-mock, built
on authlib: discovery, authorization code, a token endpoint and RS256-signed id_tokens), with PKCE enforced
in front of its token endpoint. The test client follows Accord's redirects; the provider's consent form is
posted over HTTP like a browser would."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

import oidc_provider_mock
import pytest
import requests
import werkzeug.serving
from allauth.socialaccount.models import SocialAccount
from django.test import Client
from django.urls import reverse

from accord.accounts.models import CouncilSignIn, SignInFailure
from accord.councils.models import Council
from conftest import Roles

SECRET_ENV = "ACCORD_TEST_OIDC_SECRET"


class PkceEnforced:
    """WSGI middleware for the provider: remembers each code's S256 challenge, and refuses a token request
    whose code_verifier does not hash to it (RFC 7636), as a provider that enforces PKCE does."""

    def __init__(self, app: Callable[..., Iterable[bytes]]) -> None:
        self.app = app
        self.challenges: dict[str, str] = {}
        self.verified: list[str] = []

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        path = environ["PATH_INFO"]
        if path == "/oauth2/token":
            body = environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
            environ["wsgi.input"] = io.BytesIO(body)
            form = parse_qs(body.decode())
            code, verifier = form.get("code", [""])[0], form.get("code_verifier", [""])[0]
            digest = hashlib.sha256(verifier.encode()).digest()
            if base64.urlsafe_b64encode(digest).rstrip(b"=").decode() != self.challenges.get(code):
                start_response("400 Bad Request", [("Content-Type", "application/json")])
                return [json.dumps({"error": "invalid_grant"}).encode()]
            self.verified.append(code)
            return self.app(environ, start_response)
        if path != "/oauth2/authorize" or environ["REQUEST_METHOD"] != "POST":
            return self.app(environ, start_response)
        challenge = parse_qs(environ.get("QUERY_STRING", "")).get("code_challenge", [""])[0]

        def remember(status: str, headers: list[tuple[str, str]], *args: Any) -> Any:
            for name, value in headers:
                if name.lower() == "location":
                    code = parse_qs(urlsplit(value).query).get("code", [""])[0]
                    self.challenges[code] = challenge
            return start_response(status, headers, *args)

        return self.app(environ, remember)


@pytest.fixture
def provider() -> Iterator[str]:
    people = [
        oidc_provider_mock.User(
            sub="alex", claims={"email": "Alex.Member@testshire.gov.uk", "email_verified": True}
        ),
        oidc_provider_mock.User(
            sub="stranger", claims={"email": "stranger@testshire.gov.uk", "email_verified": True}
        ),
        oidc_provider_mock.User(
            sub="unverified", claims={"email": "dana@testshire.gov.uk", "email_verified": False}
        ),
        oidc_provider_mock.User(
            sub="dana", claims={"email": "dana@testshire.gov.uk", "email_verified": True}
        ),
    ]
    app = oidc_provider_mock.app(user_claims=people)
    pkce = PkceEnforced(app.wsgi_app)
    app.wsgi_app = pkce  # type: ignore[method-assign]
    server = werkzeug.serving.make_server("localhost", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1})
    thread.start()
    try:
        yield f"http://localhost:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)
        server.server_close()
    # Every code exchanged was exchanged with its verifier.
    assert set(pkce.verified) <= set(pkce.challenges)


def sso_configure(
    council: Council, issuer: str, monkeypatch: pytest.MonkeyPatch, *, client_id: str = "accord"
) -> CouncilSignIn:
    """The council signs its people in through `issuer`, its secret in the environment."""
    monkeypatch.setenv(SECRET_ENV, "a-client-secret")
    return CouncilSignIn.objects.create(
        council=council,
        oidc_name=f"{council.name.split()[0]} Entra ID",
        oidc_issuer=issuer,
        oidc_client_id=client_id,
        oidc_secret_env=SECRET_ENV,
    )


@pytest.fixture
def council_provider(roles: Roles, provider: str, monkeypatch: pytest.MonkeyPatch) -> str:
    sso_configure(roles.council, provider, monkeypatch)
    for role, email in (
        ("member", "alex.member@testshire.gov.uk"),
        ("democratic_services", "dana@testshire.gov.uk"),
    ):
        user = roles.user(role)
        user.email = email
        user.save()
    return provider


def _sign_on(client: Client, slug: str, sub: str) -> Any:
    """Start at Accord, consent at the provider as `sub`, and come back with the code."""
    start = client.post(reverse("openid_connect_login", kwargs={"provider_id": slug}))
    assert start.status_code == 302
    authorize = start["Location"]
    query = parse_qs(urlsplit(authorize).query)
    assert query["code_challenge_method"] == ["S256"] and query["code_challenge"][0]
    assert query["response_type"] == ["code"]
    consent = requests.post(authorize, data={"sub": sub}, allow_redirects=False, timeout=10)
    assert consent.status_code == 302, consent.text
    back = urlsplit(consent.headers["Location"])
    assert back.path == f"/account/oidc/{slug}/login/callback/"
    return client.get(f"{back.path}?{back.query}")


@pytest.mark.django_db
def test_the_sign_in_page_offers_the_councils_provider(roles: Roles, council_provider: str) -> None:
    response = Client().get(reverse("web:sign-in"))
    assert "Sign in with Testshire Entra ID" in response.content.decode()
    # A browser applies form-action to the redirect after the button: the provider must be allowed.
    policy = response.headers["Content-Security-Policy"]
    assert f"form-action 'self' {council_provider}" in policy
    assert "unsafe-inline" not in policy


@pytest.mark.django_db
def test_a_member_signs_on_and_is_linked_by_verified_email(
    roles: Roles, council_provider: str
) -> None:
    client = Client()
    response = _sign_on(client, "testshire", "alex")
    assert response.status_code == 302
    assert response["Location"] == reverse("web:home")
    assert client.session["_auth_user_id"] == str(roles.user("member").pk)
    assert SocialAccount.objects.get(uid="alex").user == roles.user("member")
    assert client.get(reverse("web:home")).status_code == 200
    # The second time, the link is used.
    again = Client()
    _sign_on(again, "testshire", "alex")
    assert again.session["_auth_user_id"] == str(roles.user("member").pk)


@pytest.mark.django_db
def test_nobody_is_created_for_an_unknown_person(roles: Roles, council_provider: str) -> None:
    from accord.accounts.models import User

    before = User.objects.count()
    client = Client()
    response = _sign_on(client, "testshire", "stranger")
    assert response.status_code == 403
    assert "You cannot sign in with this account" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert User.objects.count() == before
    assert SignInFailure.objects.filter(path=SignInFailure.Path.SSO).count() == 1


@pytest.mark.django_db
def test_an_unverified_address_is_not_linked(roles: Roles, council_provider: str) -> None:
    client = Client()
    assert _sign_on(client, "testshire", "unverified").status_code == 403
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_another_councils_provider_cannot_sign_in_this_councils_user(
    roles: Roles, council_provider: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    sso_configure(roles.other_council, council_provider, monkeypatch, client_id="accord-otherton")
    client = Client()
    assert _sign_on(client, "otherton", "alex").status_code == 403
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_democratic_services_signing_on_are_not_asked_for_a_second_factor(
    roles: Roles, council_provider: str, settings: object
) -> None:
    settings.ACCORD_MFA_REQUIRED = True  # type: ignore[attr-defined]
    client = Client()
    _sign_on(client, "testshire", "dana")
    assert client.session["_auth_user_id"] == str(roles.user("democratic_services").pk)
    assert client.get(reverse("web:home")).status_code == 200


@pytest.mark.django_db
def test_a_forged_callback_is_refused_and_repeated_ones_are_throttled(
    roles: Roles, council_provider: str
) -> None:
    client = Client()
    callback = reverse("sso-callback", kwargs={"provider_id": "testshire"})
    for _ in range(10):
        response = client.get(f"{callback}?code=forged&state=forged")
        assert response.status_code != 302 or "_auth_user_id" not in client.session
    assert client.get(f"{callback}?code=forged&state=forged").status_code == 429
    assert SignInFailure.objects.filter(path=SignInFailure.Path.SSO).count() == 10


def test_an_id_token_not_signed_by_the_providers_key_is_refused(provider: str) -> None:
    import time

    import jwt
    from allauth.socialaccount.providers.oauth2.client import OAuth2Error
    from cryptography.hazmat.primitives.asymmetric import rsa

    from accord.accounts.sso import id_token_verify

    now = int(time.time())
    claims = {"iss": provider, "aud": "accord", "sub": "alex", "iat": now, "exp": now + 300}
    other_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    for forged in (
        jwt.encode(claims, other_key, algorithm="RS256"),
        jwt.encode(claims, "a-shared-secret-of-32-bytes-or-more!", algorithm="HS256"),
    ):
        with pytest.raises(OAuth2Error):
            id_token_verify(forged, jwks_uri=f"{provider}/jwks", issuer=provider, audience="accord")

"""Single sign-on against a real OpenID Connect provider served on a loopback port (oidc-provider-mock:
discovery, authorization code with PKCE, a token endpoint and RS256-signed id_tokens). The test client
follows Accord's redirects; the provider's consent form is posted over HTTP like a browser would."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import oidc_provider_mock
import pytest
import requests
from allauth.socialaccount.models import SocialAccount
from django.test import Client
from django.urls import reverse

from accord.accounts.models import CouncilSignIn, SignInFailure
from conftest import Roles

SECRET_ENV = "ACCORD_TEST_OIDC_SECRET"


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
    with oidc_provider_mock.run_server_in_thread(user_claims=people) as server:
        yield f"http://localhost:{server.server_port}"


@pytest.fixture
def council_provider(roles: Roles, provider: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv(SECRET_ENV, "a-client-secret")
    CouncilSignIn.objects.create(
        council=roles.council,
        oidc_name="Testshire Entra ID",
        oidc_issuer=provider,
        oidc_client_id="accord",
        oidc_secret_env=SECRET_ENV,
    )
    for role, email in (
        ("member", "alex.member@testshire.gov.uk"),
        ("democratic_services", "dana@testshire.gov.uk"),
    ):
        user = roles.user(role)
        user.email = email
        user.save()
    return provider


def _sign_on(client: Client, slug: str, sub: str) -> object:
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
    page = Client().get(reverse("web:sign-in")).content.decode()
    assert "Sign in with Testshire Entra ID" in page


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
    CouncilSignIn.objects.create(
        council=roles.other_council,
        oidc_name="Otherton sign-in",
        oidc_issuer=council_provider,
        oidc_client_id="accord-otherton",
        oidc_secret_env=SECRET_ENV,
    )
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

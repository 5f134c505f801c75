"""The sign-in pages a person meets on the way in, in a real browser with axe (WCAG 2.2 A/AA): single sign-on
on the sign-in page and its refusal, multi-factor enrolment, recovery codes and the challenge, and the
"too many attempts" page. (The pages every role reaches directly are in test_pages_accessible.)"""

from __future__ import annotations

from collections.abc import Callable

import pyotp
import pytest
from django.core.cache import cache
from django.test import Client
from playwright.sync_api import Page

from accord.accounts.tests.test_sso import provider, sso_configure
from conftest import make_roles
from tests.browser.conftest import PageProblems, axe_violations

__all__ = ["provider"]
PASSWORD = "correct-horse-battery"


def _accessible(page: Page, problems: PageProblems, heading: str, status: int = 200) -> None:
    """No axe violation and no console error on the page (the browser logs a refusal's own status)."""
    assert heading in page.inner_text("h1")
    own_status = f"the server responded with a status of {status}"
    errors = [e for e in problems.errors if status == 200 or own_status not in e]
    found = axe_violations(page) + [f"console: {e}" for e in errors]
    assert not found, f"{page.url}\n" + "\n".join(found)
    problems.errors.clear()


def _submit(page: Page) -> None:
    with page.expect_navigation():
        page.click("main button[type=submit]")


@pytest.fixture(autouse=True)
def no_counted_attempts() -> None:
    cache.clear()


def test_multi_factor_enrolment_and_challenge_pages(
    transactional_db: None, live_server: object, sign_in: Callable[[object | None], Page]
) -> None:
    make_roles()
    base = str(live_server.url)  # type: ignore[attr-defined]
    page = sign_in(None)
    problems = PageProblems(page)
    page.goto(f"{base}/sign-in/")
    page.fill("input[name=username]", "demservices")
    page.fill("input[name=password]", PASSWORD)
    _submit(page)

    page.goto(f"{base}/account/2fa/totp/activate/")
    page.fill("input[name=password]", PASSWORD)  # asked again before setting up a factor
    _submit(page)
    _accessible(page, problems, "Activate Authenticator App")
    secret = page.input_value("#authenticator_secret")
    page.fill("input[name=code]", pyotp.TOTP(secret).now())
    _submit(page)
    _accessible(page, problems, "Recovery Codes")

    page.goto(f"{base}/")
    with page.expect_navigation():
        page.click("header button[type=submit]")  # sign out
    cache.clear()  # the enrolment used this period's code, which may not be used twice
    page.fill("input[name=username]", "demservices")
    page.fill("input[name=password]", PASSWORD)
    _submit(page)
    _accessible(page, problems, "Two-Factor Authentication")
    page.fill("input[name=code]", "000000")
    _submit(page)
    _accessible(page, problems, "Two-Factor Authentication")
    assert "There is a problem" in page.inner_text("main")


def test_single_sign_on_pages(
    transactional_db: None,
    live_server: object,
    sign_in: Callable[[object | None], Page],
    provider: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    roles = make_roles()
    sso_configure(roles.council, provider, monkeypatch)
    base = str(live_server.url)  # type: ignore[attr-defined]
    page = sign_in(None)
    problems = PageProblems(page)
    page.goto(f"{base}/sign-in/")
    _accessible(page, problems, "Sign in to Accord")
    with page.expect_navigation():
        page.click("text=Sign in with Testshire Entra ID")
    page.wait_for_load_state("networkidle")
    problems.errors.clear()  # the provider's own consent page is not Accord's
    page.click("button[value=stranger]")
    page.wait_for_url(f"{base}/account/oidc/testshire/login/callback/*")
    _accessible(page, problems, "You cannot sign in with this account", status=403)

    callback = f"/account/oidc/{roles.council.slug}/login/callback/"
    client = Client()
    for _ in range(10):
        client.get(f"{callback}?code=forged&state=forged")
    response = page.goto(f"{base}{callback}?code=forged&state=forged")
    assert response is not None and response.status == 429
    _accessible(page, problems, "Too many attempts", status=429)

"""Every route of the site and the API, with what each role must get from it.

The route x role test tries each entry as every role, and fails for any URL pattern or API operation
that has no entry here: a new route is covered the day it is added. The browser test runs axe on
every HTML page a role gets a 200 from.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from conftest import ROLE_NAMES, Roles

Kwargs = Callable[[Roles], dict[str, Any]]


def no_kwargs(roles: Roles) -> dict[str, Any]:
    return {}


def council_slug(roles: Roles) -> dict[str, Any]:
    return {"slug": roles.council.slug}


COUNCIL_ROLES = tuple(r for r in ROLE_NAMES if r not in ("anonymous", "other_council"))


def outcomes(default: int, **by_role: int) -> dict[str, int]:
    """Expected status per role: `default` for every role not named."""
    return {role: by_role.get(role, default) for role in ROLE_NAMES}


# A page of one council: sign in first; the council's people see it; another council's user gets a 404.
COUNCIL_PAGE = outcomes(200, anonymous=302, other_council=404)
# A page every signed-in user sees about themselves.
SIGNED_IN_PAGE = outcomes(200, anonymous=302)
# An API read of one council: 401 without credentials, 404 for another council.
COUNCIL_API = outcomes(200, anonymous=401, other_council=404)
SIGNED_IN_API = outcomes(200, anonymous=401)


@dataclass(frozen=True)
class Route:
    """A URL name (web) or an API path template (starting with /api/), tried with one method."""

    target: str
    expect: dict[str, int]
    kwargs: Kwargs = no_kwargs
    method: str = "get"
    data: dict[str, Any] = field(default_factory=dict)
    query: str = ""
    html: bool = True  # an HTML page: the browser test checks it with axe

    @property
    def is_api(self) -> bool:
        return self.target.startswith("/api/")


WEB_ROUTES: list[Route] = [
    Route("web:home", SIGNED_IN_PAGE),
    # Someone already signed in goes straight to their home page.
    Route("web:sign-in", outcomes(302, anonymous=200)),
    # A wrong password: the form again with the error summary (a signed-in user is sent home first).
    Route(
        "web:sign-in",
        outcomes(302, anonymous=200),
        method="post",
        data={"username": "member", "password": "wrong"},
    ),
    Route("web:sign-out", outcomes(302), method="post", html=False),
    Route("web:sign-out", outcomes(405, anonymous=405), html=False),
    Route("web:council", COUNCIL_PAGE, kwargs=council_slug),
    Route("web:areas", COUNCIL_PAGE, kwargs=council_slug),
    Route("web:members", COUNCIL_PAGE, kwargs=council_slug),
    Route("web:officers", COUNCIL_PAGE, kwargs=council_slug),
    Route("web:calendar", COUNCIL_PAGE, kwargs=council_slug),
    Route(
        "web:calendar",
        COUNCIL_PAGE,
        kwargs=council_slug,
        query="received_day=19&received_month=12&received_year=2025&received_time=10%3A00&working_days=5",
    ),
    Route("web:protocol", COUNCIL_PAGE, kwargs=council_slug),
    # Each person's private calendar feed: the page to make or stop the link, and the feed by its token.
    Route("web:calendar-feed", SIGNED_IN_PAGE),
    Route("web:calendar-feed", SIGNED_IN_PAGE, method="post", data={"action": "new"}),
    Route(
        "web:calendar-feed-ics",
        outcomes(404),
        kwargs=lambda roles: {"token": "not-a-live-token"},
        html=False,
    ),
]

API_ROUTES: list[Route] = [
    Route("/api/v1/councils", SIGNED_IN_API, html=False),
    *(
        Route(f"/api/v1/councils/{{slug}}{tail}", COUNCIL_API, kwargs=council_slug, html=False)
        for tail in (
            "",
            "/areas",
            "/members",
            "/groups",
            "/committees",
            "/services",
            "/officers",
            "/closure-days",
            "/protocol",
        )
    ),
    Route(
        "/api/v1/councils/{slug}/calendar/due",
        COUNCIL_API,
        kwargs=council_slug,
        query="from=2025-12-19T10:00&working_days=5",
        html=False,
    ),
    Route(
        "/api/v1/calendar/due",
        SIGNED_IN_API,
        query="nation=england&from=2025-12-19&working_days=5",
        html=False,
    ),
]

# URL names whose patterns are covered elsewhere, with the reason.
NOT_HTML = {"api": "the API operations are listed one by one in API_ROUTES"}


# Members' enquiries (accord.enquiries). One case for the roles' Member, in the officer's service.


def roles_enquiry(roles: Roles) -> Any:
    """An enquiry raised by the roles' Member about the officer's service, with one attachment."""
    from django.core.files.base import ContentFile

    from accord.core import clock
    from accord.enquiries.models import Attachment
    from accord.enquiries.tests.factories import CategoryFactory, EnquiryFactory

    member_user = roles.user("member")
    officer_user = roles.user("officer")
    assert member_user is not None and officer_user is not None
    service = officer_user.officer.service  # type: ignore[union-attr]
    enquiry = EnquiryFactory(
        council=roles.council,
        member=member_user.member,
        raised_by=member_user,
        area=member_user.member.areas.first(),  # type: ignore[union-attr]
        category=CategoryFactory(council=roles.council, name="Bins", service=service),
        subject="Missed bin collections on Abbey Road",
    )
    attachment = Attachment(
        enquiry=enquiry,
        name="photo.txt",
        content_type="text/plain",
        size=5,
        uploaded_at=clock.now(),
        uploaded_by=member_user,
    )
    attachment.file.save("photo.txt", ContentFile(b"photo"), save=True)
    return enquiry


def enquiry_pk(roles: Roles) -> dict[str, Any]:
    return {"pk": roles_enquiry(roles).pk}


def enquiry_api_id(roles: Roles) -> dict[str, Any]:
    return {"enquiry_id": roles_enquiry(roles).pk}


def enquiry_attachment(roles: Roles) -> dict[str, Any]:
    enquiry = roles_enquiry(roles)
    return {"pk": enquiry.pk, "attachment_pk": enquiry.attachments.get().pk}


def enquiry_chase(roles: Roles) -> dict[str, Any]:
    return {**enquiry_pk(roles), "action": "chase"}


MEMBER_PAGE = outcomes(404, anonymous=302, member=200, other_council=200)
RAISE_PAGE = outcomes(404, anonymous=302, member=200, democratic_services=200, other_council=200)
OFFICER_PAGE = outcomes(200, anonymous=302, member=404, other_council=404)
# Chief Officers, the Monitoring Officer and democratic services see every enquiry of their council.
WHOLE_COUNCIL_PAGE = outcomes(200, anonymous=302, member=404, officer=404, other_council=404)
ENQUIRY_PAGE = outcomes(200, anonymous=302, other_council=404)
ENQUIRY_API = outcomes(200, anonymous=401, other_council=404)

WEB_ROUTES += [
    Route("enquiries:mine", MEMBER_PAGE),
    Route("enquiries:raise", RAISE_PAGE),
    Route("enquiries:queue", OFFICER_PAGE),
    Route("enquiries:service-queue", OFFICER_PAGE),
    Route("enquiries:detail", ENQUIRY_PAGE, kwargs=enquiry_pk),
    Route("enquiries:print", ENQUIRY_PAGE, kwargs=enquiry_pk),
    Route(
        "enquiries:monitoring-officer-queue",
        outcomes(404, anonymous=302, monitoring_officer=200),
    ),
    # Only the Member's side may chase (D 6.3); anyone else is offered no such action.
    Route(
        "enquiries:action",
        outcomes(404, anonymous=302, member=302, democratic_services=302),
        kwargs=enquiry_chase,
        method="post",
        html=False,
    ),
    Route("enquiries:attachment", ENQUIRY_PAGE, kwargs=enquiry_attachment, html=False),
    Route("enquiries:all", WHOLE_COUNCIL_PAGE, kwargs=council_slug),
    Route("enquiries:all", WHOLE_COUNCIL_PAGE, kwargs=council_slug, query="overdue=yes&page=2"),
    Route("enquiries:export", WHOLE_COUNCIL_PAGE, kwargs=council_slug, html=False),
    Route("enquiries:report", COUNCIL_PAGE, kwargs=council_slug),
    Route(
        "enquiries:report",
        COUNCIL_PAGE,
        kwargs=council_slug,
        query="from_month=2026-01&to_month=2026-03",
    ),
    Route("enquiries:report-csv", COUNCIL_PAGE, kwargs=council_slug, html=False),
]

API_ROUTES += [
    # An empty body: every signed-in caller gets the validation error before any rule is asked.
    Route("/api/v1/enquiries", outcomes(422, anonymous=401), method="post", html=False),
    # A list of what the caller may see: another council's user gets their own (empty) list.
    Route("/api/v1/enquiries", SIGNED_IN_API, html=False),
    Route("/api/v1/enquiries", SIGNED_IN_API, query="overdue=true&page=2", html=False),
    Route("/api/v1/enquiries/{enquiry_id}", ENQUIRY_API, kwargs=enquiry_api_id, html=False),
    Route(
        "/api/v1/councils/{slug}/enquiries/report",
        COUNCIL_API,
        kwargs=council_slug,
        html=False,
    ),
]
_TRANSITIONS: dict[str, dict[str, Any]] = {
    "claim": {},
    "assign": {"officer_id": 0},
    "holding-reply": {"reason": "Waiting for a contractor", "new_due_date": "2099-01-01"},
    "holding-reply/accept": {"note": ""},
    "holding-reply/decline": {"note": "Too long"},
    "answer": {"answer": "Collected today."},
    "close": {},
    "reopen": {"reason": "Still not collected"},
    "chase": {"note": "Any news?"},
    "escalate": {"reason": "Not satisfied"},
    "wait": {"question": "Which house number?"},
    "reply": {"reply": "Number 12."},
    "divert": {"reason": "A complaint"},
    # The same operations by their declared names (accord.enquiries.actions); the paths above are kept.
    "holding-reply-accept": {"note": ""},
    "holding-reply-decline": {"note": "Too long"},
    "wait-for-member": {"question": "Which house number?"},
    "member-reply": {"reply": "Number 12."},
    "divert-to-complaints": {"reason": "A complaint"},
    "burden-raise": {"reason": "Every collection since 2019"},
    "burden-review": {"note": "Reviewed"},
    "burden-agree": {"approach": "A summary of the last year"},
    # A district council has no N 17 procedure: the Chief Officer's record is refused citing D 6.8.
    "information-dispute-open": {"document": "The contract", "reason": "Commercially confidential"},
}
# A new case: the service's officers may take it; only the Member's side may chase it (D 6.3); nothing
# else is allowed yet, so every other transition is refused with a 400 and its citations.
TRANSITION_OUTCOMES: dict[str, dict[str, int]] = {
    name: outcomes(400, anonymous=401, other_council=404) for name in _TRANSITIONS
}
TRANSITION_OUTCOMES["claim"] = outcomes(200, anonymous=401, member=400, other_council=404)
TRANSITION_OUTCOMES["chase"] = outcomes(
    400, anonymous=401, member=200, democratic_services=200, other_council=404
)
# An id is at least 1: officer 0 is a 422 for the field before any rule is asked.
TRANSITION_OUTCOMES["assign"] = outcomes(422, anonymous=401)
API_ROUTES += [
    Route(
        f"/api/v1/enquiries/{{enquiry_id}}/{name}",
        TRANSITION_OUTCOMES[name],
        kwargs=enquiry_api_id,
        method="post",
        data=data,
        html=False,
    )
    for name, data in _TRANSITIONS.items()
]


# D 6.5: an answer to another Member's enquiry about the roles' Member's ward, shared with them.


def shared_enquiry_pk(roles: Roles) -> dict[str, Any]:
    """An answered enquiry by another Member of the council, shared with the roles' Member."""
    from accord.core import clock
    from accord.councils.tests.factories import MemberFactory
    from accord.enquiries.models import Enquiry
    from accord.enquiries.tests.factories import SharedWithFactory

    enquiry = roles_enquiry(roles)
    enquiry.member = MemberFactory(council=roles.council, name="Sam Sharer")
    enquiry.state = Enquiry.State.ANSWERED
    enquiry.answer = "The round was collected on Tuesday."
    enquiry.answered_at = clock.now()
    enquiry.save()
    member_user = roles.user("member")
    assert member_user is not None
    SharedWithFactory(enquiry=enquiry, member=member_user.member)
    return {"pk": enquiry.pk, "enquiry_id": enquiry.pk}


SHARED_PAGE = outcomes(404, anonymous=302, member=200)
WEB_ROUTES += [
    Route("enquiries:shared", MEMBER_PAGE),
    Route(
        "enquiries:shared-detail", SHARED_PAGE, kwargs=lambda r: {"pk": shared_enquiry_pk(r)["pk"]}
    ),
]
API_ROUTES += [
    Route("/api/v1/shared-answers", SIGNED_IN_API, html=False),
    Route(
        "/api/v1/shared-answers/{enquiry_id}",
        outcomes(404, anonymous=401, member=200),
        kwargs=lambda r: {"enquiry_id": shared_enquiry_pk(r)["enquiry_id"]},
        html=False,
    ),
]


# Democratic services keep their council's enquiry categories and settings; anyone else gets a 404.
DEMOCRATIC_SERVICES_PAGE = outcomes(404, anonymous=302, democratic_services=200)


def roles_category(roles: Roles) -> dict[str, Any]:
    from accord.enquiries.tests.factories import CategoryFactory

    officer = roles.user("officer")
    assert officer is not None and officer.officer is not None
    category = CategoryFactory(
        council=roles.council, name="Fly-tipping", service=officer.officer.service
    )
    return {"slug": roles.council.slug, "pk": category.pk}


WEB_ROUTES += [
    Route("enquiries:categories", DEMOCRATIC_SERVICES_PAGE, kwargs=council_slug),
    Route("enquiries:category-add", DEMOCRATIC_SERVICES_PAGE, kwargs=council_slug),
    Route("enquiries:category-edit", DEMOCRATIC_SERVICES_PAGE, kwargs=roles_category),
    # An empty form: the page again with each field's error (400), for democratic services only.
    Route(
        "enquiries:category-add",
        outcomes(404, anonymous=302, democratic_services=400),
        kwargs=council_slug,
        method="post",
    ),
    Route("enquiries:settings", DEMOCRATIC_SERVICES_PAGE, kwargs=council_slug),
]

# The answer with files and a file added to the case are multipart forms: without one, every signed-in
# caller gets the validation error.
API_ROUTES += [
    Route(
        "/api/v1/enquiries/{enquiry_id}/attachment-add",
        outcomes(422, anonymous=401),
        kwargs=enquiry_api_id,
        method="post",
        html=False,
    ),
    Route(
        "/api/v1/enquiries/{enquiry_id}/answer-with-attachments",
        outcomes(422, anonymous=401),
        kwargs=enquiry_api_id,
        method="post",
        html=False,
    ),
]


# N 17 disputes over a document. The roles' council is a district council, whose protocol has no such
# procedure: every step is refused there with D 6.8's citation (400) for those who may see the dispute.


def roles_dispute(roles: Roles) -> Any:
    """A refusal recorded by the roles' Chief Officer (also the Head of Paid Service) for the roles' Member."""
    from accord.core import clock
    from accord.enquiries.models import InformationDispute

    member_user, chief_user = roles.user("member"), roles.user("chief_officer")
    assert member_user is not None and chief_user is not None
    now = clock.now()
    return InformationDispute.objects.create(
        council=roles.council,
        member=member_user.member,
        chief_officer=chief_user.officer,
        document="Contract file",
        declined_reason="Commercially confidential",
        created=now,
        updated=now,
    )


def dispute_pk(roles: Roles) -> dict[str, Any]:
    return {"pk": roles_dispute(roles).pk}


def dispute_step(roles: Roles) -> dict[str, Any]:
    return {**dispute_pk(roles), "action": "dispute"}


def dispute_api_id(roles: Roles) -> dict[str, Any]:
    return {"dispute_id": roles_dispute(roles).pk}


# The Member, the Chief Officer who declined, the Head of Paid Service, the Monitoring Officer and democratic
# services see a dispute; the officer and anyone of another council do not.
DISPUTE_PAGE = outcomes(200, anonymous=302, officer=404, other_council=404)
DISPUTE_STEP = outcomes(400, anonymous=302, officer=404, other_council=404)
CHIEF_OFFICER_PAGE = outcomes(404, anonymous=302, chief_officer=200)

WEB_ROUTES += [
    Route("enquiries:disputes", SIGNED_IN_PAGE),
    Route("enquiries:dispute-open", CHIEF_OFFICER_PAGE),
    Route(
        "enquiries:dispute-open",
        outcomes(404, anonymous=302, chief_officer=400),
        method="post",
        html=False,
    ),
    Route("enquiries:dispute", DISPUTE_PAGE, kwargs=dispute_pk),
    Route(
        "enquiries:dispute-action",
        DISPUTE_STEP,
        kwargs=dispute_step,
        method="post",
        data={"dispute-text": "I need it for the scrutiny meeting"},
        html=False,
    ),
]

_DISPUTE_STEPS: dict[str, dict[str, Any]] = {
    "dispute": {"grounds": "I need it for the scrutiny meeting"},
    "decide": {"entitled": True, "decision": "Needed for scrutiny"},
    "refer": {"reason": "Still unresolved"},
    "council-decide": {"entitled": False, "decision": "Council, minute 12"},
}
API_ROUTES += [
    Route("/api/v1/disputes", SIGNED_IN_API, html=False),
    # An empty body: every signed-in caller gets the validation error before any rule is asked.
    Route("/api/v1/disputes", outcomes(422, anonymous=401), method="post", html=False),
    Route(
        "/api/v1/disputes/{dispute_id}",
        outcomes(200, anonymous=401, officer=404, other_council=404),
        kwargs=dispute_api_id,
        html=False,
    ),
    *(
        Route(
            f"/api/v1/disputes/{{dispute_id}}/{name}",
            outcomes(400, anonymous=401, officer=404, other_council=404),
            kwargs=dispute_api_id,
            method="post",
            data=data,
            html=False,
        )
        for name, data in _DISPUTE_STEPS.items()
    ),
]


# E-mails to the enquiries address held for democratic services: theirs alone.


def roles_mail(roles: Roles) -> dict[str, Any]:
    """An e-mail from an unknown sender, held for the roles' democratic services."""
    from accord.core import clock
    from accord.enquiries.intake.models import IncomingMail

    mail = IncomingMail.objects.create(
        council=roles.council,
        message_id=f"<{IncomingMail.objects.count()}@example.invalid>",
        sender="someone@example.invalid",
        subject="Potholes",
        text="Please fix the potholes.",
        received_at=clock.now(),
        size=100,
        state=IncomingMail.State.HELD,
        reason="The sender's address is not the address of one of the council's Members.",
        created=clock.now(),
    )
    return {"pk": mail.pk}


WEB_ROUTES += [
    Route("enquiries:mail-queue", DEMOCRATIC_SERVICES_PAGE),
    Route("enquiries:mail", DEMOCRATIC_SERVICES_PAGE, kwargs=roles_mail),
    *(
        Route(
            name,
            outcomes(404, anonymous=302, democratic_services=400),
            kwargs=roles_mail,
            method="post",
            html=False,
        )
        for name in ("enquiries:mail-assign", "enquiries:mail-discard")
    ),
]


# Signing in (accord.accounts, allauth's pages under /account/). A council's identity provider is configured
# in the single sign-on tests; here no council has one, so its addresses are a 404.


def provider_id(roles: Roles) -> dict[str, Any]:
    return {"provider_id": roles.council.slug}


def no_such_key(roles: Roles) -> dict[str, Any]:
    return {"pk": 999999}


def reset_key(roles: Roles) -> dict[str, Any]:
    return {"uidb36": "1", "key": "not-a-real-key"}


def email_key(roles: Roles) -> dict[str, Any]:
    return {"key": "not-a-real-key"}


ANYONE_PAGE = outcomes(200)
EVERYONE_REDIRECTED = outcomes(302)
# Multi-factor pages that need a recent sign-in first (force_login is not one) or a factor set up first.
MFA_NOT_YET = outcomes(404, anonymous=302)
NOT_OFFERED = outcomes(404)

WEB_ROUTES += [
    Route("account_login", EVERYONE_REDIRECTED),
    Route("account-sign-in", EVERYONE_REDIRECTED),
    Route("account_logout", outcomes(200, anonymous=302)),
    Route("account_inactive", ANYONE_PAGE),
    Route("account_change_password", SIGNED_IN_PAGE),
    Route(
        "account_change_password",
        outcomes(200, anonymous=302),
        method="post",
        data={"oldpassword": "wrong", "password1": "x", "password2": "y"},
        html=False,
    ),
    Route("account_reauthenticate", SIGNED_IN_PAGE),
    Route("account_reset_password", ANYONE_PAGE),
    Route("account_reset_password_done", ANYONE_PAGE),
    Route("account_reset_password_from_key", ANYONE_PAGE, kwargs=reset_key),
    Route("account_reset_password_from_key_done", ANYONE_PAGE),
    Route("account_confirm_login_code", EVERYONE_REDIRECTED, html=False),
    Route("account_confirm_reauthentication_code", EVERYONE_REDIRECTED, html=False),
    Route("account_request_reauthentication_code", EVERYONE_REDIRECTED, html=False),
    Route("mfa_index", SIGNED_IN_PAGE),
    Route("mfa_list_webauthn", SIGNED_IN_PAGE),
    # Setting up or changing a factor asks for the password again first.
    *(
        Route(name, EVERYONE_REDIRECTED, html=False)
        for name in (
            "mfa_activate_totp",
            "mfa_add_webauthn",
            "mfa_authenticate",
            "mfa_generate_recovery_codes",
            "mfa_reauthenticate",
            "mfa_reauthenticate_webauthn",
        )
    ),
    Route("mfa_edit_webauthn", EVERYONE_REDIRECTED, kwargs=no_such_key, html=False),
    Route("mfa_remove_webauthn", EVERYONE_REDIRECTED, kwargs=no_such_key, html=False),
    Route("mfa_deactivate_totp", MFA_NOT_YET),
    Route("mfa_view_recovery_codes", MFA_NOT_YET),
    Route("mfa_download_recovery_codes", MFA_NOT_YET, html=False),
    Route("openid_connect_login", NOT_OFFERED, kwargs=provider_id),
    Route("openid_connect_callback", NOT_OFFERED, kwargs=provider_id),
    Route("sso-callback", NOT_OFFERED, kwargs=provider_id),
    Route("socialaccount_login_cancelled", ANYONE_PAGE),
    Route("socialaccount_login_error", outcomes(401), html=False),
    # allauth's pages that a council does for its people instead (accord.accounts.views).
    *(
        Route(name, NOT_OFFERED, html=False)
        for name in (
            "account_signup",
            "account_email",
            "account_email_verification_sent",
            "account_set_password",
            "socialaccount_connections",
            "socialaccount_signup",
            "not-offered-signup",
            "not-offered-email",
            "not-offered-confirm-email",
            "not-offered-password-set",
            "not-offered-connections",
            "not-offered-sso-signup",
        )
    ),
    Route("account_confirm_email", NOT_OFFERED, kwargs=email_key, html=False),
    Route("not-offered-confirm-email-key", NOT_OFFERED, kwargs=email_key, html=False),
]


# The security and access log (accord.securitylog): democratic services and the Monitoring Officer of the
# council read and export it; anyone else gets a 404.
SECURITY_LOG_PAGE = outcomes(
    404, anonymous=302, monitoring_officer=200, democratic_services=200, other_council=404
)
WEB_ROUTES += [
    Route("securitylog:log", SECURITY_LOG_PAGE, kwargs=council_slug),
    Route(
        "securitylog:log",
        SECURITY_LOG_PAGE,
        kwargs=council_slug,
        query="kind=sign-in&username=dem&date_from=2026-01-01&date_to=2026-12-31&page=2",
    ),
    # Bad filters: the page again, naming the fields (never a 500).
    Route(
        "securitylog:log",
        SECURITY_LOG_PAGE,
        kwargs=council_slug,
        query="kind=nonsense&date_from=2026-02-31&date_to=x",
    ),
    Route("securitylog:export", SECURITY_LOG_PAGE, kwargs=council_slug, html=False),
]


def _capability_routes() -> None:
    """Each later capability lists its own routes in `accord/<app>/tests/routes.py`.

    That module defines `WEB_ROUTES` and `API_ROUTES` (lists of `Route`), and may define `NOT_HTML`; it
    imports `Route`, `outcomes` and the shared shapes from here (all defined above this point).
    """
    import importlib
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "accord"
    for path in sorted(root.glob("*/tests/routes.py")):
        module = importlib.import_module(f"accord.{path.parent.parent.name}.tests.routes")
        WEB_ROUTES.extend(getattr(module, "WEB_ROUTES", []))
        API_ROUTES.extend(getattr(module, "API_ROUTES", []))
        NOT_HTML.update(getattr(module, "NOT_HTML", {}))


_capability_routes()

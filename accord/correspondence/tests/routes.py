"""Every correspondence, press, publicity, pre-election and information-request route, with what each role
must get from it (the route x role test and the browser's axe check read these)."""

from __future__ import annotations

from typing import Any

from conftest import Roles
from tests.routes import (
    COUNCIL_API,
    COUNCIL_PAGE,
    SIGNED_IN_API,
    SIGNED_IN_PAGE,
    Route,
    council_slug,
    outcomes,
)


def roles_letter(roles: Roles) -> Any:
    """A draft by the roles' Member, in their own name, to a constituent about a local matter (D 8.2)."""
    from accord.correspondence.tests.factories import letter_draft

    return letter_draft(roles.user("member"))


def roles_press(roles: Roles) -> Any:
    """A press enquiry logged by the roles' officer (D 10.7)."""
    from accord.correspondence.tests.factories import press_log

    return press_log(roles.user("officer"))


def roles_publicity(roles: Roles) -> Any:
    """A publicity request by the roles' Member."""
    from accord.correspondence.tests.factories import publicity_ask

    return publicity_ask(roles.user("member"))


def roles_information(roles: Roles) -> Any:
    """A Freedom of Information request logged by democratic services (D 8.3)."""
    from accord.correspondence.tests.factories import information_log

    return information_log(roles.user("democratic_services"))


def roles_support(roles: Roles) -> Any:
    """A support request by the roles' Member, for Council business (D 9)."""
    from accord.core.access import actor_for
    from accord.correspondence.services import support

    user = roles.user("member")
    assert user is not None
    return support.support_request_make(
        actor=actor_for(user),
        council=roles.council,
        kind="printing",
        details="50 copies of the ward newsletter's council notices",
        council_business=True,
    )


def letter_pk(roles: Roles) -> dict[str, Any]:
    return {"pk": roles_letter(roles).pk}


def press_pk(roles: Roles) -> dict[str, Any]:
    return {"pk": roles_press(roles).pk}


def publicity_pk(roles: Roles) -> dict[str, Any]:
    return {"pk": roles_publicity(roles).pk}


def information_pk(roles: Roles) -> dict[str, Any]:
    return {"pk": roles_information(roles).pk}


# The author, and those who see every case of the council (democratic services, who act as the
# Communications Team where none is named; Chief Officers; the Monitoring Officer).
LETTER_PAGE = outcomes(200, anonymous=302, officer=404, other_council=404)
PRESS_PAGE = outcomes(200, anonymous=302, member=404, other_council=404)
INFORMATION_PAGE = outcomes(404, anonymous=302, democratic_services=200, monitoring_officer=200)

WEB_ROUTES: list[Route] = [
    Route("correspondence:list", SIGNED_IN_PAGE),
    Route("correspondence:new", SIGNED_IN_PAGE),
    # An empty draft: the form again, each field's error named.
    Route("correspondence:new", outcomes(400, anonymous=302), method="post"),
    Route("correspondence:detail", LETTER_PAGE, kwargs=letter_pk),
    # Only the author sends their letter; anyone else is offered no such action.
    Route(
        "correspondence:action",
        outcomes(404, anonymous=302, member=302),
        kwargs=lambda r: {**letter_pk(r), "action": "send"},
        method="post",
        html=False,
    ),
    Route("correspondence:press-list", SIGNED_IN_PAGE),
    Route("correspondence:press-new", SIGNED_IN_PAGE),
    Route("correspondence:press-detail", PRESS_PAGE, kwargs=press_pk),
    # The Communications Team answers (D 10.7): an empty answer is the page again with its error.
    Route(
        "correspondence:press-action",
        outcomes(404, anonymous=302, democratic_services=400),
        kwargs=lambda r: {**press_pk(r), "action": "answer"},
        method="post",
        html=False,
    ),
    Route("correspondence:publicity-list", SIGNED_IN_PAGE),
    Route("correspondence:publicity-new", SIGNED_IN_PAGE),
    Route("correspondence:publicity-detail", LETTER_PAGE, kwargs=publicity_pk),
    Route(
        "correspondence:publicity-action",
        outcomes(404, anonymous=302, member=302),
        kwargs=lambda r: {**publicity_pk(r), "action": "withdraw"},
        method="post",
        data={"withdraw-text": "No longer needed"},
        html=False,
    ),
    Route("correspondence:information-list", INFORMATION_PAGE),
    Route("correspondence:information-new", INFORMATION_PAGE),
    Route("correspondence:information-detail", INFORMATION_PAGE, kwargs=information_pk),
    Route("correspondence:information-bundle", INFORMATION_PAGE, kwargs=information_pk, html=False),
    Route(
        "correspondence:information-answer",
        outcomes(404, anonymous=302, democratic_services=400, monitoring_officer=400),
        kwargs=information_pk,
        method="post",
        html=False,
    ),
    Route("correspondence:periods", COUNCIL_PAGE, kwargs=council_slug),
    # D 9: the roles' council has uploaded no agreement, so nobody is asked to accept one.
    Route("correspondence:ict-agreement", SIGNED_IN_PAGE),
    Route("correspondence:support", SIGNED_IN_PAGE),
    Route(
        "correspondence:support-decide",
        outcomes(404, anonymous=302, democratic_services=302),
        kwargs=lambda r: {"pk": roles_support(r).pk},
        method="post",
        data={"decision": "provide", "note": ""},
        html=False,
    ),
]


def letter_id(roles: Roles) -> dict[str, Any]:
    pk = roles_letter(roles).pk
    return {"correspondence_id": pk, "case_id": pk}


def press_id(roles: Roles) -> dict[str, Any]:
    pk = roles_press(roles).pk
    return {"press_enquiry_id": pk, "case_id": pk}


def publicity_id(roles: Roles) -> dict[str, Any]:
    pk = roles_publicity(roles).pk
    return {"publicity_id": pk, "case_id": pk}


def information_id(roles: Roles) -> dict[str, Any]:
    return {"request_id": roles_information(roles).pk}


LETTER_API = outcomes(200, anonymous=401, officer=404, other_council=404)
PRESS_API = outcomes(200, anonymous=401, member=404, other_council=404)
# An action the caller may see but not take now: a 400 with its citations.
LETTER_AUTHOR_API = outcomes(400, anonymous=401, member=200, officer=404, other_council=404)
PRESS_TEAM_API = outcomes(
    400, anonymous=401, democratic_services=200, member=404, other_council=404
)
INFORMATION_API = outcomes(404, anonymous=401, democratic_services=200, monitoring_officer=200)
EMPTY_BODY = outcomes(422, anonymous=401)

API_ROUTES: list[Route] = [
    Route("/api/v1/correspondence", SIGNED_IN_API, html=False),
    Route("/api/v1/correspondence", EMPTY_BODY, method="post", html=False),
    Route("/api/v1/correspondence/{correspondence_id}", LETTER_API, kwargs=letter_id, html=False),
    Route(
        "/api/v1/correspondence/{case_id}/send",
        LETTER_AUTHOR_API,
        kwargs=letter_id,
        method="post",
        html=False,
    ),
    Route(
        "/api/v1/correspondence/{case_id}/withdraw",
        LETTER_AUTHOR_API,
        kwargs=letter_id,
        method="post",
        data={"reason": "Not needed"},
        html=False,
    ),
    # Officer 0 is no officer: a 422 for the field before any rule is asked.
    Route(
        "/api/v1/correspondence/{case_id}/advice-request",
        EMPTY_BODY,
        kwargs=letter_id,
        method="post",
        data={"officer_id": 0, "question": "Is this all right?"},
        html=False,
    ),
    # Nobody has been asked for advice on a new draft.
    Route(
        "/api/v1/correspondence/{case_id}/advice-give",
        outcomes(400, anonymous=401, officer=404, other_council=404),
        kwargs=letter_id,
        method="post",
        data={"advice": "Fine."},
        html=False,
    ),
    Route("/api/v1/press-enquiries", SIGNED_IN_API, html=False),
    Route("/api/v1/press-enquiries", EMPTY_BODY, method="post", html=False),
    Route("/api/v1/press-enquiries/{press_enquiry_id}", PRESS_API, kwargs=press_id, html=False),
    Route(
        "/api/v1/press-enquiries/{case_id}/answer",
        PRESS_TEAM_API,
        kwargs=press_id,
        method="post",
        data={"response": "A statement."},
        html=False,
    ),
    Route(
        "/api/v1/press-enquiries/{case_id}/close",
        PRESS_TEAM_API,
        kwargs=press_id,
        method="post",
        data={"reason": "Duplicate."},
        html=False,
    ),
    Route("/api/v1/publicity", SIGNED_IN_API, html=False),
    Route("/api/v1/publicity", EMPTY_BODY, method="post", html=False),
    Route("/api/v1/publicity/{publicity_id}", LETTER_API, kwargs=publicity_id, html=False),
    Route(
        "/api/v1/publicity/{case_id}/review",
        outcomes(400, anonymous=401, democratic_services=200, officer=404, other_council=404),
        kwargs=publicity_id,
        method="post",
        data={"decision": "decline", "note": "Not Council business."},
        html=False,
    ),
    Route(
        "/api/v1/publicity/{case_id}/withdraw",
        LETTER_AUTHOR_API,
        kwargs=publicity_id,
        method="post",
        data={"reason": "Not needed"},
        html=False,
    ),
    Route(
        "/api/v1/councils/{slug}/pre-election-periods",
        COUNCIL_API,
        kwargs=council_slug,
        html=False,
    ),
    Route("/api/v1/information-requests", SIGNED_IN_API, html=False),
    Route("/api/v1/information-requests", EMPTY_BODY, method="post", html=False),
    Route(
        "/api/v1/information-requests/{request_id}",
        INFORMATION_API,
        kwargs=information_id,
        html=False,
    ),
    Route(
        "/api/v1/information-requests/{request_id}/answer",
        INFORMATION_API,
        kwargs=information_id,
        method="post",
        data={"response": "Enclosed."},
        html=False,
    ),
    Route("/api/v1/ict-agreement", SIGNED_IN_API, html=False),
    Route("/api/v1/ict-agreement/accept", outcomes(404, anonymous=401), method="post", html=False),
    Route("/api/v1/support-requests", SIGNED_IN_API, html=False),
    Route("/api/v1/support-requests", EMPTY_BODY, method="post", html=False),
    # Democratic services decide; the Member who asked sees it but may not decide (400).
    Route(
        "/api/v1/support-requests/{support_id}/decide",
        outcomes(404, anonymous=401, democratic_services=200, member=400),
        kwargs=lambda r: {"support_id": roles_support(r).pk},
        method="post",
        data={"decision": "provide"},
        html=False,
    ),
]

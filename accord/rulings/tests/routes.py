"""The pages and API operations of questions about the protocol and rulings (D 1.3, D 1.4, D 12).

The roles' Member asks a question: it goes to the Monitoring Officer, and only the two of them see it.
Rulings are the council's: everyone of it reads them; only the Monitoring Officer records one.
"""

from __future__ import annotations

from typing import Any

from conftest import Roles
from tests.routes import COUNCIL_PAGE, SIGNED_IN_API, SIGNED_IN_PAGE, Route, outcomes


def roles_question(roles: Roles) -> Any:
    from accord.core.access import actor_for
    from accord.rulings import services

    member = roles.user("member")
    assert member is not None
    return services.question_ask(
        actor=actor_for(member),
        question="May I forward an officer's e-mail to a constituent?",
        paragraph="8.2",
    )


def roles_ruling(roles: Roles) -> Any:
    from accord.core.access import actor_for
    from accord.rulings import services

    monitoring = roles.user("monitoring_officer")
    assert monitoring is not None
    return services.ruling_record(
        actor=actor_for(monitoring),
        paragraph="6.3",
        interpretation="A reply that only acknowledges receipt is not a substantive response.",
    )


def question_pk(roles: Roles) -> dict[str, Any]:
    return {"pk": roles_question(roles).pk}


def question_api_id(roles: Roles) -> dict[str, Any]:
    return {"question_id": roles_question(roles).pk}


def with_ruling(roles: Roles) -> dict[str, Any]:
    roles_ruling(roles)
    return {}


ASKED = outcomes(404, anonymous=302, member=200, monitoring_officer=200)
MONITORING_ONLY = outcomes(404, anonymous=302, monitoring_officer=200)

WEB_ROUTES = [
    # The protocol page with a ruling beside paragraph 6.3 (D 12).
    Route(
        "web:protocol",
        COUNCIL_PAGE,
        kwargs=lambda roles: {**with_ruling(roles), "slug": roles.council.slug},
    ),
    Route(
        "rulings:list",
        COUNCIL_PAGE,
        kwargs=lambda roles: {**with_ruling(roles), "slug": roles.council.slug},
    ),
    Route("rulings:record", MONITORING_ONLY),
    # A ruling to supersede that is not the council's: not found, for the Monitoring Officer too.
    Route("rulings:record", outcomes(404, anonymous=302), query="supersedes=999999", html=False),
    Route(
        "rulings:record",
        outcomes(404, anonymous=302, monitoring_officer=400),
        method="post",
        html=False,
    ),
    Route("rulings:questions", SIGNED_IN_PAGE),
    Route("rulings:ask", SIGNED_IN_PAGE),
    Route("rulings:ask", outcomes(400, anonymous=302), method="post", html=False),
    Route("rulings:question", ASKED, kwargs=question_pk),
    Route(
        "rulings:question-action",
        outcomes(404, anonymous=302, monitoring_officer=302),
        kwargs=lambda roles: {**question_pk(roles), "action": "answer"},
        method="post",
        data={"answer-text": "Yes, if it holds no personal data."},
        html=False,
    ),
]

API_ROUTES = [
    Route("/api/v1/rulings", SIGNED_IN_API, kwargs=with_ruling, html=False),
    Route(
        "/api/v1/rulings",
        outcomes(400, anonymous=401, monitoring_officer=201),
        method="post",
        data={"paragraph": "6.3", "interpretation": "Working days exclude closure days."},
        html=False,
    ),
    Route("/api/v1/questions", SIGNED_IN_API, html=False),
    Route(
        "/api/v1/questions",
        # The Member asks the Monitoring Officer, the officer their line manager; the others have no one
        # recorded above them, and Norfolk's protocol names no one (a 400 with the reason).
        outcomes(400, anonymous=401, member=201, officer=201),
        method="post",
        data={"question": "Who approves a group briefing?"},
        html=False,
    ),
    Route(
        "/api/v1/questions/{question_id}",
        outcomes(404, anonymous=401, member=200, monitoring_officer=200),
        kwargs=question_api_id,
        html=False,
    ),
    Route(
        "/api/v1/questions/{question_id}/answer",
        outcomes(404, anonymous=401, member=400, monitoring_officer=200),
        kwargs=question_api_id,
        method="post",
        data={"answer": "Yes."},
        html=False,
    ),
    Route(
        "/api/v1/questions/{question_id}/refer",
        outcomes(404, anonymous=401, member=400, monitoring_officer=400),
        kwargs=question_api_id,
        method="post",
        data={"note": ""},
        html=False,
    ),
]

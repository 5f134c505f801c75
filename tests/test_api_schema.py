"""The API walked from its OpenAPI document: every operation, as a signed-in user with a token, never answers
5xx and never a status or a body its document does not promise (schemathesis, a bounded number of examples
per operation so the suite stays fast)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from accord.api.inputs import MAX_ID
from accord.api.services import api_token_create
from accord.api.urls import api
from accord.enquiries.tests.factories import CategoryFactory, EnquiryFactory
from conftest import Roles

EXAMPLES = 8
SLUG = re.compile(r"[-a-zA-Z0-9_]{1,50}")
# "A request the document allows is accepted" cannot hold: an id must name a row of the caller's council
# and a date lie in 2000-2100, limits JSON Schema states (minimum, formatMinimum) but generators ignore.
NOT_EXPRESSIBLE = [schemathesis.checks.positive_data_acceptance]
schema = schemathesis.openapi.from_dict(api.get_openapi_schema())
schema.app = get_wsgi_application()


@pytest.fixture
def connection_kept() -> Iterator[None]:
    """The WSGI app closes the database connection at the end of each request, which would end the test's
    transaction on PostgreSQL; Django's own test client holds the same signal back the same way."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@pytest.fixture
def token(roles: Roles) -> str:
    """Democratic services' token: the role that may use every operation of its council."""
    user = roles.user("democratic_services")
    assert user is not None
    return api_token_create(user=user, name="schema walk")[1]


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_no_operation_answers_5xx_or_off_its_document(
    case: Any, roles: Roles, token: str, connection_kept: None
) -> None:
    # A valid slug or id becomes the council's own, or a case of its own, so requests reach past "not
    # found" to the handlers; an invalid one (a request meant to break the rules) is sent as generated.
    path = case.path_parameters or {}
    if isinstance(path.get("slug"), str) and SLUG.fullmatch(path["slug"]):
        case.path_parameters["slug"] = roles.council.slug
    if isinstance(path.get("enquiry_id"), int) and 1 <= path["enquiry_id"] <= MAX_ID:
        officer = roles.user("officer").officer  # type: ignore[union-attr]
        category = CategoryFactory(council=roles.council, service=officer.service)
        case.path_parameters["enquiry_id"] = EnquiryFactory(
            council=roles.council, category=category
        ).pk
    case.call_and_validate(
        headers={"Authorization": f"Bearer {token}"},
        excluded_checks=NOT_EXPRESSIBLE,
        # A real server always gives the caller's address; the sign-in throttle counts by it.
        environ_overrides={"REMOTE_ADDR": "127.0.0.1"},
    )

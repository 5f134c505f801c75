"""The OpenAPI document states every status, limit and format the API keeps, so a generated client works."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from conftest import Roles

BASE = "/api/v1"


@pytest.fixture
def document() -> dict[str, Any]:
    return Client().get(f"{BASE}/openapi.json").json()


def operations(document: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (method, path, op) for path, ops in document["paths"].items() for method, op in ops.items()
    ]


def test_every_operation_states_its_error_statuses(document: dict[str, Any]) -> None:
    for method, path, op in operations(document):
        responses = op["responses"]
        assert "401" in responses, (method, path)
        if op.get("parameters") or "requestBody" in op:
            assert responses["422"]["content"]["application/json"]["schema"] == {
                "$ref": "#/components/schemas/InvalidOut"
            }, (method, path)
        if "{" in path:
            assert "404" in responses, (method, path)
        if method == "post":
            assert {"400", "403"} <= set(responses), (method, path)
    invalid = document["components"]["schemas"]["InvalidOut"]
    assert {"detail", "citations", "errors"} <= set(invalid["properties"])


def schema_of(document: dict[str, Any], name: str) -> dict[str, Any]:
    return document["components"]["schemas"][name]["properties"]


def test_limits_and_formats_are_in_the_document(document: dict[str, Any]) -> None:
    raised = schema_of(document, "EnquiryIn")
    assert raised["subject"]["maxLength"] == 200
    assert raised["constituent_contact"]["maxLength"] == 200
    assert "\\u0000-\\u001f" in raised["subject"]["pattern"]
    assert "maxLength" not in raised["details"] and "\\u000b" in raised["details"]["pattern"]
    assert raised["category_id"]["minimum"] == 1
    holding = schema_of(document, "HoldingReplyIn")
    assert "maxLength" not in holding["reason"] and "\\u000b" in holding["reason"]["pattern"]
    assert holding["new_due_date"]["formatMinimum"] == "2000-01-01"
    assert holding["new_due_date"]["formatMaximum"] == "2100-12-31"
    listing = document["paths"][f"{BASE}/enquiries"]["get"]["parameters"]
    received_to = next(p for p in listing if p["name"] == "received_to")
    assert "2100" in str(received_to["schema"])


def test_a_post_without_its_csrf_token_is_403_in_the_error_format(roles: Roles) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(roles.user("member"))  # type: ignore[arg-type]
    response = client.post(f"{BASE}/enquiries", {}, content_type="application/json")
    assert response.status_code == 403
    assert response.json() == {"detail": "CSRF check Failed", "citations": []}


def test_an_over_large_body_is_refused_in_the_error_format(roles: Roles) -> None:
    client = Client()
    client.force_login(roles.user("democratic_services"))  # type: ignore[arg-type]
    response = client.post(
        f"{BASE}/enquiries",
        {"subject": "x", "details": "x" * 3_000_000},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == {"detail": "The request body is too large", "citations": []}

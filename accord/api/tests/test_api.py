"""The JSON API: shapes, authentication, council scoping and the one error format."""

from __future__ import annotations

import pytest
from django.test import Client

from accord.accounts.models import User
from accord.api.services import api_token_create, api_token_revoke
from accord.councils.tests import factories as f
from conftest import Roles

BASE = "/api/v1"
COUNCIL_READS = (
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


def session(user: User | None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def test_openapi_is_published_and_lists_every_route() -> None:
    response = Client().get(f"{BASE}/openapi.json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    assert f"{BASE}/councils/{{slug}}/calendar/due" in paths
    assert f"{BASE}/calendar/due" in paths
    assert Client().get(f"{BASE}/docs").status_code == 404


@pytest.mark.parametrize("suffix", COUNCIL_READS)
def test_anonymous_gets_401_in_the_error_format(roles: Roles, suffix: str) -> None:
    response = Client().get(f"{BASE}/councils/testshire{suffix}")
    assert response.status_code == 401
    assert set(response.json()) == {"detail", "citations"}


@pytest.mark.parametrize("suffix", COUNCIL_READS)
def test_another_councils_records_are_not_found(roles: Roles, suffix: str) -> None:
    response = session(roles.user("other_council")).get(f"{BASE}/councils/testshire{suffix}")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found", "citations": []}


def test_council_list_is_the_callers_own(roles: Roles) -> None:
    body = session(roles.user("member")).get(f"{BASE}/councils").json()
    assert [c["slug"] for c in body] == ["testshire"]
    assert body[0] == {
        "slug": "testshire",
        "name": "Testshire District Council",
        "nation": "england",
        "profile": "district",
        "area_noun": "ward",
    }


def test_platform_admin_sees_every_council(roles: Roles) -> None:
    admin = User.objects.create_superuser("root", "root@example.org", "a-long-password")
    body = session(admin).get(f"{BASE}/councils").json()
    assert {c["slug"] for c in body} == {"testshire", "otherton"}
    assert session(admin).get(f"{BASE}/councils/otherton/members").status_code == 200


def test_areas_members_and_officers_shapes(roles: Roles) -> None:
    client = session(roles.user("officer"))
    areas = client.get(f"{BASE}/councils/testshire/areas").json()
    assert areas[0]["name"] == "Abbey"
    assert [m["name"] for m in areas[0]["members"]] == ["Alex Member"]
    members = client.get(f"{BASE}/councils/testshire/members").json()
    assert members[0]["areas"] == ["Abbey"]
    assert "Olive Other" not in {m["name"] for m in members}
    officers = {o["name"]: o for o in client.get(f"{BASE}/councils/testshire/officers").json()}
    assert officers["Olu Officer"]["line_manager"]["name"] == "Chris Chief"
    assert officers["Morgan Monitoring"]["statutory_roles"] == [
        {"role": "monitoring-officer", "title": "Monitoring Officer"}
    ]
    services = client.get(f"{BASE}/councils/testshire/services").json()
    assert [s["name"] for s in services] == ["Waste and Recycling"]


def test_groups_committees_and_closure_days(roles: Roles) -> None:
    import datetime as dt

    roles.council.closure_days.create(date=dt.date(2025, 12, 29), reason="Office closed")
    f.PoliticalGroupFactory(council=roles.council, name="Green Group")
    client = session(roles.user("member"))
    groups = client.get(f"{BASE}/councils/testshire/groups").json()
    assert "Green Group" in {g["name"] for g in groups}
    assert client.get(f"{BASE}/councils/testshire/committees").json() == []
    assert client.get(f"{BASE}/councils/testshire/closure-days").json() == [
        {"date": "2025-12-29", "reason": "Office closed"}
    ]


@pytest.mark.cites("D 6.3")
def test_protocol_lists_paragraphs_with_state_and_rules(roles: Roles) -> None:
    body = session(roles.user("member")).get(f"{BASE}/councils/testshire/protocol").json()
    assert body["profile"] == "district"
    by_label = {p["label"]: p for p in body["paragraphs"]}
    assert by_label["D 6.3"]["state"] == "rule"
    assert "enquiry.response-deadline" in {r["id"] for r in by_label["D 6.3"]["rules"]}
    assert "five working days" in by_label["D 6.3"]["text"]


@pytest.mark.cites("D 6.3")
def test_council_due_date_over_christmas_cites_d_6_3(roles: Roles) -> None:
    response = session(roles.user("member")).get(
        f"{BASE}/councils/testshire/calendar/due",
        {"from": "2025-12-19T10:00:00+00:00", "working_days": "5"},
    )
    body = response.json()
    assert response.status_code == 200
    assert body["day_zero"] == "2025-12-19"
    assert body["due"] == "2025-12-30"
    assert body["working_days"] == 5
    assert {"date": "2025-12-25", "reason": "Christmas Day"} in body["skipped"]
    assert "D 6.3" in [c["label"] for c in body["citations"]]


def test_nation_due_date_needs_no_council(roles: Roles) -> None:
    response = session(roles.user("officer")).get(
        f"{BASE}/calendar/due", {"nation": "scotland", "from": "2025-12-31", "working_days": "1"}
    )
    body = response.json()
    assert response.status_code == 200
    # 1 and 2 January are Scottish bank holidays.
    assert body["due"] == "2026-01-05"
    assert body["citations"] == []


@pytest.mark.parametrize(
    ("query", "status", "names"),
    [
        ({"nation": "atlantis", "from": "2025-12-19", "working_days": "5"}, 422, "nation"),
        ({"nation": "england", "from": "yesterday", "working_days": "5"}, 422, "from"),
        ({"nation": "england", "from": "9999-12-31", "working_days": "5"}, 422, "from"),
        ({"nation": "england", "from": "0001-01-01T00:00", "working_days": "5"}, 422, "from"),
        ({"nation": "england", "from": "2025-12-19", "working_days": "five"}, 422, "working_days"),
        ({"nation": "england", "from": "2025-12-19", "working_days": "-1"}, 422, "working_days"),
        ({"nation": "england", "working_days": "5"}, 422, "from"),
    ],
)
def test_bad_input_names_the_parameter(
    roles: Roles, query: dict[str, str], status: int, names: str
) -> None:
    response = session(roles.user("member")).get(f"{BASE}/calendar/due", query)
    assert response.status_code == status
    assert response.json()["detail"].startswith(names)


def test_a_valid_token_authenticates_and_records_use(roles: Roles) -> None:
    user = roles.user("member")
    assert user is not None
    token, plaintext = api_token_create(user=user, name="reporting")
    assert token.token_hash != plaintext and plaintext.startswith(token.prefix)
    response = Client().get(f"{BASE}/councils", HTTP_AUTHORIZATION=f"Bearer {plaintext}")
    assert response.status_code == 200
    assert [c["slug"] for c in response.json()] == ["testshire"]
    token.refresh_from_db()
    assert token.last_used is not None
    other = Client().get(f"{BASE}/councils/otherton", HTTP_AUTHORIZATION=f"Bearer {plaintext}")
    assert other.status_code == 404


def test_revoked_and_wrong_tokens_are_refused(roles: Roles) -> None:
    user = roles.user("member")
    assert user is not None
    token, plaintext = api_token_create(user=user, name="old")
    api_token_revoke(token=token)
    for value in (plaintext, plaintext[:-1] + "x", "accord_nonsense", ""):
        response = Client().get(f"{BASE}/councils", HTTP_AUTHORIZATION=f"Bearer {value}")
        assert response.status_code == 401, value

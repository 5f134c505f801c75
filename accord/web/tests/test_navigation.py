"""The navigation leads each role to the Members' enquiries pages it can use, and to no others."""

from __future__ import annotations

import pytest
from django.test import Client

from conftest import Roles


@pytest.mark.parametrize(
    ("role", "present", "absent"),
    [
        (
            "member",
            ["/enquiries/", "/councils/testshire/enquiries/report/"],
            ["/enquiries/queue/", '/councils/testshire/enquiries/"'],
        ),
        ("officer", ["/enquiries/queue/"], ['/councils/testshire/enquiries/"']),
        ("democratic_services", ["/enquiries/", '/councils/testshire/enquiries/"'], []),
        ("chief_officer", ["/enquiries/queue/", '/councils/testshire/enquiries/"'], []),
        ("other_council", ["/councils/otherton/enquiries/report/"], ["testshire"]),
    ],
)
def test_navigation_links_follow_the_role(
    role: str, present: list[str], absent: list[str], roles: Roles
) -> None:
    client = Client()
    client.force_login(roles.user(role))
    page = client.get("/").content.decode()
    for href in present:
        assert f'href="{href}' in page, href
    for href in absent:
        assert f'href="{href}' not in page and href not in page.split("<main")[0], href

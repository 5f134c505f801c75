"""The case page's "Messages to the Member" (D 6.1), with messages queued, sent and failing: 0 axe violations."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page

from accord.core.access import actor_for
from accord.enquiries.models import Enquiry
from accord.enquiries.services import enquiry_claim, enquiry_submit
from accord.enquiries.tests.factories import CategoryFactory
from accord.notifications.models import OutboxMessage
from conftest import make_roles
from tests.browser.conftest import PageProblems, axe_violations


@pytest.mark.cites("D 6.1")
@pytest.mark.parametrize("role", ["member", "officer", "democratic_services"])
def test_messages_to_the_member_on_the_case_page_pass_axe(
    role: str,
    transactional_db: None,
    live_server: object,
    sign_in: Callable[[object | None], Page],
) -> None:
    roles = make_roles()
    member_user, officer_user = roles.user("member"), roles.user("officer")
    assert member_user is not None and officer_user is not None
    service = officer_user.officer.service  # type: ignore[union-attr]
    enquiry = enquiry_submit(
        actor=actor_for(member_user),
        member=member_user.member,  # type: ignore[arg-type]
        subject="Missed bins on Abbey Road",
        details="Three houses were missed on Monday.",
        category=CategoryFactory(council=roles.council, name="Bins", service=service),
        capacity=Enquiry.Capacity.WARD_CASEWORK,
    )
    enquiry_claim(actor=actor_for(officer_user), enquiry_id=enquiry.pk)
    to_member = OutboxMessage.objects.filter(recipient=member_user.member.email)  # type: ignore[union-attr]
    to_member.filter(template="enquiry_acknowledged").update(status="sent")
    to_member.filter(template="enquiry_assigned").update(last_error="Connection refused")

    page = sign_in(roles.user(role))
    problems = PageProblems(page)
    page.goto(f"{live_server.url}/enquiries/{enquiry.pk}/")  # type: ignore[attr-defined]
    section = page.locator("table", has=page.locator("caption", has_text="Messages to the Member"))
    assert section.locator("tbody tr").count() == 2
    text = section.inner_text()
    assert "Sent" in text and "Failed — retrying" in text
    assert "D 6.1" in page.inner_text("main")
    assert axe_violations(page) == []
    assert problems.errors == []

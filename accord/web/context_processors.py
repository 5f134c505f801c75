from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse


def _enquiry_links(user: Any) -> list[tuple[str, str]]:
    """The Members' enquiries pages this person can use, for the navigation."""
    from accord.core.access import actor_for, is_monitoring_officer
    from accord.enquiries.access import sees_whole_council
    from accord.enquiries.dispute_access import disputes_in_nav

    actor = actor_for(user)
    if actor.council_id is None or user.council is None:
        return []
    links = []
    if actor.member is not None:
        links.append(("Enquiries", reverse("enquiries:mine")))
    if actor.member is not None:
        links.append(("Shared with me", reverse("enquiries:shared")))
    if actor.is_democratic_services:
        links.append(("Log an enquiry", reverse("enquiries:raise")))
        links.append(("E-mails", reverse("enquiries:mail-queue")))
    if actor.officer is not None:
        links.append(("My queue", reverse("enquiries:queue")))
    if is_monitoring_officer(actor):
        links.append(("Monitoring Officer", reverse("enquiries:monitoring-officer-queue")))
    if sees_whole_council(actor):
        links.append(
            ("All enquiries", reverse("enquiries:all", kwargs={"slug": user.council.slug}))
        )
    links.append(("Report", reverse("enquiries:report", kwargs={"slug": user.council.slug})))
    if disputes_in_nav(actor, user.council):
        links.append(("Disputes", reverse("enquiries:disputes")))
    return links


def accord(request: HttpRequest) -> dict[str, Any]:
    """The service name, and the signed-in person's council and pages for the navigation."""
    user = getattr(request, "user", None)
    nav_council = None
    nav_links: list[tuple[str, str]] = []
    if user is not None and user.is_authenticated:
        nav_council = user.council
        nav_links = _enquiry_links(user)
    return {"service_name": "Accord", "nav_council": nav_council, "nav_links": nav_links}

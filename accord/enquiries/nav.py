"""The Members' enquiries pages a person can use, for the navigation (registered with `accord.cases.nav`)."""

from __future__ import annotations

from django.urls import reverse

from accord.core.access import Actor, is_monitoring_officer
from accord.councils.models import Council
from accord.enquiries.access import sees_whole_council
from accord.enquiries.dispute_access import disputes_in_nav


def enquiry_nav_links(actor: Actor, council: Council) -> list[tuple[str, str]]:
    """(label, url) for each enquiries page the actor may use at their council: a Member's own enquiries and
    shared answers (D 6.5), an officer's queue, the Monitoring Officer's, the council's list, the KPI and
    the N 17 disputes where the protocol has them."""
    links = []
    if actor.member is not None:
        links.append(("Enquiries", reverse("enquiries:mine")))
        links.append(("Shared with me", reverse("enquiries:shared")))
    if actor.is_democratic_services:
        links.append(("Log an enquiry", reverse("enquiries:raise")))
        links.append(("E-mails", reverse("enquiries:mail-queue")))
    if actor.officer is not None:
        links.append(("My queue", reverse("enquiries:queue")))
    if is_monitoring_officer(actor):
        links.append(("Monitoring Officer", reverse("enquiries:monitoring-officer-queue")))
    if sees_whole_council(actor):
        links.append(("All enquiries", reverse("enquiries:all", kwargs={"slug": council.slug})))
    links.append(("Report", reverse("enquiries:report", kwargs={"slug": council.slug})))
    if disputes_in_nav(actor, council):
        links.append(("Disputes", reverse("enquiries:disputes")))
    return links

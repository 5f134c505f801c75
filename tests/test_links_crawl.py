"""No link leads nowhere: every page as every demo role, following every same-site link.

The demo councils (a district and a county, each with a year of enquiries, disputes and e-mails) are loaded,
then each demo sign-in, and the platform administrator, starts at their home page and follows links
breadth-first with GET alone. Any link that answers 404 or 500 fails the test, listed as page -> link.
Sign-out (a POST form, never a link) is not a link here; a download (any answer that is not HTML) is
checked for its status but not read for links. To keep the crawl bounded, at most `PER_PATTERN_CHECKED`
distinct addresses of one URL pattern are requested (a list's sort and filter links, a case page per case)
and at most `PER_PATTERN_READ` of them read for more links: every kind of link is tried, not every instance.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from django.test import Client
from django.urls import Resolver404, resolve, reverse

from accord.accounts.models import User
from accord.demo.services import demo_load
from conftest import Roles

PER_PATTERN_READ = 2
PER_PATTERN_CHECKED = 5
MAX_REQUESTS = 200
BROKEN = (404, 500)
DJANGO_ADMIN = "/admin/"


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            href = dict(attrs).get("href")
            if href is not None:
                self.hrefs.append(href)


def links_of(html: str, base: str) -> list[str]:
    """The same-site addresses (path and query, no fragment) the page's `<a href>`s lead to.

    An empty href or `#` alone is kept as the page itself with a marker, so a link to nowhere is caught.
    """
    parser = _Links()
    parser.feed(html)
    found = []
    for href in parser.hrefs:
        if href.strip() in ("", "#"):
            found.append("#")
            continue
        parts = urlsplit(urljoin(base, href))
        if parts.scheme not in ("", "http") or parts.netloc not in ("", "testserver"):
            continue
        found.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return found


def _pattern(address: str) -> str:
    try:
        match = resolve(urlsplit(address).path)
    except Resolver404:
        return address
    return match.view_name or match.route


@dataclass
class Crawl:
    """What one role's crawl found: broken links as (page, link, status), and how many pages it read."""

    broken: list[tuple[str, str, int]] = field(default_factory=list)
    read: int = 0


def crawl(client: Client, start: str = "/") -> Crawl:
    """Breadth-first from `start`: request each same-site link once (within the bounds), read pages for more."""
    result = Crawl()
    queue: deque[tuple[str, str]] = deque([("(start)", start)])
    seen: set[str] = {start}
    read: dict[str, int] = {}
    checked: dict[str, int] = {}
    requests = 0
    while queue and requests < MAX_REQUESTS:
        page, address = queue.popleft()
        response = client.get(address)
        requests += 1
        if response.status_code in BROKEN:
            result.broken.append((page, address, response.status_code))
            continue
        if response.status_code in (301, 302):
            target = urljoin(address, response["Location"])
            if target not in seen:
                seen.add(target)
                queue.append((address, target))
            continue
        if not response.get("Content-Type", "").startswith("text/html"):
            continue
        pattern = _pattern(address)
        read[pattern] = read.get(pattern, 0) + 1
        if read[pattern] > PER_PATTERN_READ:
            continue
        result.read += 1
        for link in links_of(response.content.decode(), address):
            if link == "#":
                if not address.startswith(DJANGO_ADMIN):  # the admin's own script-driven controls
                    result.broken.append((address, "href='#' (a link to nowhere)", 0))
                continue
            if link in seen or "sign-out" in link or "logout" in link:
                continue
            seen.add(link)
            pattern = _pattern(link)
            checked[pattern] = checked.get(pattern, 0) + 1
            if checked[pattern] <= PER_PATTERN_CHECKED:
                queue.append((address, link))
    return result


@pytest.mark.django_db
def test_no_link_as_any_demo_role_answers_404_or_500() -> None:
    logins = demo_load()
    assert len(logins) > 10
    failures = []
    for login in logins:
        client = Client(raise_request_exception=False)
        client.force_login(User.objects.get(username=login.username))
        found = crawl(client)
        assert found.read > 3, f"{login.username} read only {found.read} pages"
        failures += [
            f"{login.username}: {page} -> {link} ({status})" for page, link, status in found.broken
        ]
    assert not failures, "links that lead nowhere:\n" + "\n".join(failures)


def test_the_crawl_reports_a_broken_link() -> None:
    """The crawler itself: a link to nowhere is found (so the test above can fail)."""
    html = '<a href="/no-such-page/">x</a><a href="#">y</a><a href="https://example.org/">z</a>'
    assert links_of(html, "/") == ["/no-such-page/", "#"]


@pytest.mark.cites("D 6.3")
def test_democratic_services_are_led_to_raising_an_enquiry_on_a_members_behalf(
    roles: Roles,
) -> None:
    client = Client()
    client.force_login(roles.user("democratic_services"))  # type: ignore[arg-type]
    raise_url = reverse("enquiries:raise")
    for url in (reverse("web:home"), reverse("enquiries:all", args=[roles.council.slug])):
        assert raise_url in links_of(client.get(url).content.decode(), url), url
    page = client.get(raise_url).content.decode()
    assert 'name="member"' in page  # democratic services choose the Member they act for

"""Who is asking, and fetch-and-authorise in one step.

Every view and API operation turns the signed-in user into an `Actor` and reads council objects through
functions such as `council_for`, which return the object or raise `Http404`. Another council's object, or one
the actor's role may not see, is "not found", never "forbidden": a 403 would confirm that it exists.
Roles are small predicates that combine with `|`, `&` and `~` (e.g. `is_monitoring_officer | is_platform_admin`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.http import Http404, HttpRequest

from accord.councils.models import Council, Member, Officer, StatutoryRole

if TYPE_CHECKING:
    from accord.accounts.models import User

MONITORING_OFFICER = "monitoring-officer"


@dataclass(frozen=True)
class Actor:
    """The person behind a request, reduced to what authorisation needs."""

    user: User | None
    council_id: int | None = None
    member: Member | None = None
    officer: Officer | None = None
    is_democratic_services: bool = False
    is_chief_officer: bool = False
    statutory_roles: frozenset[str] = field(default_factory=frozenset)
    is_platform_admin: bool = False

    @property
    def is_authenticated(self) -> bool:
        return self.user is not None

    def has_statutory_role(self, role: str) -> bool:
        return role in self.statutory_roles


ANONYMOUS = Actor(user=None)


def actor_for(user: Any) -> Actor:
    """Build the actor for a user (an anonymous or inactive user is the anonymous actor)."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return ANONYMOUS
    officer: Officer | None = user.officer
    roles: frozenset[str] = frozenset()
    if officer is not None:
        roles = frozenset(
            StatutoryRole.objects.filter(officer=officer).values_list("role", flat=True)
        )
    return Actor(
        user=user,
        council_id=user.council_id,
        member=user.member,
        officer=officer,
        is_democratic_services=bool(user.is_democratic_services and user.council_id),
        is_chief_officer=officer is not None and officer.grade == Officer.Grade.CHIEF_OFFICER,
        statutory_roles=roles,
        is_platform_admin=bool(user.is_superuser),
    )


class Predicate:
    """A named yes/no question about an actor that combines with `|`, `&` and `~`."""

    def __init__(self, test: Callable[[Actor], bool], name: str) -> None:
        self._test = test
        self.name = name

    def __call__(self, actor: Actor) -> bool:
        return bool(self._test(actor))

    def __or__(self, other: Predicate) -> Predicate:
        return Predicate(lambda a: self(a) or other(a), f"({self.name} | {other.name})")

    def __and__(self, other: Predicate) -> Predicate:
        return Predicate(lambda a: self(a) and other(a), f"({self.name} & {other.name})")

    def __invert__(self) -> Predicate:
        return Predicate(lambda a: not self(a), f"~{self.name}")

    def __repr__(self) -> str:
        return f"<Predicate {self.name}>"


def predicate(test: Callable[[Actor], bool]) -> Predicate:
    return Predicate(test, test.__name__)


@predicate
def is_authenticated(actor: Actor) -> bool:
    return actor.is_authenticated


@predicate
def is_member(actor: Actor) -> bool:
    return actor.member is not None


@predicate
def is_officer(actor: Actor) -> bool:
    return actor.officer is not None


@predicate
def is_chief_officer(actor: Actor) -> bool:
    """A Chief Officer (D 1.4): the officer's grade says so."""
    return actor.is_chief_officer


@predicate
def is_monitoring_officer(actor: Actor) -> bool:
    """The statutory Monitoring Officer (D 2.11, N 4)."""
    return actor.has_statutory_role(MONITORING_OFFICER)


@predicate
def is_democratic_services(actor: Actor) -> bool:
    return actor.is_democratic_services


@predicate
def is_platform_admin(actor: Actor) -> bool:
    return actor.is_platform_admin


def require(actor: Actor, rule: Predicate) -> None:
    """Refuse with a 404 when the actor does not pass `rule` (never a 403 that confirms a page exists)."""
    if not rule(actor):
        raise Http404("Page not found")


def council_for(actor: Actor, slug: str) -> Council:
    """The council called `slug` if the actor belongs to it (platform admins see every council)."""
    if not actor.is_authenticated:
        raise Http404("Council not found")
    council = Council.objects.filter(slug=slug).first()
    if council is None:
        raise Http404("Council not found")
    if actor.is_platform_admin or council.pk == actor.council_id:
        return council
    raise Http404("Council not found")


def council_list_for(actor: Actor) -> list[Council]:
    """The councils an actor may see: their own, or all of them for a platform admin."""
    if actor.is_platform_admin:
        return list(Council.objects.order_by("name"))
    if actor.council_id is None:
        return []
    return list(Council.objects.filter(pk=actor.council_id))


def request_actor(request: HttpRequest) -> Actor:
    """The actor for this request, built once and kept on the request."""
    actor: Actor | None = getattr(request, "_accord_actor", None)
    if actor is None:
        actor = actor_for(request.user)
        request._accord_actor = actor  # type: ignore[attr-defined]
    return actor

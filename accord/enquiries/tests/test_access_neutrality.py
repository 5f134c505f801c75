"""Who sees an enquiry, and proof that nothing depends on a Member's political group (D 2.5-2.7, N 2)."""

from __future__ import annotations

import pytest
from django.http import Http404

from accord.core import clock
from accord.core.access import actor_for
from accord.councils.models import PoliticalGroup
from accord.councils.tests import factories as cf
from accord.enquiries.access import enquiry_actions_for, enquiry_for
from accord.enquiries.models import Enquiry
from accord.enquiries.services import enquiry_answer, enquiry_claim

from .conftest import Scene, at, make_scene

pytestmark = pytest.mark.django_db


def test_members_see_their_own_and_officers_their_service(scene: Scene) -> None:
    mine = scene.submit()
    theirs = scene.submit(who="other_member", member=scene.other_member)
    assert enquiry_for(scene.actor("member"), mine.pk) == mine
    with pytest.raises(Http404):
        enquiry_for(scene.actor("member"), theirs.pk)
    for name in ("officer", "head", "chief", "monitoring", "dem"):
        assert enquiry_for(scene.actor(name), theirs.pk) == theirs
    outsider_service = cf.ServiceFactory(council=scene.council, name="Planning")
    outsider = cf.OfficerFactory(council=scene.council, service=outsider_service)
    user = cf.UserFactory(username="planner", council=scene.council, officer=outsider)
    with pytest.raises(Http404):
        enquiry_for(actor_for(user), mine.pk)


def test_another_council_gets_404(scene: Scene) -> None:
    enquiry = scene.submit()
    other = make_scene("norfolk")
    for name in ("member", "chief", "dem", "monitoring"):
        with pytest.raises(Http404):
            enquiry_for(other.actor(name), enquiry.pk)
    with pytest.raises(Http404):
        enquiry_for(other.actor("member"), "not-a-number")


def test_actions_offered_follow_the_state(scene: Scene) -> None:
    enquiry = scene.submit()
    assert "claim" in enquiry_actions_for(scene.actor("officer"), enquiry)
    assert "chase" in enquiry_actions_for(scene.actor("member"), enquiry)
    assert "answer" not in enquiry_actions_for(scene.actor("member"), enquiry)
    enquiry = enquiry_claim(actor=scene.actor("officer"), enquiry_id=enquiry.pk)
    assert "claim" not in enquiry_actions_for(scene.actor("colleague"), enquiry)
    assert {"answer", "holding-reply", "burden-raise"} <= set(
        enquiry_actions_for(scene.actor("officer"), enquiry)
    )
    enquiry = enquiry_answer(actor=scene.actor("officer"), enquiry=enquiry, answer="Done")
    assert {"close", "reopen", "escalate"} <= set(
        enquiry_actions_for(scene.actor("member"), enquiry)
    )


GROUPS = ["administration", "opposition", "independent"]


def _member_of(scene: Scene, kind: str, n: int) -> object:
    group = None
    if kind != "independent":
        group = cf.PoliticalGroupFactory(council=scene.council, name=f"{kind} {n}", status=kind)
    member = cf.MemberFactory(
        council=scene.council, name=f"{kind} member {n}", group=group, areas=[scene.ward]
    )
    cf.UserFactory(username=f"{kind}-{n}", council=scene.council, member=member)
    return member


@pytest.mark.cites("D 2.5", "D 2.6", "D 2.7")
def test_deadline_routing_and_visibility_do_not_depend_on_group(scene: Scene) -> None:
    seen = []
    for n, kind in enumerate(GROUPS):
        member = _member_of(scene, kind, n)
        with clock.frozen(at(2026, 3, 2)):
            enquiry = scene.submit(who="dem", member=member)  # type: ignore[arg-type]
        from accord.accounts.models import User

        own = actor_for(User.objects.get(member=member))
        seen.append(
            (
                enquiry.due_date,
                enquiry.service_id,
                enquiry.state,
                [e.kind for e in enquiry.events.all()],
                [sorted(c["label"] for c in e.citations) for e in enquiry.events.all()],
                enquiry_for(scene.actor("officer"), enquiry.pk) == enquiry,
                enquiry_for(own, enquiry.pk) == enquiry,
                sorted(enquiry_actions_for(scene.actor("officer"), enquiry)),
                sorted(enquiry_actions_for(own, enquiry)),
            )
        )
    assert seen[0] == seen[1] == seen[2]
    assert PoliticalGroup.objects.filter(status="administration").exists()


@pytest.mark.cites("N 2")
@pytest.mark.parametrize("kind", GROUPS)
def test_norfolk_treats_every_group_alike(db: None, kind: str) -> None:
    with clock.frozen(at(2026, 3, 2)):
        scene = make_scene("norfolk")
        member = _member_of(scene, kind, 9)
        enquiry = scene.submit(who="dem", member=member)  # type: ignore[arg-type]
    assert (enquiry.due_date.isoformat(), enquiry.service.name, enquiry.state) == (
        "2026-03-16",
        "Parks",
        Enquiry.State.RECEIVED,
    )
    routed = enquiry.events.get(kind="routed")
    assert [c["label"] for c in routed.citations] == ["N 2"]

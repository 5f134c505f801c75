"""Where each concern goes, at a district council (D 11.2-11.6) and at Norfolk (N 3): never to the person
it is about."""

from __future__ import annotations

import pytest

from accord.concerns.models import Concern
from accord.core.errors import AccordError
from accord.councils.models import StatutoryRole

from .factories import make_scene

pytestmark = pytest.mark.django_db


@pytest.mark.cites("D 11.4")
def test_a_members_concern_about_an_officer_goes_to_the_head_of_service() -> None:
    scene = make_scene()
    concern = scene.raise_("member", "officer")
    assert concern.handler == scene["head"]
    assert concern.kind == Concern.Kind.ABOUT_OFFICER
    assert [c["label"] for c in concern.route_citations][:1] == ["D 11.4"]
    assert "Head of Service / Service Manager" in concern.route


@pytest.mark.cites("D 11.5")
@pytest.mark.parametrize("about", ["manager", "head", "director", "monitoring"])
def test_a_concern_about_a_senior_officer_goes_to_the_chief_executive(about: str) -> None:
    scene = make_scene()
    concern = scene.raise_("member", about)
    assert concern.handler == scene["ceo"]
    assert concern.route_citations[0]["label"] == "D 11.5"


@pytest.mark.cites("D 11.5")
def test_a_concern_about_the_chief_executive_goes_to_the_monitoring_officer() -> None:
    scene = make_scene()
    concern = scene.raise_("member", "ceo")
    assert concern.handler == scene["monitoring"]
    assert "Chair of Council or the Leader" in concern.route
    assert concern.route_citations[0]["label"] == "D 11.5"


@pytest.mark.cites("D 11.5")
def test_the_chief_executive_as_monitoring_officer_is_never_sent_a_concern_about_themself() -> None:
    scene = make_scene()
    StatutoryRole.objects.filter(role="monitoring-officer").update(officer=scene["ceo"])
    with pytest.raises(AccordError, match="no one recorded"):
        scene.raise_("member", "ceo")


@pytest.mark.cites("D 11.4")
def test_a_head_of_service_who_is_the_subject_hands_it_on() -> None:
    """The officer's service head is the officer themself: the nearest manager takes it instead."""
    scene = make_scene()
    concern = scene.raise_("member", "head")
    assert concern.handler != scene["head"]


@pytest.mark.cites("D 11.2")
def test_an_officers_difficulty_with_a_member_goes_to_the_monitoring_officer() -> None:
    scene = make_scene()
    concern = scene.raise_("officer", "member")
    assert concern.handler == scene["monitoring"]
    assert concern.kind == Concern.Kind.DIFFICULTY
    assert concern.route_citations[0]["label"] == "D 11.2"


@pytest.mark.cites("D 11.2")
def test_a_member_cannot_use_the_officers_procedure_about_another_member() -> None:
    scene = make_scene()
    with pytest.raises(AccordError) as refused:
        scene.raise_("other", "member")
    assert [c.label for c in refused.value.citations] == ["D 11.2"]
    assert not Concern.objects.exists()


@pytest.mark.cites("D 11.4")
def test_an_officer_cannot_use_the_members_procedure_about_a_colleague() -> None:
    scene = make_scene()
    with pytest.raises(AccordError) as refused:
        scene.raise_("manager", "officer")
    assert refused.value.citations[0].label == "D 11.4"
    assert not Concern.objects.exists()


@pytest.mark.cites("D 11.4")
def test_no_one_raises_a_concern_about_themself() -> None:
    scene = make_scene()
    with pytest.raises(AccordError, match="yourself"):
        scene.raise_("officer", "officer")


@pytest.mark.cites("D 11.6")
def test_potential_unlawful_conduct_takes_the_whistleblowing_route() -> None:
    scene = make_scene()
    concern = scene.raise_("member", "officer", unlawful_conduct=True)
    assert concern.kind == Concern.Kind.WHISTLEBLOWING
    assert concern.handler == scene["monitoring"]
    assert concern.route_citations[0]["label"] == "D 11.6"


@pytest.mark.cites("D 11.6")
def test_whistleblowing_about_the_monitoring_officer_goes_to_the_head_of_paid_service() -> None:
    scene = make_scene()
    concern = scene.raise_("member", "monitoring", unlawful_conduct=True)
    assert concern.handler == scene["ceo"]


@pytest.mark.cites("N 3")
def test_norfolk_concerns_about_officers_go_to_the_relevant_chief_officer() -> None:
    scene = make_scene("norfolkish", "norfolk")
    for about in ("officer", "manager", "head"):
        concern = scene.raise_("member", about)
        assert concern.handler == scene["director"], about
        assert concern.route_citations[0]["label"] == "N 3"
    assert scene.raise_("member", "director").handler == scene["ceo"]
    assert scene.raise_("member", "ceo").handler == scene["monitoring"]
    # An officer may raise one too (N 3 names no one in particular).
    assert scene.raise_("manager", "officer").handler == scene["director"]


@pytest.mark.cites("N 3")
def test_norfolk_concerns_about_members_go_to_the_monitoring_officer() -> None:
    scene = make_scene("norfolkish", "norfolk")
    concern = scene.raise_("other", "member")
    assert concern.handler == scene["monitoring"]
    assert concern.kind == Concern.Kind.ABOUT_MEMBER


@pytest.mark.cites("N 3")
def test_norfolk_has_no_whistleblowing_route() -> None:
    scene = make_scene("norfolkish", "norfolk")
    with pytest.raises(AccordError, match="whistle-blowing") as refused:
        scene.raise_("member", "officer", unlawful_conduct=True)
    assert refused.value.field == "unlawful_conduct"


@pytest.mark.cites("D 11.4", "N 3")
@pytest.mark.parametrize("profile", ["district", "norfolk"])
def test_no_concern_is_ever_routed_to_the_person_it_is_about(profile: str) -> None:
    scene = make_scene(f"c-{profile}", profile)
    raisers = ("member", "other", "officer", "manager", "monitoring", "ceo")
    for who in raisers:
        for about in scene.people:
            if about == who:
                continue
            try:
                concern = scene.raise_(who, about)
            except AccordError:
                continue
            assert concern.handler != scene[about], (who, about)

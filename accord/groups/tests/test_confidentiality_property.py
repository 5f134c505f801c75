"""A property: whatever groups, office holders, meetings, notes, advice, briefings and permissions a
council has, no one outside the allowed set sees a confidential word of them, through the pages, the CSV
or the API (D 7.3, N 19(h), N 14, N 2).

Each generated scene is written through the services; every person then reads every page, the CSV and
every API answer, and the test looks for the unique markers planted in each confidential text."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accord.core import clock
from accord.core.errors import AccordError
from accord.councils.models import Office
from accord.groups.models import Briefing, GroupMeeting
from accord.groups.services import briefings as bs
from accord.groups.services import meetings as ms
from accord.groups.tests.factories import Scene, make_scene

MEMBERS = ("red_leader", "red_member", "blue_leader", "blue_member", "independent")
OFFICERS = ("chief", "chief2", "officer", "monitoring")
EVERYONE = MEMBERS + OFFICERS

plan = st.fixed_dictionaries(
    {
        "profile": st.sampled_from(["district", "norfolk"]),
        "offices": st.lists(
            st.tuples(
                st.sampled_from(["red_member", "blue_member"]),
                st.sampled_from(["cabinet-member", "chair"]),
            ),
            max_size=2,
        ),
        "meetings": st.lists(
            st.tuples(st.sampled_from(["red_leader", "blue_leader"]), st.booleans(), st.booleans()),
            min_size=1,
            max_size=2,
        ),
        "briefings": st.lists(
            st.tuples(
                st.sampled_from(["red_leader", "blue_leader", "red_member"]),
                st.lists(st.sampled_from(MEMBERS), max_size=2, unique=True),
            ),
            max_size=2,
        ),
    }
)


def _pages(scene: Scene, who: str) -> str:
    client = scene.client(who)
    seen = [
        client.get("/groups/").content.decode(),
        client.get("/groups/meetings.csv").getvalue().decode(),
    ]
    for path in ("/api/v1/group-meetings", "/api/v1/briefings", "/api/v1/group-offers"):
        seen.append(client.get(path).content.decode())
    for meeting in GroupMeeting.objects.all():
        seen.append(client.get(f"/groups/meetings/{meeting.pk}/").content.decode())
        seen.append(client.get(f"/api/v1/group-meetings/{meeting.pk}").content.decode())
    for briefing in Briefing.objects.all():
        seen.append(client.get(f"/groups/briefings/{briefing.pk}/").content.decode())
        seen.append(client.get(f"/api/v1/briefings/{briefing.pk}").content.decode())
    return "\n".join(seen)


@pytest.mark.cites("D 7.3", "N 19(h)", "N 14", "N 2")
@pytest.mark.django_db
@settings(
    max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(plan)
def test_no_one_outside_the_allowed_set_sees_a_confidential_word(data: dict) -> None:  # type: ignore[type-arg]
    counter = GroupMeeting.objects.count() + Briefing.objects.count()
    scene = make_scene(data["profile"], f"prop{counter}")
    for who, kind in data["offices"]:
        Office.objects.create(member=scene.people[who], kind=kind)
    allowed: dict[str, set[str]] = {}
    for i, (leader, accept, note) in enumerate(data["meetings"]):
        meeting = scene.request(
            who=leader, subject=f"MEET{i}SUBJ", meeting_date=clock.today() + dt.timedelta(days=1)
        )
        group_members = {m for m in MEMBERS if scene.people[m].group_id == meeting.group_id}
        # The meeting itself, its subject included, is the group's and the officers' it names.
        allowed[f"MEET{i}SUBJ"] = group_members | {"chief"}
        if note:
            marker = f"NOTE{i}X{meeting.pk}"
            ms.meeting_note_add(
                actor=scene.actor(leader), meeting=meeting, text=marker, kind="note"
            )
            allowed[marker] = group_members
        if accept:
            step = ms.meeting_approve if data["profile"] == "district" else ms.meeting_accept
            step(actor=scene.actor("chief"), meeting=meeting)
    for i, (who, permitted) in enumerate(data["briefings"]):
        try:
            briefing = bs.briefing_request(
                actor=scene.actor(who),
                officer=scene.people["chief"],
                subject=f"BRIEF{i}SUBJ",
                details=f"BRIEF{i}TEXT",
                confidential=True,
                decision_pending=False,
            )
        except AccordError:
            continue
        sees = {who, "chief"}
        if briefing.state == Briefing.State.AWAITING_AGREEMENT:
            sees.add("red_leader")
        for other in permitted:
            if other != who:
                bs.briefing_permit(
                    actor=scene.actor(who), briefing=briefing, member=scene.people[other]
                )
                sees.add(other)
        allowed[f"BRIEF{i}SUBJ"] = sees
        allowed[f"BRIEF{i}TEXT"] = sees
    for who in EVERYONE:
        seen = _pages(scene, who)
        for marker, people in allowed.items():
            if who not in people:
                assert marker not in seen, f"{who} saw {marker}"

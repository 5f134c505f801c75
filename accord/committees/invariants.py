"""What every real meeting and decision record obeys, whoever wrote it (`accord check-invariants`).

The database refuses what SQL can say (the models' `CheckConstraint`s: a decision taken only with a
considered version and time, an added proposal with its item); these named checks cover the rest."""

from __future__ import annotations

from collections.abc import Iterator

from django.db.models import Count, F, Max, Q

from accord.core.invariants import Breach, Invariant, invariant_register

from .models import DecisionRecord, ItemProposal


def _considered_version_exists(council: str | None) -> Iterator[Breach]:
    rows = DecisionRecord.objects.select_related("council").annotate(latest=Max("advice__version"))
    if council:
        rows = rows.filter(council__slug=council)
    for d in rows.filter(considered_version__isnull=False).filter(
        Q(latest__isnull=True) | Q(considered_version__gt=F("latest"))
    ):
        yield Breach(
            "decision.considered-advice-exists",
            d.council.slug,
            f"decision {d.pk}",
            f"considered version {d.considered_version}, latest advice {d.latest}",
        )


def _versions_unbroken(council: str | None) -> Iterator[Breach]:
    rows = DecisionRecord.objects.select_related("council").annotate(
        count=Count("advice"), latest=Max("advice__version")
    )
    if council:
        rows = rows.filter(council__slug=council)
    for d in rows.filter(count__gt=0).exclude(latest=F("count")):
        yield Breach(
            "decision.advice-versions-unbroken",
            d.council.slug,
            f"decision {d.pk}",
            f"{d.count} version(s) kept, the latest numbered {d.latest}: one was removed",
        )


def _added_proposals_signed_before(council: str | None) -> Iterator[Breach]:
    rows = ItemProposal.objects.select_related("meeting__council").filter(state="added")
    if council:
        rows = rows.filter(meeting__council__slug=council)
    for p in rows.filter(signatures__signed_at__gt=F("submitted_at")).distinct():
        yield Breach(
            "agenda.proposal-signed-before-submitted",
            p.meeting.council.slug,
            f"proposal {p.pk}",
            "a signature is dated after the proposal was submitted (D 2.9)",
        )


invariant_register(
    Invariant(
        "decision.considered-advice-exists",
        "A decision marked considered names a version of the advice that is on record (N 10).",
        _considered_version_exists,
    )
)
invariant_register(
    Invariant(
        "decision.advice-versions-unbroken",
        "The advice's versions run 1, 2, ... with none missing: nothing on record is deleted (N 9).",
        _versions_unbroken,
    )
)
invariant_register(
    Invariant(
        "agenda.proposal-signed-before-submitted",
        "Every signature of a proposal added to an agenda was made before it was submitted (D 2.9).",
        _added_proposals_signed_before,
    )
)

"""Reads of rulings (D 12) and questions (D 1.3, D 1.4)."""

from __future__ import annotations

from django.db.models import QuerySet
from django.urls import reverse

from accord.cases.citation_notes import CitationNote
from accord.core import clock
from accord.rulings.models import Ruling


def ruling_list(council_id: int, *, paragraph: str = "") -> QuerySet[Ruling]:
    """Every ruling of the council, current and superseded, by paragraph, newest first."""
    qs = Ruling.objects.filter(council_id=council_id).select_related("made_by", "supersedes")
    if paragraph:
        qs = qs.filter(paragraph=paragraph)
    return qs.order_by("paragraph", "-made_at", "-id")


def rulings_current(council_id: int, profile_key: str, paragraph: str) -> list[Ruling]:
    """The rulings on the paragraph that no later ruling supersedes (one, normally), newest first."""
    return list(
        Ruling.objects.select_related("council")
        .filter(
            council_id=council_id,
            profile=profile_key,
            paragraph=paragraph,
            superseded_by__isnull=True,
        )
        .order_by("-made_at", "-id")
    )


def ruling_notes(council_id: int, profile_key: str, paragraph: str) -> list[CitationNote]:
    """The current rulings on a paragraph as notes beside its citations (registered with `accord.cases`)."""
    return [
        CitationNote(
            label="Monitoring Officer's ruling",
            text=r.interpretation,
            date=r.made_at.astimezone(clock.LONDON).date(),
            url=f"{reverse('rulings:list', args=(r.council.slug,))}#ruling-{r.pk}",
        )
        for r in rulings_current(council_id, profile_key, paragraph)
    ]

"""Who may see a question about the protocol: the person who asked and every officer who has held it
(D 1.3, D 1.4). Anything else is a 404. Rulings (D 12) are part of the council's rules: everyone of the
council sees them."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import Http404

from accord.core.access import Actor, is_monitoring_officer
from accord.rulings.models import Question


def questions_visible_to(actor: Actor) -> QuerySet[Question]:
    if not actor.is_authenticated or actor.council_id is None:
        return Question.objects.none()
    allowed = Q(asked_by=actor.user)
    if actor.officer is not None:
        allowed |= Q(holder=actor.officer) | Q(holders=actor.officer)
    mine = Question.objects.filter(council_id=actor.council_id)
    return Question.objects.filter(pk__in=mine.filter(allowed).values("pk"))


def question_for(actor: Actor, question_id: int | str, *, lock: bool = False) -> Question:
    """The question if the actor may see it, else `Http404`; `lock=True` reads it `FOR UPDATE`."""
    try:
        pk = int(question_id)
    except (TypeError, ValueError):
        raise Http404("Question not found") from None
    if not Question.objects.filter(pk=pk, pk__in=questions_visible_to(actor).values("pk")).exists():
        raise Http404("Question not found")
    # Locked by its key alone: a row another writer just changed is re-read, not dropped by the visibility
    # joins (which only ever widen: a question's holders are added, never removed).
    # The lock is taken on the row alone, then the row is read with its relations: PostgreSQL re-checks a
    # locked row's joins against the other writer's old values and may drop it (a holder just changed).
    if lock:
        Question.objects.filter(pk=pk).select_for_update().values_list("pk", flat=True).get()
    return Question.objects.select_related(
        "council", "holder", "asked_by_officer", "asked_by_member"
    ).get(pk=pk)


def holds(actor: Actor, question: Question) -> bool:
    return actor.officer is not None and question.holder_id == actor.officer.pk


def records_rulings(actor: Actor) -> bool:
    """D 12: the Monitoring Officer determines questions of interpretation."""
    return is_monitoring_officer(actor)

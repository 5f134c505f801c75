"""Writes on questions (D 1.3, D 1.4) and rulings (D 12): one transaction each, the question re-read under
its row lock and re-checked; a ruling written once, and superseded only by a later one."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import transaction
from django.urls import reverse

from accord.cases.actions import actions_of
from accord.cases.history import events_chain
from accord.core import clock
from accord.core.access import Actor
from accord.core.errors import AccordError
from accord.councils.models import Council, Member, Officer
from accord.notifications.queue import notification_queue_many
from accord.notifications.services import notification_new
from accord.protocol import Citation, Profile, load_profile
from accord.rulings import rules
from accord.rulings.access import holds, question_for, records_rulings
from accord.rulings.models import Question, QuestionChainHead, QuestionEvent, Ruling


def profile_for(council: Council) -> Profile:
    return load_profile(council.profile)


def _paragraph_check(profile: Profile, paragraph: str, *, required: bool) -> str:
    paragraph = paragraph.strip()
    if not paragraph:
        if required:
            raise AccordError("Choose the paragraph", field="paragraph")
        return ""
    if not profile.has_paragraph(paragraph):
        raise AccordError(
            f"There is no paragraph {paragraph} in the council's protocol", field="paragraph"
        )
    return profile.paragraph_id(paragraph)


def _write(
    question: Question,
    actor: Actor,
    kind: str,
    description: str,
    citations: list[Citation],
    **data: Any,
) -> QuestionEvent:
    event = QuestionEvent(
        question=question,
        at=clock.now(),
        actor=actor.user,
        kind=kind,
        description=description,
        citations=[c.to_dict() for c in citations],
        data=data,
    )
    events_chain([event], QuestionChainHead, lambda e: question.council_id)
    event.save(force_insert=True)
    return event


def _tell(
    question: Question, event: QuestionEvent, person: Member | Officer | None, template: str
) -> None:
    if person is None or not person.email:
        return
    notification_queue_many(
        [
            notification_new(
                council=question.council,
                recipient=person.email,
                recipient_name=person.name,
                template=template,
                context={
                    "question": question,
                    "event": event,
                    "case_url": settings.ACCORD_BASE_URL
                    + reverse("rulings:question", args=(question.pk,)),
                },
                idempotency_key=f"question:{question.council_id}:{event.seq}:{person.email}",
                subject_type="question",
                subject_id=str(question.pk),
            )
        ]
    )


@transaction.atomic
def question_ask(*, actor: Actor, question: str, paragraph: str = "") -> Question:
    """A Member asks the Monitoring Officer (D 1.3); an officer asks their line manager, or the next post of
    D 1.4's chain that is recorded. Raises `AccordError` where the protocol names no one."""
    if actor.user is None or actor.council_id is None:
        raise AccordError("Sign in to ask a question")
    council = Council.objects.get(pk=actor.council_id)
    profile = profile_for(council)
    step, holder, citations = rules.question_route(profile, council, actor)
    asked = Question.objects.create(
        council=council,
        asked_by=actor.user,
        asked_by_member=actor.member,
        asked_by_officer=actor.officer,
        paragraph=_paragraph_check(profile, paragraph, required=False),
        question=question,
        step=step,
        holder=holder,
        asked_at=clock.now(),
    )
    asked.holders.add(holder)
    step_words = Question.Step(step).label
    event = _write(
        asked, actor, "asked", f"Asked {step_words}: {holder.name}.", citations, text=question
    )
    _tell(asked, event, holder, "question_asked")
    return asked


def _recheck(actor: Actor, question: Question, action: str) -> Question:
    """The question re-read under its row lock, refused with the reason unless the action is still offered."""
    locked = question_for(actor, question.pk, lock=True)
    declared = actions_of("questions").get(action)
    if declared is not None and declared.offered(actor, locked):
        return locked
    if locked.state != Question.State.ASKED:
        raise AccordError("The question has already been answered")
    if not holds(actor, locked):
        raise AccordError(f"Only {locked.holder.name}, who has the question now, can do this")
    profile = profile_for(locked.council)
    raise AccordError(
        "There is no one further up the chain to pass it to: answer it",
        citations=rules.citations_of(profile, rules.QUESTION_OFFICER),
    )


@transaction.atomic
def question_answer(*, actor: Actor, question: Question, answer: str) -> Question:
    """The officer who has the question answers it; the person who asked is told."""
    question = _recheck(actor, question, "answer")
    question.state = Question.State.ANSWERED
    question.answer = answer
    question.answered_at = clock.now()
    question.save(update_fields=["state", "answer", "answered_at"])
    profile = profile_for(question.council)
    rule = rules.QUESTION_MEMBER if question.asked_by_member_id else rules.QUESTION_OFFICER
    event = _write(
        question, actor, "answered", "Answered.", rules.citations_of(profile, rule), text=answer
    )
    _tell(
        question, event, question.asked_by_member or question.asked_by_officer, "question_answered"
    )
    return question


@transaction.atomic
def question_refer(*, actor: Actor, question: Question, note: str = "") -> Question:
    """D 1.4: pass an officer's question to the next post of the chain (line manager, Head of Service, a
    Chief Officer). Raises `AccordError` at the end of the chain."""
    question = _recheck(actor, question, "refer")
    profile = profile_for(question.council)
    citations = rules.citations_of(profile, rules.QUESTION_OFFICER)
    asker = question.asked_by_officer
    assert asker is not None
    found = rules.next_step(profile, asker, question.step, question.holder)
    if found is None:
        raise AccordError(
            "There is no one further up D 1.4's chain to pass it to", citations=citations
        )
    step, holder = found
    question.step, question.holder = step, holder
    question.save(update_fields=["step", "holder"])
    question.holders.add(holder)
    event = _write(
        question,
        actor,
        "referred",
        f"Passed to {Question.Step(step).label}: {holder.name}.",
        citations,
        text=note,
    )
    _tell(question, event, holder, "question_asked")
    return question


@transaction.atomic
def ruling_record(
    *,
    actor: Actor,
    paragraph: str,
    interpretation: str,
    supersedes: Ruling | None = None,
    question: Question | None = None,
) -> Ruling:
    """The Monitoring Officer records how a paragraph is to be read (D 12); a ruling that supersedes another
    must be on the same paragraph, and the one superseded must still be current (re-read under its lock).

    Raises `AccordError` for anyone but the Monitoring Officer, a council whose protocol has no such rule,
    an unknown paragraph, or a ruling already superseded."""
    if actor.council_id is None or actor.user is None:
        raise AccordError("Only the Monitoring Officer records a ruling")
    council = Council.objects.get(pk=actor.council_id)
    profile = profile_for(council)
    citations = rules.citations_of(profile, rules.INTERPRETATION)
    if not citations:
        raise AccordError(
            "This council's protocol does not provide for rulings on its interpretation"
        )
    if actor.officer is None or not records_rulings(actor):
        raise AccordError("Only the Monitoring Officer records a ruling", citations=citations)
    pid = _paragraph_check(profile, paragraph, required=True)
    if supersedes is not None:
        supersedes = Ruling.objects.select_for_update().get(pk=supersedes.pk, council=council)
        if supersedes.paragraph != pid:
            raise AccordError(
                f"A ruling on {profile.label(pid)} cannot supersede one on "
                f"{profile.label(supersedes.paragraph)}",
                citations=citations,
                field="paragraph",
            )
        if Ruling.objects.filter(supersedes=supersedes).exists():
            raise AccordError("That ruling has already been superseded", citations=citations)
    return Ruling.objects.create(
        council=council,
        profile=profile.key,
        paragraph=pid,
        interpretation=interpretation,
        made_by=actor.officer,
        made_by_user=actor.user,
        made_at=clock.now(),
        supersedes=supersedes,
        question=question,
    )

"""D 6.4: an enquiry that would impose a disproportionate burden, raised with the line manager / Head of Service."""

from __future__ import annotations

from django.db import transaction

from accord.core import clock
from accord.core.access import Actor
from accord.core.errors import AccordError
from accord.enquiries import rules
from accord.enquiries.access import enquiry_for
from accord.enquiries.models import BurdenReview, Enquiry
from accord.enquiries.notify import notify_person
from accord.enquiries.services._common import enquiry_lock, event_add, profile_for
from accord.protocol import Citation


def _cites(enquiry: Enquiry) -> list[Citation]:
    return list(rules.citations_of(profile_for(enquiry.council), rules.BURDEN))


@transaction.atomic
def enquiry_burden_raise(*, actor: Actor, enquiry: Enquiry, reason: str) -> BurdenReview:
    enquiry = enquiry_lock(actor, enquiry, "burden-raise", "raise the burden of")
    if not reason.strip():
        raise AccordError(
            "Say why answering would impose a disproportionate burden.", field="reason"
        )
    officer = actor.officer
    assert officer is not None
    reviewer = officer.line_manager or enquiry.service.head
    if reviewer is None or reviewer.pk == officer.pk:
        reviewer = (
            enquiry.service.head if enquiry.service.head_id != officer.pk else officer.line_manager
        )
    if reviewer is None:
        raise AccordError(
            "You have no line manager or Head of Service recorded to raise this with."
        )
    review = BurdenReview.objects.create(
        enquiry=enquiry,
        raised_by=officer,
        raised_at=clock.now(),
        reason=reason.strip(),
        reviewer=reviewer,
    )
    event_add(
        enquiry,
        actor=actor,
        kind="burden-raised",
        description=f"Raised with {reviewer.name} as a disproportionate burden: {reason.strip()}",
        citations=_cites(enquiry),
        review=review.pk,
        text=review.reason,
    )
    notify_person(
        enquiry=enquiry,
        person=reviewer,
        event="burden_raised",
        key=str(review.pk),
        reason=review.reason,
        officer_name=officer.name,
    )
    return review


def _review_lock(actor: Actor, review: BurdenReview) -> BurdenReview:
    """The case, then the review, re-read with their rows locked for this transaction (always in that order),
    and the actor checked against the locked review: only its reviewer acts on it (D 6.4)."""
    enquiry_for(actor, review.enquiry_id, lock=True)
    locked = (
        BurdenReview.objects.select_for_update(of=("self",))
        .select_related("enquiry", "enquiry__council", "enquiry__member", "reviewer")
        .get(pk=review.pk)
    )
    if actor.officer is None or actor.officer.pk != locked.reviewer_id:
        raise AccordError(f"Only {locked.reviewer.name} reviews this burden.")
    return locked


@transaction.atomic
def enquiry_burden_review(*, actor: Actor, review: BurdenReview, note: str) -> BurdenReview:
    review = _review_lock(actor, review)
    if review.state != BurdenReview.State.RAISED:
        raise AccordError("This burden has already been reviewed.")
    review.state = BurdenReview.State.REVIEWED
    review.review_note = note.strip()
    review.save(update_fields=["state", "review_note"])
    event_add(
        review.enquiry,
        actor=actor,
        kind="burden-reviewed",
        description=f"{review.reviewer.name} reviewed the burden: {review.review_note}",
        citations=_cites(review.enquiry),
        review=review.pk,
        text=review.review_note,
    )
    return review


@transaction.atomic
def enquiry_burden_agree(*, actor: Actor, review: BurdenReview, approach: str) -> BurdenReview:
    """The approach to managing the response, as agreed with the Member, recorded and sent to them; their
    statutory and common-law rights to information stand whatever the approach (D 6.8)."""
    review = _review_lock(actor, review)
    if review.state == BurdenReview.State.AGREED:
        raise AccordError("An approach has already been agreed.")
    if not approach.strip():
        raise AccordError("Write the approach agreed with the Member.", field="approach")
    review.state = BurdenReview.State.AGREED
    review.agreed_approach = approach.strip()
    review.agreed_at = clock.now()
    review.save(update_fields=["state", "agreed_approach", "agreed_at"])
    enquiry = review.enquiry
    rights = rules.statutory_rights_note(profile_for(enquiry.council))
    event_add(
        enquiry,
        actor=actor,
        kind="burden-agreed",
        description=f"Approach agreed with the Member: {review.agreed_approach}"
        + (f" {rights.message}" if rights else ""),
        citations=[*_cites(enquiry), *(rights.citations if rights else ())],
        review=review.pk,
        text=review.agreed_approach,
    )
    notify_person(
        enquiry=enquiry,
        person=enquiry.member,
        event="burden_agreed",
        key=str(review.pk),
        approach=review.agreed_approach,
        rights_note=rights.message if rights else "",
    )
    return review

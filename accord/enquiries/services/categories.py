"""Democratic services keep their council's enquiry categories and settings (D 6.2, D 6.6, D 4.2, N 16).

A category says which service owns an enquiry (D 6.2), whether it reports a service failure (never for the
out-of-hours service, D 6.6) and whether it is an employment matter for the Monitoring Officer (D 4.2, D 2.4).
The settings are the values a council's protocol leaves to it. Each write locks its row and keeps to its council.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction

from accord.core.access import Actor
from accord.core.errors import AccordError
from accord.councils.models import Council, Service
from accord.enquiries.models import Category, EnquirySettings


def _check(actor: Actor, council: Council, service: Service) -> None:
    if not actor.is_democratic_services or actor.council_id != council.pk:
        raise AccordError("Only the council's democratic services manage its categories.")
    if service.council_id != council.pk:
        raise AccordError("Choose one of the council's services.", field="service")


def _flags(*, is_service_failure: bool, is_employment_matter: bool) -> None:
    if is_service_failure and is_employment_matter:
        raise AccordError(
            "A category is a service failure or an employment matter, not both: an employment matter "
            "goes to the Monitoring Officer, not a service.",
            field="is_employment_matter",
        )


def _save(category: Category) -> Category:
    """Save the category; a name the council already has, in any case, is refused naming `name`."""
    same = Category.objects.filter(council_id=category.council_id, name__iexact=category.name)
    taken = same.exclude(pk=category.pk).first() if category.pk else same.first()
    if taken is not None:
        raise AccordError(
            f"The council already has a category called “{taken.name}”.", field="name"
        )
    try:
        with transaction.atomic():
            category.save()
    except IntegrityError:
        raise AccordError(
            f"The council already has a category called “{category.name}”.", field="name"
        ) from None
    return category


@transaction.atomic
def category_create(
    *,
    actor: Actor,
    council: Council,
    name: str,
    service: Service,
    is_service_failure: bool = False,
    is_employment_matter: bool = False,
) -> Category:
    """A new category of the council's enquiries; its name is unique in the council."""
    _check(actor, council, service)
    _flags(is_service_failure=is_service_failure, is_employment_matter=is_employment_matter)
    return _save(
        Category(
            council=council,
            name=name.strip(),
            service=service,
            is_service_failure=is_service_failure,
            is_employment_matter=is_employment_matter,
        )
    )


@transaction.atomic
def category_update(
    *,
    actor: Actor,
    category: Category,
    name: str,
    service: Service,
    is_service_failure: bool,
    is_employment_matter: bool,
) -> Category:
    """Rename a category, give it to another service or change its flags. Cases already raised keep the
    service they were routed to; new ones follow the change."""
    locked = Category.objects.select_for_update().get(pk=category.pk)
    _check(actor, locked.council, service)
    _flags(is_service_failure=is_service_failure, is_employment_matter=is_employment_matter)
    locked.name = name.strip()
    locked.service = service
    locked.is_service_failure = is_service_failure
    locked.is_employment_matter = is_employment_matter
    return _save(locked)


@transaction.atomic
def enquiry_settings_update(
    *,
    actor: Actor,
    council: Council,
    response_working_days: int | None,
    reopen_working_days: int,
    reminder_working_days: int,
    complaints_contact: str,
) -> EnquirySettings:
    """The council's own enquiry settings. Saving them renews the council's settings version, so every
    process reads them afresh (ADR 7)."""
    if not actor.is_democratic_services or actor.council_id != council.pk:
        raise AccordError("Only the council's democratic services manage its enquiry settings.")
    EnquirySettings.objects.get_or_create(council=council)
    settings = EnquirySettings.objects.select_for_update().get(council=council)
    settings.response_working_days = response_working_days
    settings.reopen_working_days = reopen_working_days
    settings.reminder_working_days = reminder_working_days
    settings.complaints_contact = complaints_contact.strip()
    settings.save()
    return settings

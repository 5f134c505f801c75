"""Lists, queues, filters, paging and CSV rows of enquiries."""

from __future__ import annotations

import datetime as dt

import pytest

from accord.core import clock
from accord.councils.tests.factories import AreaFactory, CouncilFactory, ServiceFactory
from accord.enquiries import selectors
from accord.enquiries.models import Enquiry
from accord.enquiries.tests.factories import (
    AnsweredEnquiryFactory,
    AssignedEnquiryFactory,
    CategoryFactory,
    EnquiryFactory,
)

NOW = dt.datetime(2026, 3, 18, 12, 0, tzinfo=clock.LONDON)


@pytest.mark.cites("D 6.3")
def test_queue_puts_overdue_first(db: None) -> None:
    with clock.frozen(NOW):
        late = AssignedEnquiryFactory(due_date=dt.date(2026, 3, 10))
        officer = late.assigned_to
        soon = AssignedEnquiryFactory(
            council=late.council,
            category=late.category,
            assigned_to=officer,
            due_date=dt.date(2026, 3, 20),
        )
        AnsweredEnquiryFactory(council=late.council, category=late.category, assigned_to=officer)
        queue = list(selectors.enquiry_queue_for_officer(officer))
        assert queue == [late, soon]
        assert selectors.enquiry_is_overdue(late)
        assert not selectors.enquiry_is_overdue(soon)
        assert list(selectors.enquiry_queue_for_service(late.service)) == [late, soon]


def test_waiting_for_the_member_is_not_overdue(db: None) -> None:
    with clock.frozen(NOW):
        e = EnquiryFactory(state=Enquiry.State.WAITING_FOR_MEMBER, due_date=dt.date(2026, 3, 1))
        assert not selectors.enquiry_is_overdue(e)


def test_filters(db: None) -> None:
    council = CouncilFactory()
    ward = AreaFactory(council=council)
    waste = CategoryFactory(council=council, service=ServiceFactory(council=council))
    with clock.frozen(NOW):
        a = EnquiryFactory(council=council, category=waste, area=ward, due_date=dt.date(2026, 3, 1))
        b = EnquiryFactory(
            council=council,
            received_at=dt.datetime(2026, 1, 5, 9, tzinfo=clock.LONDON),
            due_date=dt.date(2026, 4, 1),
        )
        c = AnsweredEnquiryFactory(council=council, category=waste)
        EnquiryFactory()  # another council

        def ids(**kw: object) -> set[int]:
            f = selectors.EnquiryFilters(**kw)  # type: ignore[arg-type]
            return {e.pk for e in selectors.enquiry_list_for_council(council, filters=f)}

        assert ids() == {a.pk, b.pk, c.pk}
        assert ids(service=waste.service_id) == {a.pk, c.pk}
        assert ids(area=ward.pk) == {a.pk}
        assert ids(state="answered") == {c.pk}
        assert ids(overdue=True) == {a.pk}
        assert ids(group=b.member.group_id) == {b.pk}
        assert ids(received_to=dt.date(2026, 1, 31)) == {b.pk}
        assert ids(received_from=dt.date(2026, 2, 1)) == {a.pk, c.pk}


def test_paging(db: None) -> None:
    council = CouncilFactory()
    category = CategoryFactory(council=council)
    EnquiryFactory.create_batch(55, council=council, category=category)
    qs = selectors.enquiry_list_for_council(council)
    first = selectors.page_of(qs, number=1)
    assert (len(first.items), first.count, first.pages, first.has_next) == (50, 55, 2, True)
    last = selectors.page_of(qs, number=9)
    assert (last.number, len(last.items), last.first_index, last.last_index) == (2, 5, 51, 55)


def test_csv_leaves_out_personal_data_unless_asked(db: None) -> None:
    with clock.frozen(NOW):
        e = EnquiryFactory(constituent_name="Jo Resident", constituent_contact="jo@example.org")
        qs = Enquiry.objects.filter(pk=e.pk)
        without = list(selectors.enquiry_csv_rows(qs, with_personal_data=False))
        with_ = list(selectors.enquiry_csv_rows(qs, with_personal_data=True))
    assert "Jo Resident" not in without[0]
    assert with_[0][-2:] == ["Jo Resident", "jo@example.org"]
    assert len(selectors.enquiry_csv_header(with_personal_data=False)) == len(without[0])

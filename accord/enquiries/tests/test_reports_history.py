"""The demo history: a year of cases, mostly on time, with holding replies and chasers; loaded once."""

from __future__ import annotations

import datetime as dt

from accord.core import clock
from accord.councils.models import Council
from accord.councils.tests import factories as f
from accord.demo.history import enquiry_history_load
from accord.enquiries.models import Enquiry, EnquiryEvent, HoldingReply
from accord.enquiries.reports import enquiry_kpi_report

NOW = dt.datetime(2026, 3, 18, 12, 0, tzinfo=clock.LONDON)


def test_history_is_plausible_and_loaded_once(db: None) -> None:
    council: Council = f.CouncilFactory(slug="history")  # type: ignore[assignment]
    ward = f.AreaFactory(council=council)
    f.MemberFactory.create_batch(5, council=council, areas=[ward])
    for name in ("Waste and Recycling", "Planning"):
        f.OfficerFactory.create_batch(
            2, council=council, service=f.ServiceFactory(council=council, name=name)
        )
    f.UserFactory(username="dem", council=council, is_democratic_services=True)
    with clock.frozen(NOW):
        assert enquiry_history_load(council, count=400) == 400
        assert enquiry_history_load(council, count=400) == 0  # idempotent
        report = enquiry_kpi_report(councils=[council])
    assert Enquiry.objects.filter(council=council).count() == 400
    assert report.total.share is not None and 80 <= report.total.share <= 95
    assert report.total.open_now > 0
    assert HoldingReply.objects.filter(enquiry__council=council).exists()
    assert report.total.chasers > 0
    assert EnquiryEvent.objects.filter(enquiry__council=council, kind="answered").count() > 300
    assert Enquiry.objects.filter(subject__icontains="bin").exists()
    first = Enquiry.objects.order_by("received_at").first()
    assert first is not None and first.received_at < NOW - dt.timedelta(days=300)

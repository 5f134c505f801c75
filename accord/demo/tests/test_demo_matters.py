"""The demo councils show local matters on first start: every kind, informed Members with receipts, a
consultation, a public meeting with its invitation, and the Member's home page listing them."""

from __future__ import annotations

import pytest
from django.test import Client

from accord.accounts.models import User
from accord.demo.services import demo_load
from accord.matters.models import Matter, Receipt
from accord.notifications.models import OutboxMessage

pytestmark = pytest.mark.django_db


def test_each_demo_council_has_matters_of_every_kind() -> None:
    demo_load()
    for slug in ("ashcombe", "westshire"):
        matters = Matter.objects.filter(council__slug=slug)
        kinds = set(matters.values_list("kind", flat=True))
        assert {"policy", "operational", "consultation", "public-meeting"} <= kinds, slug
        assert len(kinds) == 5
        assert Receipt.objects.filter(matter__council__slug=slug).count() > 6
    norfolk = Matter.objects.get(council__slug="westshire", kind="consultation")
    assert norfolk.reply_by is not None and norfolk.responses.count() == 1
    assert not OutboxMessage.objects.exclude(status=OutboxMessage.Status.SENT).exists()
    client = Client()
    client.force_login(User.objects.get(username="ashcombe-member"))
    home = client.get("/").content.decode()
    assert "Public meeting: flood defences by the river" in home
    demo_load()
    assert Matter.objects.filter(council__slug="ashcombe").count() == 6

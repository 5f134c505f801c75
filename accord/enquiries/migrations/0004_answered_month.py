"""The month (in London) each case was answered in, stored, and the KPI's index ordered by it.

The KPI report counts answered cases by (council, month, service, working days, on time). With the month a
column and the index in that order, PostgreSQL reads the rows already grouped (an index-only scan into a
streaming aggregate) instead of working out each row's month and hashing. Existing answered cases get their
month here.
"""

from __future__ import annotations

from typing import Any

from django.db import migrations, models

INDEX = "enquiry_answered_kpi"


def backfill(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "UPDATE enquiries_enquiry SET answered_month = "
            "date_trunc('month', answered_at AT TIME ZONE 'Europe/London')::date "
            "WHERE answered_at IS NOT NULL"
        )
        return
    from zoneinfo import ZoneInfo

    london = ZoneInfo("Europe/London")
    enquiry = apps.get_model("enquiries", "Enquiry")
    answered = enquiry.objects.filter(answered_at__isnull=False).only("pk", "answered_at")
    batch = []
    for row in answered.iterator(chunk_size=2000):
        row.answered_month = row.answered_at.astimezone(london).date().replace(day=1)
        batch.append(row)
        if len(batch) >= 2000:
            enquiry.objects.bulk_update(batch, ["answered_month"])
            batch = []
    enquiry.objects.bulk_update(batch, ["answered_month"])


def index_with_month(apps: Any, schema_editor: Any) -> None:
    """The answered cases of a council in (month, service, working days, on time) order: the KPI is one
    index-only scan whose rows arrive already grouped."""
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")
    include = (
        " INCLUDE (answered_at, chaser_count)"
        if schema_editor.connection.vendor == "postgresql"
        else ""
    )
    schema_editor.execute(
        f"CREATE INDEX {INDEX} ON enquiries_enquiry (council_id, answered_month, service_id, "
        f"working_days_to_answer, answered_on_time){include} WHERE answered_at IS NOT NULL"
    )


def index_without_month(apps: Any, schema_editor: Any) -> None:
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")
    include = (
        " INCLUDE (service_id, working_days_to_answer, answered_on_time, chaser_count)"
        if schema_editor.connection.vendor == "postgresql"
        else ""
    )
    schema_editor.execute(
        f"CREATE INDEX {INDEX} ON enquiries_enquiry (council_id, answered_at){include} "
        "WHERE answered_at IS NOT NULL"
    )


class Migration(migrations.Migration):
    dependencies = [("enquiries", "0003_reports_indexes")]

    operations = [
        migrations.AddField(
            model_name="enquiry",
            name="answered_month",
            field=models.DateField(
                blank=True,
                editable=False,
                help_text="The first day of the month, in London, the case was answered in (kept with "
                "`answered_at` on every save; the KPI report counts by it).",
                null=True,
            ),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop, elidable=False),
        migrations.RunPython(index_with_month, index_without_month, elidable=False),
    ]

"""A covering index for the enquiries KPI: the answered cases of a council, read without touching the table.

Kept out of the model state (the index is an implementation detail of `accord.enquiries.reports`): on
PostgreSQL it carries the KPI's columns (INCLUDE) so the report is an index-only scan; SQLite has no INCLUDE.
"""

from __future__ import annotations

from typing import Any

from django.db import migrations

NAME = "enquiry_answered_kpi"


def create(apps: Any, schema_editor: Any) -> None:
    include = (
        " INCLUDE (service_id, working_days_to_answer, answered_on_time, chaser_count)"
        if schema_editor.connection.vendor == "postgresql"
        else ""
    )
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {NAME} ON enquiries_enquiry (council_id, answered_at)"
        f"{include} WHERE answered_at IS NOT NULL"
    )


def drop(apps: Any, schema_editor: Any) -> None:
    schema_editor.execute(f"DROP INDEX IF EXISTS {NAME}")


class Migration(migrations.Migration):
    dependencies = [("enquiries", "0002_case_clock_and_references")]

    operations = [migrations.RunPython(create, drop, elidable=False)]

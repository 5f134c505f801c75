"""On PostgreSQL the database refuses UPDATE and DELETE of group meeting and briefing history, and of the
record of who viewed a briefing (N 14; ADR 11). SQLite has no such guard: Accord's own writes never change
them, and the hash chain shows a change made behind its back."""

from django.db import migrations

from accord.core.triggers import refusing_trigger, run_on_postgres

TABLES = (
    (
        "group_meeting_event_append_only",
        "groups_groupmeetingevent",
        "group meeting history is append-only",
    ),
    ("briefing_event_append_only", "groups_briefingevent", "briefing history is append-only"),
    ("briefing_view_append_only", "groups_briefingview", "the record of briefing views is kept"),
)


class Migration(migrations.Migration):
    dependencies = [("groups", "0001_initial")]

    operations = [
        run_on_postgres(*refusing_trigger(name=name, table=table, message=message))
        for name, table, message in TABLES
    ]

"""On PostgreSQL the database refuses UPDATE and DELETE of concern history rows (ADR 11)."""

from django.db import migrations

from accord.core.triggers import refusing_trigger, run_on_postgres

INSTALL, DROP = refusing_trigger(
    name="concern_event_append_only",
    table="concerns_concernevent",
    message="concern history is append-only",
)


class Migration(migrations.Migration):
    dependencies = [("concerns", "0001_initial")]

    operations = [run_on_postgres(INSTALL, DROP)]

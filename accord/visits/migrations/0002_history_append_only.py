"""On PostgreSQL the database itself refuses UPDATE and DELETE of visit and appointment history (ADR 11)."""

from django.db import migrations

from accord.core.triggers import refusing_trigger, run_on_postgres

VISIT = refusing_trigger(
    name="visit_event_append_only",
    table="visits_visitevent",
    message="visit history is append-only",
)
APPOINTMENT = refusing_trigger(
    name="appointment_event_append_only",
    table="visits_appointmentevent",
    message="appointment history is append-only",
)


class Migration(migrations.Migration):
    dependencies = [("visits", "0001_initial")]

    operations = [run_on_postgres(*VISIT), run_on_postgres(*APPOINTMENT)]

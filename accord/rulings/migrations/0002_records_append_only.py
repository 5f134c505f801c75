"""On PostgreSQL the database refuses UPDATE and DELETE of rulings and of question history (ADR 11): a
ruling is superseded by a later one, never changed (D 12)."""

from django.db import migrations

from accord.core.triggers import refusing_trigger, run_on_postgres

RULINGS = refusing_trigger(
    name="ruling_append_only",
    table="rulings_ruling",
    message="a ruling is kept as made; record a later ruling to supersede it",
)
EVENTS = refusing_trigger(
    name="question_event_append_only",
    table="rulings_questionevent",
    message="question history is append-only",
)


class Migration(migrations.Migration):
    dependencies = [("rulings", "0001_initial")]

    operations = [run_on_postgres(*RULINGS), run_on_postgres(*EVENTS)]

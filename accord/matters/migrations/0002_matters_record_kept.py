"""On PostgreSQL the database keeps a matter's record: its history and the Members' views are append-only,
and no matter, affected area or receipt can be deleted (a receipt changes only to record when it was
opened, which the model does). SQLite has no such guard: the models PROTECT every relation."""

from django.db import migrations

from accord.core.triggers import refusing_trigger, run_on_postgres

EVENTS = refusing_trigger(
    name="matter_event_append_only",
    table="matters_matterevent",
    message="the history of a local matter is append-only",
)
RESPONSES = refusing_trigger(
    name="matter_response_append_only",
    table="matters_consultationresponse",
    message="the Members views on a consultation are kept as given",
)
KEPT_FUNCTION = """
CREATE OR REPLACE FUNCTION accord_matter_record_kept() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'the record of a local matter is kept: DELETE from % is refused', TG_TABLE_NAME
        USING ERRCODE = 'restrict_violation';
END;
$$ LANGUAGE plpgsql;
"""
TABLES = ("matters_matter", "matters_matterarea", "matters_receipt")
INSTALL = (
    EVENTS[0]
    + RESPONSES[0]
    + KEPT_FUNCTION
    + "".join(
        f"CREATE TRIGGER {t}_kept BEFORE DELETE ON {t} "
        "FOR EACH ROW EXECUTE FUNCTION accord_matter_record_kept();\n"
        for t in TABLES
    )
)
DROP = (
    "".join(f"DROP TRIGGER IF EXISTS {t}_kept ON {t};\n" for t in TABLES)
    + "DROP FUNCTION IF EXISTS accord_matter_record_kept();\n"
    + EVENTS[1]
    + RESPONSES[1]
)


class Migration(migrations.Migration):
    dependencies = [("matters", "0001_initial")]

    operations = [run_on_postgres(INSTALL, DROP)]

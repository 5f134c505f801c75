"""On PostgreSQL the database refuses UPDATE and DELETE of security log rows, as it does for the case history."""

from django.db import migrations

from accord.core.triggers import refusing_trigger, run_on_postgres

INSTALL, DROP = refusing_trigger(
    name="security_log_append_only",
    table="securitylog_securitylogentry",
    message="the security log is append-only",
)


class Migration(migrations.Migration):
    dependencies = [("securitylog", "0001_security_log")]

    operations = [run_on_postgres(INSTALL, DROP)]

"""On PostgreSQL the database refuses to clear or move a token's revocation, or to delete a revoked token:
revocation is one-way, whoever sends the SQL."""

from django.db import migrations

from accord.core.triggers import run_on_postgres

INSTALL = """
CREATE OR REPLACE FUNCTION accord_api_token_revocation_kept() RETURNS trigger AS $$
BEGIN
    IF OLD.revoked IS NOT NULL AND (TG_OP = 'DELETE' OR NEW.revoked IS DISTINCT FROM OLD.revoked) THEN
        RAISE EXCEPTION 'revocation is one-way: % of a revoked API token is refused', TG_OP
            USING ERRCODE = 'restrict_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER api_token_revocation_kept BEFORE UPDATE OR DELETE ON api_apitoken
FOR EACH ROW EXECUTE FUNCTION accord_api_token_revocation_kept();
"""
DROP = """
DROP TRIGGER IF EXISTS api_token_revocation_kept ON api_apitoken;
DROP FUNCTION IF EXISTS accord_api_token_revocation_kept();
"""


class Migration(migrations.Migration):
    dependencies = [("api", "0001_initial")]

    operations = [run_on_postgres(INSTALL, DROP)]

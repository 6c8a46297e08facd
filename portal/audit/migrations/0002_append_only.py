"""The audit log is append-only: a trigger refuses UPDATE, DELETE and TRUNCATE of its table, except

- an UPDATE that only removes a person: ``actor_id``/``subject_id`` set to NULL and labels set to the
  anonymous marker (``portal.audit.models.ANONYMOUS``), every other column unchanged. A nulled reference has
  its label replaced by the trigger itself, so ``ON DELETE SET NULL`` from deleting a person anonymises too;
- a DELETE, by the retention job, of rows older than ``verkosto.audit_retention_days`` days (a setting the
  job sets with ``set_config(…, true)``, i.e. ``SET LOCAL``, in its own transaction), by the database's clock;
- a TRUNCATE where ``verkosto.audit_allow_truncate`` is ``on``: only test databases set it (their flush
  truncates every table between tests), never a deployment.
"""

from django.db import migrations

FUNCTION = r"""
CREATE FUNCTION audit_auditevent_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    marker CONSTANT text := '[anonymised]';
    keep_days integer;
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        IF current_setting('verkosto.audit_allow_truncate', true) = 'on' THEN
            RETURN NULL;
        END IF;
        RAISE EXCEPTION 'the audit log is append-only: TRUNCATE refused'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_OP = 'DELETE' THEN
        keep_days := NULLIF(current_setting('verkosto.audit_retention_days', true), '')::integer;
        IF keep_days >= 1 AND OLD."when" < now() - make_interval(days => keep_days) THEN
            RETURN OLD;
        END IF;
        RAISE EXCEPTION 'the audit log is append-only: DELETE of event % refused', OLD.id
            USING ERRCODE = 'insufficient_privilege',
                  HINT = 'Only the retention job removes events, once they are older than its period.';
    END IF;
    -- UPDATE: only removing a person is allowed.
    IF (NEW.id, NEW.kind, NEW."when", NEW.ip, NEW.user_agent, NEW.details)
            IS DISTINCT FROM (OLD.id, OLD.kind, OLD."when", OLD.ip, OLD.user_agent, OLD.details)
        OR (NEW.actor_id IS NOT NULL AND NEW.actor_id IS DISTINCT FROM OLD.actor_id)
        OR (NEW.subject_id IS NOT NULL AND NEW.subject_id IS DISTINCT FROM OLD.subject_id)
        OR (NEW.actor_label IS DISTINCT FROM OLD.actor_label AND NEW.actor_label <> marker)
        OR (NEW.subject_label IS DISTINCT FROM OLD.subject_label AND NEW.subject_label <> marker) THEN
        RAISE EXCEPTION 'the audit log is append-only: UPDATE of event % refused', OLD.id
            USING ERRCODE = 'insufficient_privilege',
                  HINT = 'Only anonymising a person (references to NULL, labels to the marker) is allowed.';
    END IF;
    IF OLD.actor_id IS NOT NULL AND NEW.actor_id IS NULL THEN
        NEW.actor_label := marker;
    END IF;
    IF OLD.subject_id IS NOT NULL AND NEW.subject_id IS NULL THEN
        NEW.subject_label := marker;
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER audit_auditevent_append_only_rows
    BEFORE UPDATE OR DELETE ON audit_auditevent
    FOR EACH ROW EXECUTE FUNCTION audit_auditevent_append_only();

CREATE TRIGGER audit_auditevent_append_only_truncate
    BEFORE TRUNCATE ON audit_auditevent
    FOR EACH STATEMENT EXECUTE FUNCTION audit_auditevent_append_only();
"""

REVERSE = """
DROP TRIGGER IF EXISTS audit_auditevent_append_only_truncate ON audit_auditevent;
DROP TRIGGER IF EXISTS audit_auditevent_append_only_rows ON audit_auditevent;
DROP FUNCTION IF EXISTS audit_auditevent_append_only();
"""


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0001_audit_events"),
    ]

    operations = [
        migrations.RunSQL(FUNCTION, REVERSE),
    ]

"""The shared objectives an agreement serves are now links to the network's goals; the text was
moved into goals by networks.0007_agreement_objectives_to_goals first."""

import pgtrigger.compiler
import pgtrigger.migrations
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0008_commitment_unit_single_line"),
        ("networks", "0007_agreement_objectives_to_goals"),
    ]

    operations = [
        pgtrigger.migrations.RemoveTrigger(
            model_name="agreement",
            name="insert_insert",
        ),
        pgtrigger.migrations.RemoveTrigger(
            model_name="agreement",
            name="update_update",
        ),
        pgtrigger.migrations.RemoveTrigger(
            model_name="agreement",
            name="delete_delete",
        ),
        migrations.RemoveField(
            model_name="agreement",
            name="shared_objectives",
        ),
        migrations.RemoveField(
            model_name="agreementevent",
            name="shared_objectives",
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="agreement",
            trigger=pgtrigger.compiler.Trigger(
                name="insert_insert",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    func='INSERT INTO "partners_agreementevent" ("activated_on", "coordinator_id", "created_at", "created_by_id", "id", "indicators", "kind", "network_id", "notice_period_days", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "purpose", "renewal_of_id", "review_arrangements", "review_date", "share_details", "status", "terminated_on", "termination_reason", "title", "valid_from", "valid_until", "version") VALUES (NEW."activated_on", NEW."coordinator_id", NEW."created_at", NEW."created_by_id", NEW."id", NEW."indicators", NEW."kind", NEW."network_id", NEW."notice_period_days", _pgh_attach_context(), NOW(), \'insert\', NEW."id", NEW."purpose", NEW."renewal_of_id", NEW."review_arrangements", NEW."review_date", NEW."share_details", NEW."status", NEW."terminated_on", NEW."termination_reason", NEW."title", NEW."valid_from", NEW."valid_until", NEW."version"); RETURN NULL;',
                    hash="6c42fb540025101ad949f507e7646ab82bbe49a9",
                    operation="INSERT",
                    pgid="pgtrigger_insert_insert_b1737",
                    table="partners_agreement",
                    when="AFTER",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="agreement",
            trigger=pgtrigger.compiler.Trigger(
                name="update_update",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    condition='WHEN (OLD."activated_on" IS DISTINCT FROM (NEW."activated_on") OR OLD."coordinator_id" IS DISTINCT FROM (NEW."coordinator_id") OR OLD."created_at" IS DISTINCT FROM (NEW."created_at") OR OLD."created_by_id" IS DISTINCT FROM (NEW."created_by_id") OR OLD."id" IS DISTINCT FROM (NEW."id") OR OLD."indicators" IS DISTINCT FROM (NEW."indicators") OR OLD."kind" IS DISTINCT FROM (NEW."kind") OR OLD."network_id" IS DISTINCT FROM (NEW."network_id") OR OLD."notice_period_days" IS DISTINCT FROM (NEW."notice_period_days") OR OLD."purpose" IS DISTINCT FROM (NEW."purpose") OR OLD."renewal_of_id" IS DISTINCT FROM (NEW."renewal_of_id") OR OLD."review_arrangements" IS DISTINCT FROM (NEW."review_arrangements") OR OLD."review_date" IS DISTINCT FROM (NEW."review_date") OR OLD."share_details" IS DISTINCT FROM (NEW."share_details") OR OLD."status" IS DISTINCT FROM (NEW."status") OR OLD."terminated_on" IS DISTINCT FROM (NEW."terminated_on") OR OLD."termination_reason" IS DISTINCT FROM (NEW."termination_reason") OR OLD."title" IS DISTINCT FROM (NEW."title") OR OLD."valid_from" IS DISTINCT FROM (NEW."valid_from") OR OLD."valid_until" IS DISTINCT FROM (NEW."valid_until") OR OLD."version" IS DISTINCT FROM (NEW."version"))',
                    func='INSERT INTO "partners_agreementevent" ("activated_on", "coordinator_id", "created_at", "created_by_id", "id", "indicators", "kind", "network_id", "notice_period_days", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "purpose", "renewal_of_id", "review_arrangements", "review_date", "share_details", "status", "terminated_on", "termination_reason", "title", "valid_from", "valid_until", "version") VALUES (NEW."activated_on", NEW."coordinator_id", NEW."created_at", NEW."created_by_id", NEW."id", NEW."indicators", NEW."kind", NEW."network_id", NEW."notice_period_days", _pgh_attach_context(), NOW(), \'update\', NEW."id", NEW."purpose", NEW."renewal_of_id", NEW."review_arrangements", NEW."review_date", NEW."share_details", NEW."status", NEW."terminated_on", NEW."termination_reason", NEW."title", NEW."valid_from", NEW."valid_until", NEW."version"); RETURN NULL;',
                    hash="defa185af6b554e5f54de3864b85747250d2c080",
                    operation="UPDATE",
                    pgid="pgtrigger_update_update_8c840",
                    table="partners_agreement",
                    when="AFTER",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="agreement",
            trigger=pgtrigger.compiler.Trigger(
                name="delete_delete",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    func='INSERT INTO "partners_agreementevent" ("activated_on", "coordinator_id", "created_at", "created_by_id", "id", "indicators", "kind", "network_id", "notice_period_days", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "purpose", "renewal_of_id", "review_arrangements", "review_date", "share_details", "status", "terminated_on", "termination_reason", "title", "valid_from", "valid_until", "version") VALUES (OLD."activated_on", OLD."coordinator_id", OLD."created_at", OLD."created_by_id", OLD."id", OLD."indicators", OLD."kind", OLD."network_id", OLD."notice_period_days", _pgh_attach_context(), NOW(), \'delete\', OLD."id", OLD."purpose", OLD."renewal_of_id", OLD."review_arrangements", OLD."review_date", OLD."share_details", OLD."status", OLD."terminated_on", OLD."termination_reason", OLD."title", OLD."valid_from", OLD."valid_until", OLD."version"); RETURN NULL;',
                    hash="c4149a292c4e7f8b93ec52021469afc80aefbd3f",
                    operation="DELETE",
                    pgid="pgtrigger_delete_delete_63f2d",
                    table="partners_agreement",
                    when="AFTER",
                ),
            ),
        ),
    ]

"""Edit versions of the records whose forms had none; existing rows take the time they last changed, as far as
it is known (otherwise the time of this migration)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("networks", "0014_role_history"),
    ]

    operations = [
        migrations.AddField(
            model_name="actionitem",
            name="updated_at",
            field=models.DateTimeField(auto_now=True, verbose_name="updated"),
        ),
        migrations.AddField(
            model_name="decision",
            name="updated_at",
            field=models.DateTimeField(auto_now=True, verbose_name="updated"),
        ),
        migrations.AddField(
            model_name="indicator",
            name="updated_at",
            field=models.DateTimeField(auto_now=True, verbose_name="updated"),
        ),
        migrations.AddField(
            model_name="network",
            name="updated_at",
            field=models.DateTimeField(auto_now=True, verbose_name="updated"),
        ),
        migrations.RunSQL(
            [
                "UPDATE networks_actionitem SET updated_at = GREATEST(created_at, COALESCE(status_changed_at, created_at))",
                "UPDATE networks_decision SET updated_at = recorded_at",
                "UPDATE networks_indicator SET updated_at = created_at",
                "UPDATE networks_network SET updated_at = created_at",
            ],
            migrations.RunSQL.noop,
        ),
    ]

"""The rule for every date and date-time: years 1900–2199, in the model fields' validators and as
check constraints."""

import datetime

import django.utils.timezone
from django.db import migrations, models

import portal.accounts.models
import portal.lib.validators


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("networks", "0016_plausible_dates"),
        ("partners", "0011_plausible_dates"),
        ("portal", "0007_edit_versions"),
    ]

    operations = [
        # Rows from before the rule: a year out of range moves to the nearest allowed year (same day and time),
        # so that the constraints below can be added and nothing is lost.
        migrations.RunSQL(
            [
                "UPDATE portal_invitation SET created_at = created_at + make_interval(years => 2199 - EXTRACT(YEAR FROM created_at)::int) WHERE created_at >= '2200-01-01'",
                "UPDATE portal_invitation SET created_at = created_at + make_interval(years => 1900 - EXTRACT(YEAR FROM created_at)::int) WHERE created_at < '1900-01-01'",
                "UPDATE portal_invitation SET expires_at = expires_at + make_interval(years => 2199 - EXTRACT(YEAR FROM expires_at)::int) WHERE expires_at >= '2200-01-01'",
                "UPDATE portal_invitation SET expires_at = expires_at + make_interval(years => 1900 - EXTRACT(YEAR FROM expires_at)::int) WHERE expires_at < '1900-01-01'",
                "UPDATE portal_invitation SET accepted_at = accepted_at + make_interval(years => 2199 - EXTRACT(YEAR FROM accepted_at)::int) WHERE accepted_at >= '2200-01-01'",
                "UPDATE portal_invitation SET accepted_at = accepted_at + make_interval(years => 1900 - EXTRACT(YEAR FROM accepted_at)::int) WHERE accepted_at < '1900-01-01'",
                "UPDATE portal_user SET last_login = last_login + make_interval(years => 2199 - EXTRACT(YEAR FROM last_login)::int) WHERE last_login >= '2200-01-01'",
                "UPDATE portal_user SET last_login = last_login + make_interval(years => 1900 - EXTRACT(YEAR FROM last_login)::int) WHERE last_login < '1900-01-01'",
                "UPDATE portal_user SET date_joined = date_joined + make_interval(years => 2199 - EXTRACT(YEAR FROM date_joined)::int) WHERE date_joined >= '2200-01-01'",
                "UPDATE portal_user SET date_joined = date_joined + make_interval(years => 1900 - EXTRACT(YEAR FROM date_joined)::int) WHERE date_joined < '1900-01-01'",
                "UPDATE portal_user SET updated_at = updated_at + make_interval(years => 2199 - EXTRACT(YEAR FROM updated_at)::int) WHERE updated_at >= '2200-01-01'",
                "UPDATE portal_user SET updated_at = updated_at + make_interval(years => 1900 - EXTRACT(YEAR FROM updated_at)::int) WHERE updated_at < '1900-01-01'",
            ],
            migrations.RunSQL.noop,
        ),
        migrations.AlterField(
            model_name="invitation",
            name="accepted_at",
            field=models.DateTimeField(
                blank=True,
                null=True,
                validators=[portal.lib.validators.validate_plausible_date],
                verbose_name="accepted",
            ),
        ),
        migrations.AlterField(
            model_name="invitation",
            name="created_at",
            field=models.DateTimeField(
                auto_now_add=True, validators=[portal.lib.validators.validate_plausible_date], verbose_name="created"
            ),
        ),
        migrations.AlterField(
            model_name="invitation",
            name="expires_at",
            field=models.DateTimeField(
                default=portal.accounts.models._default_expiry,
                validators=[portal.lib.validators.validate_plausible_date],
                verbose_name="expires",
            ),
        ),
        migrations.AlterField(
            model_name="user",
            name="date_joined",
            field=models.DateTimeField(
                default=django.utils.timezone.now,
                validators=[portal.lib.validators.validate_plausible_date],
                verbose_name="date joined",
            ),
        ),
        migrations.AlterField(
            model_name="user",
            name="last_login",
            field=models.DateTimeField(
                blank=True,
                null=True,
                validators=[portal.lib.validators.validate_plausible_date],
                verbose_name="last login",
            ),
        ),
        migrations.AlterField(
            model_name="user",
            name="updated_at",
            field=models.DateTimeField(
                auto_now=True, validators=[portal.lib.validators.validate_plausible_date], verbose_name="updated"
            ),
        ),
        migrations.AddConstraint(
            model_name="invitation",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("created_at__gte", datetime.datetime(1900, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                    ("created_at__lt", datetime.datetime(2200, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                ),
                name="portal_invitation_created_at_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="invitation",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("expires_at__gte", datetime.datetime(1900, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                    ("expires_at__lt", datetime.datetime(2200, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                ),
                name="portal_invitation_expires_at_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="invitation",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("accepted_at__gte", datetime.datetime(1900, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                    ("accepted_at__lt", datetime.datetime(2200, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                ),
                name="portal_invitation_accepted_at_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="user",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("last_login__gte", datetime.datetime(1900, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                    ("last_login__lt", datetime.datetime(2200, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                ),
                name="portal_user_last_login_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="user",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("date_joined__gte", datetime.datetime(1900, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                    ("date_joined__lt", datetime.datetime(2200, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                ),
                name="portal_user_date_joined_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="user",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("updated_at__gte", datetime.datetime(1900, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                    ("updated_at__lt", datetime.datetime(2200, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                ),
                name="portal_user_updated_at_plausible",
            ),
        ),
    ]

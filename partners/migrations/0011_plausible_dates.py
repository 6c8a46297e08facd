"""The rule for every date and date-time: years 1900–2199, in the model fields' validators and as
check constraints."""

import datetime

import django.db.models.functions.datetime
from django.conf import settings
from django.db import migrations, models

import portal.lib.validators


class Migration(migrations.Migration):
    dependencies = [
        ("networks", "0016_plausible_dates"),
        ("partners", "0010_edit_versions"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        # Rows from before the rule: a year out of range moves to the nearest allowed year (same day and time),
        # so that the constraints below can be added and nothing is lost.
        migrations.RunSQL(
            [
                "UPDATE partners_affiliation SET since = since + make_interval(years => 2199 - EXTRACT(YEAR FROM since)::int) WHERE since >= '2200-01-01'",
                "UPDATE partners_affiliation SET since = since + make_interval(years => 1900 - EXTRACT(YEAR FROM since)::int) WHERE since < '1900-01-01'",
                "UPDATE partners_affiliation SET until = until + make_interval(years => 2199 - EXTRACT(YEAR FROM until)::int) WHERE until >= '2200-01-01'",
                "UPDATE partners_affiliation SET until = until + make_interval(years => 1900 - EXTRACT(YEAR FROM until)::int) WHERE until < '1900-01-01'",
                "UPDATE partners_agreement SET valid_from = valid_from + make_interval(years => 2199 - EXTRACT(YEAR FROM valid_from)::int) WHERE valid_from >= '2200-01-01'",
                "UPDATE partners_agreement SET valid_from = valid_from + make_interval(years => 1900 - EXTRACT(YEAR FROM valid_from)::int) WHERE valid_from < '1900-01-01'",
                "UPDATE partners_agreement SET valid_until = valid_until + make_interval(years => 2199 - EXTRACT(YEAR FROM valid_until)::int) WHERE valid_until >= '2200-01-01'",
                "UPDATE partners_agreement SET valid_until = valid_until + make_interval(years => 1900 - EXTRACT(YEAR FROM valid_until)::int) WHERE valid_until < '1900-01-01'",
                "UPDATE partners_agreement SET review_date = review_date + make_interval(years => 2199 - EXTRACT(YEAR FROM review_date)::int) WHERE review_date >= '2200-01-01'",
                "UPDATE partners_agreement SET review_date = review_date + make_interval(years => 1900 - EXTRACT(YEAR FROM review_date)::int) WHERE review_date < '1900-01-01'",
                "UPDATE partners_agreement SET activated_on = activated_on + make_interval(years => 2199 - EXTRACT(YEAR FROM activated_on)::int) WHERE activated_on >= '2200-01-01'",
                "UPDATE partners_agreement SET activated_on = activated_on + make_interval(years => 1900 - EXTRACT(YEAR FROM activated_on)::int) WHERE activated_on < '1900-01-01'",
                "UPDATE partners_agreement SET terminated_on = terminated_on + make_interval(years => 2199 - EXTRACT(YEAR FROM terminated_on)::int) WHERE terminated_on >= '2200-01-01'",
                "UPDATE partners_agreement SET terminated_on = terminated_on + make_interval(years => 1900 - EXTRACT(YEAR FROM terminated_on)::int) WHERE terminated_on < '1900-01-01'",
                "UPDATE partners_agreement SET expiry_reminder_for = expiry_reminder_for + make_interval(years => 2199 - EXTRACT(YEAR FROM expiry_reminder_for)::int) WHERE expiry_reminder_for >= '2200-01-01'",
                "UPDATE partners_agreement SET expiry_reminder_for = expiry_reminder_for + make_interval(years => 1900 - EXTRACT(YEAR FROM expiry_reminder_for)::int) WHERE expiry_reminder_for < '1900-01-01'",
                "UPDATE partners_agreement SET review_reminder_for = review_reminder_for + make_interval(years => 2199 - EXTRACT(YEAR FROM review_reminder_for)::int) WHERE review_reminder_for >= '2200-01-01'",
                "UPDATE partners_agreement SET review_reminder_for = review_reminder_for + make_interval(years => 1900 - EXTRACT(YEAR FROM review_reminder_for)::int) WHERE review_reminder_for < '1900-01-01'",
                "UPDATE partners_agreement SET created_at = created_at + make_interval(years => 2199 - EXTRACT(YEAR FROM created_at)::int) WHERE created_at >= '2200-01-01'",
                "UPDATE partners_agreement SET created_at = created_at + make_interval(years => 1900 - EXTRACT(YEAR FROM created_at)::int) WHERE created_at < '1900-01-01'",
                "UPDATE partners_agreement SET updated_at = updated_at + make_interval(years => 2199 - EXTRACT(YEAR FROM updated_at)::int) WHERE updated_at >= '2200-01-01'",
                "UPDATE partners_agreement SET updated_at = updated_at + make_interval(years => 1900 - EXTRACT(YEAR FROM updated_at)::int) WHERE updated_at < '1900-01-01'",
                "UPDATE partners_agreementamendment SET made_at = made_at + make_interval(years => 2199 - EXTRACT(YEAR FROM made_at)::int) WHERE made_at >= '2200-01-01'",
                "UPDATE partners_agreementamendment SET made_at = made_at + make_interval(years => 1900 - EXTRACT(YEAR FROM made_at)::int) WHERE made_at < '1900-01-01'",
                "UPDATE partners_agreementdocument SET uploaded_at = uploaded_at + make_interval(years => 2199 - EXTRACT(YEAR FROM uploaded_at)::int) WHERE uploaded_at >= '2200-01-01'",
                "UPDATE partners_agreementdocument SET uploaded_at = uploaded_at + make_interval(years => 1900 - EXTRACT(YEAR FROM uploaded_at)::int) WHERE uploaded_at < '1900-01-01'",
                "UPDATE partners_agreementparty SET signed_on = signed_on + make_interval(years => 2199 - EXTRACT(YEAR FROM signed_on)::int) WHERE signed_on >= '2200-01-01'",
                "UPDATE partners_agreementparty SET signed_on = signed_on + make_interval(years => 1900 - EXTRACT(YEAR FROM signed_on)::int) WHERE signed_on < '1900-01-01'",
                "UPDATE partners_agreementparty SET updated_at = updated_at + make_interval(years => 2199 - EXTRACT(YEAR FROM updated_at)::int) WHERE updated_at >= '2200-01-01'",
                "UPDATE partners_agreementparty SET updated_at = updated_at + make_interval(years => 1900 - EXTRACT(YEAR FROM updated_at)::int) WHERE updated_at < '1900-01-01'",
                "UPDATE partners_expertisearea SET updated_at = updated_at + make_interval(years => 2199 - EXTRACT(YEAR FROM updated_at)::int) WHERE updated_at >= '2200-01-01'",
                "UPDATE partners_expertisearea SET updated_at = updated_at + make_interval(years => 1900 - EXTRACT(YEAR FROM updated_at)::int) WHERE updated_at < '1900-01-01'",
                "UPDATE partners_guidanceservice SET created_at = created_at + make_interval(years => 2199 - EXTRACT(YEAR FROM created_at)::int) WHERE created_at >= '2200-01-01'",
                "UPDATE partners_guidanceservice SET created_at = created_at + make_interval(years => 1900 - EXTRACT(YEAR FROM created_at)::int) WHERE created_at < '1900-01-01'",
                "UPDATE partners_guidanceservice SET updated_at = updated_at + make_interval(years => 2199 - EXTRACT(YEAR FROM updated_at)::int) WHERE updated_at >= '2200-01-01'",
                "UPDATE partners_guidanceservice SET updated_at = updated_at + make_interval(years => 1900 - EXTRACT(YEAR FROM updated_at)::int) WHERE updated_at < '1900-01-01'",
                "UPDATE partners_organisation SET created_at = created_at + make_interval(years => 2199 - EXTRACT(YEAR FROM created_at)::int) WHERE created_at >= '2200-01-01'",
                "UPDATE partners_organisation SET created_at = created_at + make_interval(years => 1900 - EXTRACT(YEAR FROM created_at)::int) WHERE created_at < '1900-01-01'",
                "UPDATE partners_organisation SET updated_at = updated_at + make_interval(years => 2199 - EXTRACT(YEAR FROM updated_at)::int) WHERE updated_at >= '2200-01-01'",
                "UPDATE partners_organisation SET updated_at = updated_at + make_interval(years => 1900 - EXTRACT(YEAR FROM updated_at)::int) WHERE updated_at < '1900-01-01'",
            ],
            migrations.RunSQL.noop,
        ),
        migrations.AlterField(
            model_name="affiliation",
            name="since",
            field=models.DateField(
                blank=True, null=True, validators=[portal.lib.validators.validate_plausible_date], verbose_name="since"
            ),
        ),
        migrations.AlterField(
            model_name="affiliation",
            name="until",
            field=models.DateField(
                blank=True, null=True, validators=[portal.lib.validators.validate_plausible_date], verbose_name="until"
            ),
        ),
        migrations.AlterField(
            model_name="agreement",
            name="activated_on",
            field=models.DateField(
                blank=True,
                null=True,
                validators=[portal.lib.validators.validate_plausible_date],
                verbose_name="came into force",
            ),
        ),
        migrations.AlterField(
            model_name="agreement",
            name="created_at",
            field=models.DateTimeField(
                auto_now_add=True, validators=[portal.lib.validators.validate_plausible_date], verbose_name="created"
            ),
        ),
        migrations.AlterField(
            model_name="agreement",
            name="expiry_reminder_for",
            field=models.DateField(
                blank=True, editable=False, null=True, validators=[portal.lib.validators.validate_plausible_date]
            ),
        ),
        migrations.AlterField(
            model_name="agreement",
            name="review_date",
            field=models.DateField(
                blank=True,
                null=True,
                validators=[portal.lib.validators.validate_plausible_date],
                verbose_name="review date",
            ),
        ),
        migrations.AlterField(
            model_name="agreement",
            name="review_reminder_for",
            field=models.DateField(
                blank=True, editable=False, null=True, validators=[portal.lib.validators.validate_plausible_date]
            ),
        ),
        migrations.AlterField(
            model_name="agreement",
            name="terminated_on",
            field=models.DateField(
                blank=True,
                null=True,
                validators=[portal.lib.validators.validate_plausible_date],
                verbose_name="terminated on",
            ),
        ),
        migrations.AlterField(
            model_name="agreement",
            name="updated_at",
            field=models.DateTimeField(
                auto_now=True, validators=[portal.lib.validators.validate_plausible_date], verbose_name="updated"
            ),
        ),
        migrations.AlterField(
            model_name="agreement",
            name="valid_from",
            field=models.DateField(
                blank=True,
                null=True,
                validators=[portal.lib.validators.validate_plausible_date],
                verbose_name="valid from",
            ),
        ),
        migrations.AlterField(
            model_name="agreement",
            name="valid_until",
            field=models.DateField(
                blank=True,
                help_text="Leave empty for an open-ended agreement.",
                null=True,
                validators=[portal.lib.validators.validate_plausible_date],
                verbose_name="valid until",
            ),
        ),
        migrations.AlterField(
            model_name="agreementamendment",
            name="made_at",
            field=models.DateTimeField(
                db_default=django.db.models.functions.datetime.Now(),
                validators=[portal.lib.validators.validate_plausible_date],
                verbose_name="made",
            ),
        ),
        migrations.AlterField(
            model_name="agreementdocument",
            name="uploaded_at",
            field=models.DateTimeField(
                auto_now_add=True, validators=[portal.lib.validators.validate_plausible_date], verbose_name="uploaded"
            ),
        ),
        migrations.AlterField(
            model_name="agreementdocumentevent",
            name="uploaded_at",
            field=models.DateTimeField(
                auto_now_add=True, validators=[portal.lib.validators.validate_plausible_date], verbose_name="uploaded"
            ),
        ),
        migrations.AlterField(
            model_name="agreementevent",
            name="activated_on",
            field=models.DateField(
                blank=True,
                null=True,
                validators=[portal.lib.validators.validate_plausible_date],
                verbose_name="came into force",
            ),
        ),
        migrations.AlterField(
            model_name="agreementevent",
            name="created_at",
            field=models.DateTimeField(
                auto_now_add=True, validators=[portal.lib.validators.validate_plausible_date], verbose_name="created"
            ),
        ),
        migrations.AlterField(
            model_name="agreementevent",
            name="review_date",
            field=models.DateField(
                blank=True,
                null=True,
                validators=[portal.lib.validators.validate_plausible_date],
                verbose_name="review date",
            ),
        ),
        migrations.AlterField(
            model_name="agreementevent",
            name="terminated_on",
            field=models.DateField(
                blank=True,
                null=True,
                validators=[portal.lib.validators.validate_plausible_date],
                verbose_name="terminated on",
            ),
        ),
        migrations.AlterField(
            model_name="agreementevent",
            name="valid_from",
            field=models.DateField(
                blank=True,
                null=True,
                validators=[portal.lib.validators.validate_plausible_date],
                verbose_name="valid from",
            ),
        ),
        migrations.AlterField(
            model_name="agreementevent",
            name="valid_until",
            field=models.DateField(
                blank=True,
                help_text="Leave empty for an open-ended agreement.",
                null=True,
                validators=[portal.lib.validators.validate_plausible_date],
                verbose_name="valid until",
            ),
        ),
        migrations.AlterField(
            model_name="agreementparty",
            name="signed_on",
            field=models.DateField(
                blank=True,
                null=True,
                validators=[portal.lib.validators.validate_plausible_date],
                verbose_name="signed on",
            ),
        ),
        migrations.AlterField(
            model_name="agreementparty",
            name="updated_at",
            field=models.DateTimeField(
                auto_now=True, validators=[portal.lib.validators.validate_plausible_date], verbose_name="updated"
            ),
        ),
        migrations.AlterField(
            model_name="agreementpartyevent",
            name="signed_on",
            field=models.DateField(
                blank=True,
                null=True,
                validators=[portal.lib.validators.validate_plausible_date],
                verbose_name="signed on",
            ),
        ),
        migrations.AlterField(
            model_name="expertisearea",
            name="updated_at",
            field=models.DateTimeField(
                auto_now=True, validators=[portal.lib.validators.validate_plausible_date], verbose_name="updated"
            ),
        ),
        migrations.AlterField(
            model_name="guidanceservice",
            name="created_at",
            field=models.DateTimeField(
                auto_now_add=True, validators=[portal.lib.validators.validate_plausible_date], verbose_name="created"
            ),
        ),
        migrations.AlterField(
            model_name="guidanceservice",
            name="updated_at",
            field=models.DateTimeField(
                auto_now=True, validators=[portal.lib.validators.validate_plausible_date], verbose_name="updated"
            ),
        ),
        migrations.AlterField(
            model_name="organisation",
            name="created_at",
            field=models.DateTimeField(
                auto_now_add=True, validators=[portal.lib.validators.validate_plausible_date], verbose_name="created"
            ),
        ),
        migrations.AlterField(
            model_name="organisation",
            name="updated_at",
            field=models.DateTimeField(
                auto_now=True, validators=[portal.lib.validators.validate_plausible_date], verbose_name="updated"
            ),
        ),
        migrations.AddConstraint(
            model_name="affiliation",
            constraint=models.CheckConstraint(
                condition=models.Q(("since__gte", datetime.date(1900, 1, 1)), ("since__lt", datetime.date(2200, 1, 1))),
                name="partners_affiliation_since_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="affiliation",
            constraint=models.CheckConstraint(
                condition=models.Q(("until__gte", datetime.date(1900, 1, 1)), ("until__lt", datetime.date(2200, 1, 1))),
                name="partners_affiliation_until_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="agreement",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("valid_from__gte", datetime.date(1900, 1, 1)), ("valid_from__lt", datetime.date(2200, 1, 1))
                ),
                name="partners_agreement_valid_from_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="agreement",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("valid_until__gte", datetime.date(1900, 1, 1)), ("valid_until__lt", datetime.date(2200, 1, 1))
                ),
                name="partners_agreement_valid_until_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="agreement",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("review_date__gte", datetime.date(1900, 1, 1)), ("review_date__lt", datetime.date(2200, 1, 1))
                ),
                name="partners_agreement_review_date_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="agreement",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("activated_on__gte", datetime.date(1900, 1, 1)), ("activated_on__lt", datetime.date(2200, 1, 1))
                ),
                name="partners_agreement_activated_on_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="agreement",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("terminated_on__gte", datetime.date(1900, 1, 1)), ("terminated_on__lt", datetime.date(2200, 1, 1))
                ),
                name="partners_agreement_terminated_on_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="agreement",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("expiry_reminder_for__gte", datetime.date(1900, 1, 1)),
                    ("expiry_reminder_for__lt", datetime.date(2200, 1, 1)),
                ),
                name="partners_agreement_expiry_reminder_for_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="agreement",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("review_reminder_for__gte", datetime.date(1900, 1, 1)),
                    ("review_reminder_for__lt", datetime.date(2200, 1, 1)),
                ),
                name="partners_agreement_review_reminder_for_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="agreement",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("created_at__gte", datetime.datetime(1900, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                    ("created_at__lt", datetime.datetime(2200, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                ),
                name="partners_agreement_created_at_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="agreement",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("updated_at__gte", datetime.datetime(1900, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                    ("updated_at__lt", datetime.datetime(2200, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                ),
                name="partners_agreement_updated_at_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="agreementamendment",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("made_at__gte", datetime.datetime(1900, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                    ("made_at__lt", datetime.datetime(2200, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                ),
                name="partners_agreementamendment_made_at_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="agreementdocument",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("uploaded_at__gte", datetime.datetime(1900, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                    ("uploaded_at__lt", datetime.datetime(2200, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                ),
                name="partners_agreementdocument_uploaded_at_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="agreementparty",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("signed_on__gte", datetime.date(1900, 1, 1)), ("signed_on__lt", datetime.date(2200, 1, 1))
                ),
                name="partners_agreementparty_signed_on_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="agreementparty",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("updated_at__gte", datetime.datetime(1900, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                    ("updated_at__lt", datetime.datetime(2200, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                ),
                name="partners_agreementparty_updated_at_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="expertisearea",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("updated_at__gte", datetime.datetime(1900, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                    ("updated_at__lt", datetime.datetime(2200, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                ),
                name="partners_expertisearea_updated_at_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="guidanceservice",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("created_at__gte", datetime.datetime(1900, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                    ("created_at__lt", datetime.datetime(2200, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                ),
                name="partners_guidanceservice_created_at_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="guidanceservice",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("updated_at__gte", datetime.datetime(1900, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                    ("updated_at__lt", datetime.datetime(2200, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                ),
                name="partners_guidanceservice_updated_at_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="organisation",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("created_at__gte", datetime.datetime(1900, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                    ("created_at__lt", datetime.datetime(2200, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                ),
                name="partners_organisation_created_at_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="organisation",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("updated_at__gte", datetime.datetime(1900, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                    ("updated_at__lt", datetime.datetime(2200, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                ),
                name="partners_organisation_updated_at_plausible",
            ),
        ),
    ]

"""The rule for every date and date-time: years 1900–2199, in the model fields' validators and as
check constraints."""

import datetime

import django.db.models.functions.datetime
from django.conf import settings
from django.db import migrations, models

import portal.lib.validators


class Migration(migrations.Migration):
    dependencies = [
        ("networks", "0015_edit_versions"),
        ("partners", "0010_edit_versions"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        # Rows from before the rule: a year out of range moves to the nearest allowed year (same day and time),
        # so that the constraints below can be added and nothing is lost.
        migrations.RunSQL(
            [
                "UPDATE networks_actionitem SET due_on = due_on + make_interval(years => 2199 - EXTRACT(YEAR FROM due_on)::int) WHERE due_on >= '2200-01-01'",
                "UPDATE networks_actionitem SET due_on = due_on + make_interval(years => 1900 - EXTRACT(YEAR FROM due_on)::int) WHERE due_on < '1900-01-01'",
                "UPDATE networks_actionitem SET status_changed_at = status_changed_at + make_interval(years => 2199 - EXTRACT(YEAR FROM status_changed_at)::int) WHERE status_changed_at >= '2200-01-01'",
                "UPDATE networks_actionitem SET status_changed_at = status_changed_at + make_interval(years => 1900 - EXTRACT(YEAR FROM status_changed_at)::int) WHERE status_changed_at < '1900-01-01'",
                "UPDATE networks_actionitem SET created_at = created_at + make_interval(years => 2199 - EXTRACT(YEAR FROM created_at)::int) WHERE created_at >= '2200-01-01'",
                "UPDATE networks_actionitem SET created_at = created_at + make_interval(years => 1900 - EXTRACT(YEAR FROM created_at)::int) WHERE created_at < '1900-01-01'",
                "UPDATE networks_actionitem SET updated_at = updated_at + make_interval(years => 2199 - EXTRACT(YEAR FROM updated_at)::int) WHERE updated_at >= '2200-01-01'",
                "UPDATE networks_actionitem SET updated_at = updated_at + make_interval(years => 1900 - EXTRACT(YEAR FROM updated_at)::int) WHERE updated_at < '1900-01-01'",
                "UPDATE networks_actionitem SET due_reminder_sent_at = due_reminder_sent_at + make_interval(years => 2199 - EXTRACT(YEAR FROM due_reminder_sent_at)::int) WHERE due_reminder_sent_at >= '2200-01-01'",
                "UPDATE networks_actionitem SET due_reminder_sent_at = due_reminder_sent_at + make_interval(years => 1900 - EXTRACT(YEAR FROM due_reminder_sent_at)::int) WHERE due_reminder_sent_at < '1900-01-01'",
                "UPDATE networks_actionitem SET overdue_reminder_sent_at = overdue_reminder_sent_at + make_interval(years => 2199 - EXTRACT(YEAR FROM overdue_reminder_sent_at)::int) WHERE overdue_reminder_sent_at >= '2200-01-01'",
                "UPDATE networks_actionitem SET overdue_reminder_sent_at = overdue_reminder_sent_at + make_interval(years => 1900 - EXTRACT(YEAR FROM overdue_reminder_sent_at)::int) WHERE overdue_reminder_sent_at < '1900-01-01'",
                "UPDATE networks_agendaitem SET updated_at = updated_at + make_interval(years => 2199 - EXTRACT(YEAR FROM updated_at)::int) WHERE updated_at >= '2200-01-01'",
                "UPDATE networks_agendaitem SET updated_at = updated_at + make_interval(years => 1900 - EXTRACT(YEAR FROM updated_at)::int) WHERE updated_at < '1900-01-01'",
                "UPDATE networks_amendment SET made_at = made_at + make_interval(years => 2199 - EXTRACT(YEAR FROM made_at)::int) WHERE made_at >= '2200-01-01'",
                "UPDATE networks_amendment SET made_at = made_at + make_interval(years => 1900 - EXTRACT(YEAR FROM made_at)::int) WHERE made_at < '1900-01-01'",
                "UPDATE networks_attendance SET recorded_at = recorded_at + make_interval(years => 2199 - EXTRACT(YEAR FROM recorded_at)::int) WHERE recorded_at >= '2200-01-01'",
                "UPDATE networks_attendance SET recorded_at = recorded_at + make_interval(years => 1900 - EXTRACT(YEAR FROM recorded_at)::int) WHERE recorded_at < '1900-01-01'",
                "UPDATE networks_calendarfeed SET created_at = created_at + make_interval(years => 2199 - EXTRACT(YEAR FROM created_at)::int) WHERE created_at >= '2200-01-01'",
                "UPDATE networks_calendarfeed SET created_at = created_at + make_interval(years => 1900 - EXTRACT(YEAR FROM created_at)::int) WHERE created_at < '1900-01-01'",
                "UPDATE networks_decision SET decided_on = decided_on + make_interval(years => 2199 - EXTRACT(YEAR FROM decided_on)::int) WHERE decided_on >= '2200-01-01'",
                "UPDATE networks_decision SET decided_on = decided_on + make_interval(years => 1900 - EXTRACT(YEAR FROM decided_on)::int) WHERE decided_on < '1900-01-01'",
                "UPDATE networks_decision SET recorded_at = recorded_at + make_interval(years => 2199 - EXTRACT(YEAR FROM recorded_at)::int) WHERE recorded_at >= '2200-01-01'",
                "UPDATE networks_decision SET recorded_at = recorded_at + make_interval(years => 1900 - EXTRACT(YEAR FROM recorded_at)::int) WHERE recorded_at < '1900-01-01'",
                "UPDATE networks_decision SET updated_at = updated_at + make_interval(years => 2199 - EXTRACT(YEAR FROM updated_at)::int) WHERE updated_at >= '2200-01-01'",
                "UPDATE networks_decision SET updated_at = updated_at + make_interval(years => 1900 - EXTRACT(YEAR FROM updated_at)::int) WHERE updated_at < '1900-01-01'",
                "UPDATE networks_endorsement SET answered_at = answered_at + make_interval(years => 2199 - EXTRACT(YEAR FROM answered_at)::int) WHERE answered_at >= '2200-01-01'",
                "UPDATE networks_endorsement SET answered_at = answered_at + make_interval(years => 1900 - EXTRACT(YEAR FROM answered_at)::int) WHERE answered_at < '1900-01-01'",
                "UPDATE networks_endorsementround SET deadline = deadline + make_interval(years => 2199 - EXTRACT(YEAR FROM deadline)::int) WHERE deadline >= '2200-01-01'",
                "UPDATE networks_endorsementround SET deadline = deadline + make_interval(years => 1900 - EXTRACT(YEAR FROM deadline)::int) WHERE deadline < '1900-01-01'",
                "UPDATE networks_endorsementround SET opened_at = opened_at + make_interval(years => 2199 - EXTRACT(YEAR FROM opened_at)::int) WHERE opened_at >= '2200-01-01'",
                "UPDATE networks_endorsementround SET opened_at = opened_at + make_interval(years => 1900 - EXTRACT(YEAR FROM opened_at)::int) WHERE opened_at < '1900-01-01'",
                "UPDATE networks_endorsementround SET closed_at = closed_at + make_interval(years => 2199 - EXTRACT(YEAR FROM closed_at)::int) WHERE closed_at >= '2200-01-01'",
                "UPDATE networks_endorsementround SET closed_at = closed_at + make_interval(years => 1900 - EXTRACT(YEAR FROM closed_at)::int) WHERE closed_at < '1900-01-01'",
                "UPDATE networks_endorsementround SET reminder_sent_at = reminder_sent_at + make_interval(years => 2199 - EXTRACT(YEAR FROM reminder_sent_at)::int) WHERE reminder_sent_at >= '2200-01-01'",
                "UPDATE networks_endorsementround SET reminder_sent_at = reminder_sent_at + make_interval(years => 1900 - EXTRACT(YEAR FROM reminder_sent_at)::int) WHERE reminder_sent_at < '1900-01-01'",
                "UPDATE networks_goal SET period_start = period_start + make_interval(years => 2199 - EXTRACT(YEAR FROM period_start)::int) WHERE period_start >= '2200-01-01'",
                "UPDATE networks_goal SET period_start = period_start + make_interval(years => 1900 - EXTRACT(YEAR FROM period_start)::int) WHERE period_start < '1900-01-01'",
                "UPDATE networks_goal SET period_end = period_end + make_interval(years => 2199 - EXTRACT(YEAR FROM period_end)::int) WHERE period_end >= '2200-01-01'",
                "UPDATE networks_goal SET period_end = period_end + make_interval(years => 1900 - EXTRACT(YEAR FROM period_end)::int) WHERE period_end < '1900-01-01'",
                "UPDATE networks_goal SET status_changed_at = status_changed_at + make_interval(years => 2199 - EXTRACT(YEAR FROM status_changed_at)::int) WHERE status_changed_at >= '2200-01-01'",
                "UPDATE networks_goal SET status_changed_at = status_changed_at + make_interval(years => 1900 - EXTRACT(YEAR FROM status_changed_at)::int) WHERE status_changed_at < '1900-01-01'",
                "UPDATE networks_goal SET created_at = created_at + make_interval(years => 2199 - EXTRACT(YEAR FROM created_at)::int) WHERE created_at >= '2200-01-01'",
                "UPDATE networks_goal SET created_at = created_at + make_interval(years => 1900 - EXTRACT(YEAR FROM created_at)::int) WHERE created_at < '1900-01-01'",
                "UPDATE networks_goal SET updated_at = updated_at + make_interval(years => 2199 - EXTRACT(YEAR FROM updated_at)::int) WHERE updated_at >= '2200-01-01'",
                "UPDATE networks_goal SET updated_at = updated_at + make_interval(years => 1900 - EXTRACT(YEAR FROM updated_at)::int) WHERE updated_at < '1900-01-01'",
                "UPDATE networks_goalrevision SET period_start = period_start + make_interval(years => 2199 - EXTRACT(YEAR FROM period_start)::int) WHERE period_start >= '2200-01-01'",
                "UPDATE networks_goalrevision SET period_start = period_start + make_interval(years => 1900 - EXTRACT(YEAR FROM period_start)::int) WHERE period_start < '1900-01-01'",
                "UPDATE networks_goalrevision SET period_end = period_end + make_interval(years => 2199 - EXTRACT(YEAR FROM period_end)::int) WHERE period_end >= '2200-01-01'",
                "UPDATE networks_goalrevision SET period_end = period_end + make_interval(years => 1900 - EXTRACT(YEAR FROM period_end)::int) WHERE period_end < '1900-01-01'",
                "UPDATE networks_goalrevision SET created_at = created_at + make_interval(years => 2199 - EXTRACT(YEAR FROM created_at)::int) WHERE created_at >= '2200-01-01'",
                "UPDATE networks_goalrevision SET created_at = created_at + make_interval(years => 1900 - EXTRACT(YEAR FROM created_at)::int) WHERE created_at < '1900-01-01'",
                "UPDATE networks_indicator SET baseline_date = baseline_date + make_interval(years => 2199 - EXTRACT(YEAR FROM baseline_date)::int) WHERE baseline_date >= '2200-01-01'",
                "UPDATE networks_indicator SET baseline_date = baseline_date + make_interval(years => 1900 - EXTRACT(YEAR FROM baseline_date)::int) WHERE baseline_date < '1900-01-01'",
                "UPDATE networks_indicator SET target_date = target_date + make_interval(years => 2199 - EXTRACT(YEAR FROM target_date)::int) WHERE target_date >= '2200-01-01'",
                "UPDATE networks_indicator SET target_date = target_date + make_interval(years => 1900 - EXTRACT(YEAR FROM target_date)::int) WHERE target_date < '1900-01-01'",
                "UPDATE networks_indicator SET created_at = created_at + make_interval(years => 2199 - EXTRACT(YEAR FROM created_at)::int) WHERE created_at >= '2200-01-01'",
                "UPDATE networks_indicator SET created_at = created_at + make_interval(years => 1900 - EXTRACT(YEAR FROM created_at)::int) WHERE created_at < '1900-01-01'",
                "UPDATE networks_indicator SET updated_at = updated_at + make_interval(years => 2199 - EXTRACT(YEAR FROM updated_at)::int) WHERE updated_at >= '2200-01-01'",
                "UPDATE networks_indicator SET updated_at = updated_at + make_interval(years => 1900 - EXTRACT(YEAR FROM updated_at)::int) WHERE updated_at < '1900-01-01'",
                "UPDATE networks_invitedorganisation SET invited_at = invited_at + make_interval(years => 2199 - EXTRACT(YEAR FROM invited_at)::int) WHERE invited_at >= '2200-01-01'",
                "UPDATE networks_invitedorganisation SET invited_at = invited_at + make_interval(years => 1900 - EXTRACT(YEAR FROM invited_at)::int) WHERE invited_at < '1900-01-01'",
                "UPDATE networks_invitee SET replied_at = replied_at + make_interval(years => 2199 - EXTRACT(YEAR FROM replied_at)::int) WHERE replied_at >= '2200-01-01'",
                "UPDATE networks_invitee SET replied_at = replied_at + make_interval(years => 1900 - EXTRACT(YEAR FROM replied_at)::int) WHERE replied_at < '1900-01-01'",
                "UPDATE networks_invitee SET invited_at = invited_at + make_interval(years => 2199 - EXTRACT(YEAR FROM invited_at)::int) WHERE invited_at >= '2200-01-01'",
                "UPDATE networks_invitee SET invited_at = invited_at + make_interval(years => 1900 - EXTRACT(YEAR FROM invited_at)::int) WHERE invited_at < '1900-01-01'",
                "UPDATE networks_measurement SET measured_on = measured_on + make_interval(years => 2199 - EXTRACT(YEAR FROM measured_on)::int) WHERE measured_on >= '2200-01-01'",
                "UPDATE networks_measurement SET measured_on = measured_on + make_interval(years => 1900 - EXTRACT(YEAR FROM measured_on)::int) WHERE measured_on < '1900-01-01'",
                "UPDATE networks_measurement SET recorded_at = recorded_at + make_interval(years => 2199 - EXTRACT(YEAR FROM recorded_at)::int) WHERE recorded_at >= '2200-01-01'",
                "UPDATE networks_measurement SET recorded_at = recorded_at + make_interval(years => 1900 - EXTRACT(YEAR FROM recorded_at)::int) WHERE recorded_at < '1900-01-01'",
                "UPDATE networks_meeting SET starts_at = starts_at + make_interval(years => 2199 - EXTRACT(YEAR FROM starts_at)::int) WHERE starts_at >= '2200-01-01'",
                "UPDATE networks_meeting SET starts_at = starts_at + make_interval(years => 1900 - EXTRACT(YEAR FROM starts_at)::int) WHERE starts_at < '1900-01-01'",
                "UPDATE networks_meeting SET ends_at = ends_at + make_interval(years => 2199 - EXTRACT(YEAR FROM ends_at)::int) WHERE ends_at >= '2200-01-01'",
                "UPDATE networks_meeting SET ends_at = ends_at + make_interval(years => 1900 - EXTRACT(YEAR FROM ends_at)::int) WHERE ends_at < '1900-01-01'",
                "UPDATE networks_meeting SET status_changed_at = status_changed_at + make_interval(years => 2199 - EXTRACT(YEAR FROM status_changed_at)::int) WHERE status_changed_at >= '2200-01-01'",
                "UPDATE networks_meeting SET status_changed_at = status_changed_at + make_interval(years => 1900 - EXTRACT(YEAR FROM status_changed_at)::int) WHERE status_changed_at < '1900-01-01'",
                "UPDATE networks_meeting SET minutes_approved_at = minutes_approved_at + make_interval(years => 2199 - EXTRACT(YEAR FROM minutes_approved_at)::int) WHERE minutes_approved_at >= '2200-01-01'",
                "UPDATE networks_meeting SET minutes_approved_at = minutes_approved_at + make_interval(years => 1900 - EXTRACT(YEAR FROM minutes_approved_at)::int) WHERE minutes_approved_at < '1900-01-01'",
                "UPDATE networks_meeting SET reminder_sent_at = reminder_sent_at + make_interval(years => 2199 - EXTRACT(YEAR FROM reminder_sent_at)::int) WHERE reminder_sent_at >= '2200-01-01'",
                "UPDATE networks_meeting SET reminder_sent_at = reminder_sent_at + make_interval(years => 1900 - EXTRACT(YEAR FROM reminder_sent_at)::int) WHERE reminder_sent_at < '1900-01-01'",
                "UPDATE networks_meeting SET created_at = created_at + make_interval(years => 2199 - EXTRACT(YEAR FROM created_at)::int) WHERE created_at >= '2200-01-01'",
                "UPDATE networks_meeting SET created_at = created_at + make_interval(years => 1900 - EXTRACT(YEAR FROM created_at)::int) WHERE created_at < '1900-01-01'",
                "UPDATE networks_meeting SET updated_at = updated_at + make_interval(years => 2199 - EXTRACT(YEAR FROM updated_at)::int) WHERE updated_at >= '2200-01-01'",
                "UPDATE networks_meeting SET updated_at = updated_at + make_interval(years => 1900 - EXTRACT(YEAR FROM updated_at)::int) WHERE updated_at < '1900-01-01'",
                "UPDATE networks_membership SET joined_on = joined_on + make_interval(years => 2199 - EXTRACT(YEAR FROM joined_on)::int) WHERE joined_on >= '2200-01-01'",
                "UPDATE networks_membership SET joined_on = joined_on + make_interval(years => 1900 - EXTRACT(YEAR FROM joined_on)::int) WHERE joined_on < '1900-01-01'",
                "UPDATE networks_membership SET left_on = left_on + make_interval(years => 2199 - EXTRACT(YEAR FROM left_on)::int) WHERE left_on >= '2200-01-01'",
                "UPDATE networks_membership SET left_on = left_on + make_interval(years => 1900 - EXTRACT(YEAR FROM left_on)::int) WHERE left_on < '1900-01-01'",
                "UPDATE networks_membership SET updated_at = updated_at + make_interval(years => 2199 - EXTRACT(YEAR FROM updated_at)::int) WHERE updated_at >= '2200-01-01'",
                "UPDATE networks_membership SET updated_at = updated_at + make_interval(years => 1900 - EXTRACT(YEAR FROM updated_at)::int) WHERE updated_at < '1900-01-01'",
                "UPDATE networks_membershipchange SET changed_at = changed_at + make_interval(years => 2199 - EXTRACT(YEAR FROM changed_at)::int) WHERE changed_at >= '2200-01-01'",
                "UPDATE networks_membershipchange SET changed_at = changed_at + make_interval(years => 1900 - EXTRACT(YEAR FROM changed_at)::int) WHERE changed_at < '1900-01-01'",
                "UPDATE networks_minutescomment SET created_at = created_at + make_interval(years => 2199 - EXTRACT(YEAR FROM created_at)::int) WHERE created_at >= '2200-01-01'",
                "UPDATE networks_minutescomment SET created_at = created_at + make_interval(years => 1900 - EXTRACT(YEAR FROM created_at)::int) WHERE created_at < '1900-01-01'",
                "UPDATE networks_network SET created_at = created_at + make_interval(years => 2199 - EXTRACT(YEAR FROM created_at)::int) WHERE created_at >= '2200-01-01'",
                "UPDATE networks_network SET created_at = created_at + make_interval(years => 1900 - EXTRACT(YEAR FROM created_at)::int) WHERE created_at < '1900-01-01'",
                "UPDATE networks_network SET updated_at = updated_at + make_interval(years => 2199 - EXTRACT(YEAR FROM updated_at)::int) WHERE updated_at >= '2200-01-01'",
                "UPDATE networks_network SET updated_at = updated_at + make_interval(years => 1900 - EXTRACT(YEAR FROM updated_at)::int) WHERE updated_at < '1900-01-01'",
                "UPDATE networks_slotanswer SET answered_at = answered_at + make_interval(years => 2199 - EXTRACT(YEAR FROM answered_at)::int) WHERE answered_at >= '2200-01-01'",
                "UPDATE networks_slotanswer SET answered_at = answered_at + make_interval(years => 1900 - EXTRACT(YEAR FROM answered_at)::int) WHERE answered_at < '1900-01-01'",
                "UPDATE networks_timepoll SET closed_at = closed_at + make_interval(years => 2199 - EXTRACT(YEAR FROM closed_at)::int) WHERE closed_at >= '2200-01-01'",
                "UPDATE networks_timepoll SET closed_at = closed_at + make_interval(years => 1900 - EXTRACT(YEAR FROM closed_at)::int) WHERE closed_at < '1900-01-01'",
                "UPDATE networks_timepoll SET created_at = created_at + make_interval(years => 2199 - EXTRACT(YEAR FROM created_at)::int) WHERE created_at >= '2200-01-01'",
                "UPDATE networks_timepoll SET created_at = created_at + make_interval(years => 1900 - EXTRACT(YEAR FROM created_at)::int) WHERE created_at < '1900-01-01'",
                "UPDATE networks_timeslot SET starts_at = starts_at + make_interval(years => 2199 - EXTRACT(YEAR FROM starts_at)::int) WHERE starts_at >= '2200-01-01'",
                "UPDATE networks_timeslot SET starts_at = starts_at + make_interval(years => 1900 - EXTRACT(YEAR FROM starts_at)::int) WHERE starts_at < '1900-01-01'",
                "UPDATE networks_timeslot SET ends_at = ends_at + make_interval(years => 2199 - EXTRACT(YEAR FROM ends_at)::int) WHERE ends_at >= '2200-01-01'",
                "UPDATE networks_timeslot SET ends_at = ends_at + make_interval(years => 1900 - EXTRACT(YEAR FROM ends_at)::int) WHERE ends_at < '1900-01-01'",
            ],
            migrations.RunSQL.noop,
        ),
        migrations.AlterField(
            model_name="actionitem",
            name="created_at",
            field=models.DateTimeField(
                auto_now_add=True, validators=[portal.lib.validators.validate_plausible_date], verbose_name="created"
            ),
        ),
        migrations.AlterField(
            model_name="actionitem",
            name="due_on",
            field=models.DateField(validators=[portal.lib.validators.validate_plausible_date], verbose_name="due"),
        ),
        migrations.AlterField(
            model_name="actionitem",
            name="due_reminder_sent_at",
            field=models.DateTimeField(
                blank=True, editable=False, null=True, validators=[portal.lib.validators.validate_plausible_date]
            ),
        ),
        migrations.AlterField(
            model_name="actionitem",
            name="overdue_reminder_sent_at",
            field=models.DateTimeField(
                blank=True, editable=False, null=True, validators=[portal.lib.validators.validate_plausible_date]
            ),
        ),
        migrations.AlterField(
            model_name="actionitem",
            name="status_changed_at",
            field=models.DateTimeField(
                blank=True,
                null=True,
                validators=[portal.lib.validators.validate_plausible_date],
                verbose_name="status changed",
            ),
        ),
        migrations.AlterField(
            model_name="actionitem",
            name="updated_at",
            field=models.DateTimeField(
                auto_now=True, validators=[portal.lib.validators.validate_plausible_date], verbose_name="updated"
            ),
        ),
        migrations.AlterField(
            model_name="agendaitem",
            name="updated_at",
            field=models.DateTimeField(
                auto_now=True, validators=[portal.lib.validators.validate_plausible_date], verbose_name="updated"
            ),
        ),
        migrations.AlterField(
            model_name="amendment",
            name="made_at",
            field=models.DateTimeField(
                auto_now_add=True, validators=[portal.lib.validators.validate_plausible_date], verbose_name="made"
            ),
        ),
        migrations.AlterField(
            model_name="attendance",
            name="recorded_at",
            field=models.DateTimeField(auto_now_add=True, validators=[portal.lib.validators.validate_plausible_date]),
        ),
        migrations.AlterField(
            model_name="calendarfeed",
            name="created_at",
            field=models.DateTimeField(auto_now=True, validators=[portal.lib.validators.validate_plausible_date]),
        ),
        migrations.AlterField(
            model_name="decision",
            name="decided_on",
            field=models.DateField(
                validators=[portal.lib.validators.validate_plausible_date], verbose_name="decided on"
            ),
        ),
        migrations.AlterField(
            model_name="decision",
            name="recorded_at",
            field=models.DateTimeField(
                auto_now_add=True, validators=[portal.lib.validators.validate_plausible_date], verbose_name="recorded"
            ),
        ),
        migrations.AlterField(
            model_name="decision",
            name="updated_at",
            field=models.DateTimeField(
                auto_now=True, validators=[portal.lib.validators.validate_plausible_date], verbose_name="updated"
            ),
        ),
        migrations.AlterField(
            model_name="endorsement",
            name="answered_at",
            field=models.DateTimeField(
                auto_now_add=True, validators=[portal.lib.validators.validate_plausible_date], verbose_name="answered"
            ),
        ),
        migrations.AlterField(
            model_name="endorsementround",
            name="closed_at",
            field=models.DateTimeField(
                blank=True, null=True, validators=[portal.lib.validators.validate_plausible_date], verbose_name="closed"
            ),
        ),
        migrations.AlterField(
            model_name="endorsementround",
            name="deadline",
            field=models.DateField(validators=[portal.lib.validators.validate_plausible_date], verbose_name="deadline"),
        ),
        migrations.AlterField(
            model_name="endorsementround",
            name="opened_at",
            field=models.DateTimeField(
                auto_now_add=True, validators=[portal.lib.validators.validate_plausible_date], verbose_name="opened"
            ),
        ),
        migrations.AlterField(
            model_name="endorsementround",
            name="reminder_sent_at",
            field=models.DateTimeField(
                blank=True, editable=False, null=True, validators=[portal.lib.validators.validate_plausible_date]
            ),
        ),
        migrations.AlterField(
            model_name="goal",
            name="created_at",
            field=models.DateTimeField(
                auto_now_add=True, validators=[portal.lib.validators.validate_plausible_date], verbose_name="created"
            ),
        ),
        migrations.AlterField(
            model_name="goal",
            name="period_end",
            field=models.DateField(
                validators=[portal.lib.validators.validate_plausible_date], verbose_name="period ends"
            ),
        ),
        migrations.AlterField(
            model_name="goal",
            name="period_start",
            field=models.DateField(
                validators=[portal.lib.validators.validate_plausible_date], verbose_name="period starts"
            ),
        ),
        migrations.AlterField(
            model_name="goal",
            name="status_changed_at",
            field=models.DateTimeField(
                auto_now_add=True,
                validators=[portal.lib.validators.validate_plausible_date],
                verbose_name="status changed",
            ),
        ),
        migrations.AlterField(
            model_name="goal",
            name="updated_at",
            field=models.DateTimeField(
                auto_now=True, validators=[portal.lib.validators.validate_plausible_date], verbose_name="updated"
            ),
        ),
        migrations.AlterField(
            model_name="goalrevision",
            name="created_at",
            field=models.DateTimeField(
                auto_now_add=True, validators=[portal.lib.validators.validate_plausible_date], verbose_name="when"
            ),
        ),
        migrations.AlterField(
            model_name="goalrevision",
            name="period_end",
            field=models.DateField(
                validators=[portal.lib.validators.validate_plausible_date], verbose_name="period ends"
            ),
        ),
        migrations.AlterField(
            model_name="goalrevision",
            name="period_start",
            field=models.DateField(
                validators=[portal.lib.validators.validate_plausible_date], verbose_name="period starts"
            ),
        ),
        migrations.AlterField(
            model_name="indicator",
            name="baseline_date",
            field=models.DateField(
                validators=[portal.lib.validators.validate_plausible_date], verbose_name="baseline date"
            ),
        ),
        migrations.AlterField(
            model_name="indicator",
            name="created_at",
            field=models.DateTimeField(
                auto_now_add=True, validators=[portal.lib.validators.validate_plausible_date], verbose_name="created"
            ),
        ),
        migrations.AlterField(
            model_name="indicator",
            name="target_date",
            field=models.DateField(
                validators=[portal.lib.validators.validate_plausible_date], verbose_name="target date"
            ),
        ),
        migrations.AlterField(
            model_name="indicator",
            name="updated_at",
            field=models.DateTimeField(
                auto_now=True, validators=[portal.lib.validators.validate_plausible_date], verbose_name="updated"
            ),
        ),
        migrations.AlterField(
            model_name="invitedorganisation",
            name="invited_at",
            field=models.DateTimeField(auto_now_add=True, validators=[portal.lib.validators.validate_plausible_date]),
        ),
        migrations.AlterField(
            model_name="invitee",
            name="invited_at",
            field=models.DateTimeField(
                auto_now_add=True, validators=[portal.lib.validators.validate_plausible_date], verbose_name="invited"
            ),
        ),
        migrations.AlterField(
            model_name="invitee",
            name="replied_at",
            field=models.DateTimeField(
                blank=True,
                null=True,
                validators=[portal.lib.validators.validate_plausible_date],
                verbose_name="replied",
            ),
        ),
        migrations.AlterField(
            model_name="measurement",
            name="measured_on",
            field=models.DateField(validators=[portal.lib.validators.validate_plausible_date], verbose_name="date"),
        ),
        migrations.AlterField(
            model_name="measurement",
            name="recorded_at",
            field=models.DateTimeField(
                auto_now_add=True, validators=[portal.lib.validators.validate_plausible_date], verbose_name="recorded"
            ),
        ),
        migrations.AlterField(
            model_name="meeting",
            name="created_at",
            field=models.DateTimeField(
                auto_now_add=True, validators=[portal.lib.validators.validate_plausible_date], verbose_name="created"
            ),
        ),
        migrations.AlterField(
            model_name="meeting",
            name="ends_at",
            field=models.DateTimeField(validators=[portal.lib.validators.validate_plausible_date], verbose_name="ends"),
        ),
        migrations.AlterField(
            model_name="meeting",
            name="minutes_approved_at",
            field=models.DateTimeField(
                blank=True,
                editable=False,
                null=True,
                validators=[portal.lib.validators.validate_plausible_date],
                verbose_name="minutes approved",
            ),
        ),
        migrations.AlterField(
            model_name="meeting",
            name="reminder_sent_at",
            field=models.DateTimeField(
                blank=True, editable=False, null=True, validators=[portal.lib.validators.validate_plausible_date]
            ),
        ),
        migrations.AlterField(
            model_name="meeting",
            name="starts_at",
            field=models.DateTimeField(
                validators=[portal.lib.validators.validate_plausible_date], verbose_name="starts"
            ),
        ),
        migrations.AlterField(
            model_name="meeting",
            name="status_changed_at",
            field=models.DateTimeField(
                auto_now_add=True,
                validators=[portal.lib.validators.validate_plausible_date],
                verbose_name="status changed",
            ),
        ),
        migrations.AlterField(
            model_name="meeting",
            name="updated_at",
            field=models.DateTimeField(
                auto_now=True, validators=[portal.lib.validators.validate_plausible_date], verbose_name="updated"
            ),
        ),
        migrations.AlterField(
            model_name="membership",
            name="joined_on",
            field=models.DateField(
                blank=True, null=True, validators=[portal.lib.validators.validate_plausible_date], verbose_name="joined"
            ),
        ),
        migrations.AlterField(
            model_name="membership",
            name="left_on",
            field=models.DateField(
                blank=True, null=True, validators=[portal.lib.validators.validate_plausible_date], verbose_name="left"
            ),
        ),
        migrations.AlterField(
            model_name="membership",
            name="updated_at",
            field=models.DateTimeField(
                auto_now=True, validators=[portal.lib.validators.validate_plausible_date], verbose_name="updated"
            ),
        ),
        migrations.AlterField(
            model_name="membershipchange",
            name="changed_at",
            field=models.DateTimeField(
                db_default=django.db.models.functions.datetime.Now(),
                validators=[portal.lib.validators.validate_plausible_date],
                verbose_name="when",
            ),
        ),
        migrations.AlterField(
            model_name="minutescomment",
            name="created_at",
            field=models.DateTimeField(
                auto_now_add=True, validators=[portal.lib.validators.validate_plausible_date], verbose_name="written"
            ),
        ),
        migrations.AlterField(
            model_name="network",
            name="created_at",
            field=models.DateTimeField(
                auto_now_add=True, validators=[portal.lib.validators.validate_plausible_date], verbose_name="created"
            ),
        ),
        migrations.AlterField(
            model_name="network",
            name="updated_at",
            field=models.DateTimeField(
                auto_now=True, validators=[portal.lib.validators.validate_plausible_date], verbose_name="updated"
            ),
        ),
        migrations.AlterField(
            model_name="slotanswer",
            name="answered_at",
            field=models.DateTimeField(auto_now=True, validators=[portal.lib.validators.validate_plausible_date]),
        ),
        migrations.AlterField(
            model_name="timepoll",
            name="closed_at",
            field=models.DateTimeField(
                blank=True, editable=False, null=True, validators=[portal.lib.validators.validate_plausible_date]
            ),
        ),
        migrations.AlterField(
            model_name="timepoll",
            name="created_at",
            field=models.DateTimeField(
                auto_now_add=True, validators=[portal.lib.validators.validate_plausible_date], verbose_name="created"
            ),
        ),
        migrations.AlterField(
            model_name="timeslot",
            name="ends_at",
            field=models.DateTimeField(validators=[portal.lib.validators.validate_plausible_date], verbose_name="ends"),
        ),
        migrations.AlterField(
            model_name="timeslot",
            name="starts_at",
            field=models.DateTimeField(
                validators=[portal.lib.validators.validate_plausible_date], verbose_name="starts"
            ),
        ),
        migrations.AddConstraint(
            model_name="actionitem",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("due_on__gte", datetime.date(1900, 1, 1)), ("due_on__lt", datetime.date(2200, 1, 1))
                ),
                name="networks_actionitem_due_on_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="actionitem",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("status_changed_at__gte", datetime.datetime(1900, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                    ("status_changed_at__lt", datetime.datetime(2200, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                ),
                name="networks_actionitem_status_changed_at_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="actionitem",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("created_at__gte", datetime.datetime(1900, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                    ("created_at__lt", datetime.datetime(2200, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                ),
                name="networks_actionitem_created_at_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="actionitem",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("updated_at__gte", datetime.datetime(1900, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                    ("updated_at__lt", datetime.datetime(2200, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                ),
                name="networks_actionitem_updated_at_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="actionitem",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("due_reminder_sent_at__gte", datetime.datetime(1900, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                    ("due_reminder_sent_at__lt", datetime.datetime(2200, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                ),
                name="networks_actionitem_due_reminder_sent_at_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="actionitem",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    (
                        "overdue_reminder_sent_at__gte",
                        datetime.datetime(1900, 1, 1, 0, 0, tzinfo=datetime.UTC),
                    ),
                    ("overdue_reminder_sent_at__lt", datetime.datetime(2200, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                ),
                name="networks_actionitem_overdue_reminder_sent_at_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="agendaitem",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("updated_at__gte", datetime.datetime(1900, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                    ("updated_at__lt", datetime.datetime(2200, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                ),
                name="networks_agendaitem_updated_at_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="amendment",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("made_at__gte", datetime.datetime(1900, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                    ("made_at__lt", datetime.datetime(2200, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                ),
                name="networks_amendment_made_at_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="attendance",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("recorded_at__gte", datetime.datetime(1900, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                    ("recorded_at__lt", datetime.datetime(2200, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                ),
                name="networks_attendance_recorded_at_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="calendarfeed",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("created_at__gte", datetime.datetime(1900, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                    ("created_at__lt", datetime.datetime(2200, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                ),
                name="networks_calendarfeed_created_at_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="decision",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("decided_on__gte", datetime.date(1900, 1, 1)), ("decided_on__lt", datetime.date(2200, 1, 1))
                ),
                name="networks_decision_decided_on_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="decision",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("recorded_at__gte", datetime.datetime(1900, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                    ("recorded_at__lt", datetime.datetime(2200, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                ),
                name="networks_decision_recorded_at_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="decision",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("updated_at__gte", datetime.datetime(1900, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                    ("updated_at__lt", datetime.datetime(2200, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                ),
                name="networks_decision_updated_at_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="endorsement",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("answered_at__gte", datetime.datetime(1900, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                    ("answered_at__lt", datetime.datetime(2200, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                ),
                name="networks_endorsement_answered_at_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="endorsementround",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("deadline__gte", datetime.date(1900, 1, 1)), ("deadline__lt", datetime.date(2200, 1, 1))
                ),
                name="networks_endorsementround_deadline_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="endorsementround",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("opened_at__gte", datetime.datetime(1900, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                    ("opened_at__lt", datetime.datetime(2200, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                ),
                name="networks_endorsementround_opened_at_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="endorsementround",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("closed_at__gte", datetime.datetime(1900, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                    ("closed_at__lt", datetime.datetime(2200, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                ),
                name="networks_endorsementround_closed_at_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="endorsementround",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("reminder_sent_at__gte", datetime.datetime(1900, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                    ("reminder_sent_at__lt", datetime.datetime(2200, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                ),
                name="networks_endorsementround_reminder_sent_at_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="goal",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("period_start__gte", datetime.date(1900, 1, 1)), ("period_start__lt", datetime.date(2200, 1, 1))
                ),
                name="networks_goal_period_start_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="goal",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("period_end__gte", datetime.date(1900, 1, 1)), ("period_end__lt", datetime.date(2200, 1, 1))
                ),
                name="networks_goal_period_end_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="goal",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("status_changed_at__gte", datetime.datetime(1900, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                    ("status_changed_at__lt", datetime.datetime(2200, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                ),
                name="networks_goal_status_changed_at_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="goal",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("created_at__gte", datetime.datetime(1900, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                    ("created_at__lt", datetime.datetime(2200, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                ),
                name="networks_goal_created_at_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="goal",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("updated_at__gte", datetime.datetime(1900, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                    ("updated_at__lt", datetime.datetime(2200, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                ),
                name="networks_goal_updated_at_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="goalrevision",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("period_start__gte", datetime.date(1900, 1, 1)), ("period_start__lt", datetime.date(2200, 1, 1))
                ),
                name="networks_goalrevision_period_start_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="goalrevision",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("period_end__gte", datetime.date(1900, 1, 1)), ("period_end__lt", datetime.date(2200, 1, 1))
                ),
                name="networks_goalrevision_period_end_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="goalrevision",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("created_at__gte", datetime.datetime(1900, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                    ("created_at__lt", datetime.datetime(2200, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                ),
                name="networks_goalrevision_created_at_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="indicator",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("baseline_date__gte", datetime.date(1900, 1, 1)), ("baseline_date__lt", datetime.date(2200, 1, 1))
                ),
                name="networks_indicator_baseline_date_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="indicator",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("target_date__gte", datetime.date(1900, 1, 1)), ("target_date__lt", datetime.date(2200, 1, 1))
                ),
                name="networks_indicator_target_date_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="indicator",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("created_at__gte", datetime.datetime(1900, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                    ("created_at__lt", datetime.datetime(2200, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                ),
                name="networks_indicator_created_at_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="indicator",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("updated_at__gte", datetime.datetime(1900, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                    ("updated_at__lt", datetime.datetime(2200, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                ),
                name="networks_indicator_updated_at_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="invitedorganisation",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("invited_at__gte", datetime.datetime(1900, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                    ("invited_at__lt", datetime.datetime(2200, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                ),
                name="networks_invitedorganisation_invited_at_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="invitee",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("replied_at__gte", datetime.datetime(1900, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                    ("replied_at__lt", datetime.datetime(2200, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                ),
                name="networks_invitee_replied_at_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="invitee",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("invited_at__gte", datetime.datetime(1900, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                    ("invited_at__lt", datetime.datetime(2200, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                ),
                name="networks_invitee_invited_at_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="measurement",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("measured_on__gte", datetime.date(1900, 1, 1)), ("measured_on__lt", datetime.date(2200, 1, 1))
                ),
                name="networks_measurement_measured_on_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="measurement",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("recorded_at__gte", datetime.datetime(1900, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                    ("recorded_at__lt", datetime.datetime(2200, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                ),
                name="networks_measurement_recorded_at_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="meeting",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("starts_at__gte", datetime.datetime(1900, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                    ("starts_at__lt", datetime.datetime(2200, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                ),
                name="networks_meeting_starts_at_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="meeting",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("ends_at__gte", datetime.datetime(1900, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                    ("ends_at__lt", datetime.datetime(2200, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                ),
                name="networks_meeting_ends_at_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="meeting",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("status_changed_at__gte", datetime.datetime(1900, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                    ("status_changed_at__lt", datetime.datetime(2200, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                ),
                name="networks_meeting_status_changed_at_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="meeting",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("minutes_approved_at__gte", datetime.datetime(1900, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                    ("minutes_approved_at__lt", datetime.datetime(2200, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                ),
                name="networks_meeting_minutes_approved_at_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="meeting",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("reminder_sent_at__gte", datetime.datetime(1900, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                    ("reminder_sent_at__lt", datetime.datetime(2200, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                ),
                name="networks_meeting_reminder_sent_at_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="meeting",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("created_at__gte", datetime.datetime(1900, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                    ("created_at__lt", datetime.datetime(2200, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                ),
                name="networks_meeting_created_at_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="meeting",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("updated_at__gte", datetime.datetime(1900, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                    ("updated_at__lt", datetime.datetime(2200, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                ),
                name="networks_meeting_updated_at_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="membership",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("joined_on__gte", datetime.date(1900, 1, 1)), ("joined_on__lt", datetime.date(2200, 1, 1))
                ),
                name="networks_membership_joined_on_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="membership",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("left_on__gte", datetime.date(1900, 1, 1)), ("left_on__lt", datetime.date(2200, 1, 1))
                ),
                name="networks_membership_left_on_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="membership",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("updated_at__gte", datetime.datetime(1900, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                    ("updated_at__lt", datetime.datetime(2200, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                ),
                name="networks_membership_updated_at_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="membershipchange",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("changed_at__gte", datetime.datetime(1900, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                    ("changed_at__lt", datetime.datetime(2200, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                ),
                name="networks_membershipchange_changed_at_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="minutescomment",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("created_at__gte", datetime.datetime(1900, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                    ("created_at__lt", datetime.datetime(2200, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                ),
                name="networks_minutescomment_created_at_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="network",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("created_at__gte", datetime.datetime(1900, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                    ("created_at__lt", datetime.datetime(2200, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                ),
                name="networks_network_created_at_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="network",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("updated_at__gte", datetime.datetime(1900, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                    ("updated_at__lt", datetime.datetime(2200, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                ),
                name="networks_network_updated_at_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="slotanswer",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("answered_at__gte", datetime.datetime(1900, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                    ("answered_at__lt", datetime.datetime(2200, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                ),
                name="networks_slotanswer_answered_at_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="timepoll",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("closed_at__gte", datetime.datetime(1900, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                    ("closed_at__lt", datetime.datetime(2200, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                ),
                name="networks_timepoll_closed_at_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="timepoll",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("created_at__gte", datetime.datetime(1900, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                    ("created_at__lt", datetime.datetime(2200, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                ),
                name="networks_timepoll_created_at_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="timeslot",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("starts_at__gte", datetime.datetime(1900, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                    ("starts_at__lt", datetime.datetime(2200, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                ),
                name="networks_timeslot_starts_at_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="timeslot",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("ends_at__gte", datetime.datetime(1900, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                    ("ends_at__lt", datetime.datetime(2200, 1, 1, 0, 0, tzinfo=datetime.UTC)),
                ),
                name="networks_timeslot_ends_at_plausible",
            ),
        ),
    ]

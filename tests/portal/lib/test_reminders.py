"""What the daily jobs share: --today as a date, --days within its bounds, one line of output."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command

from portal.lib.reminders import DailyJobCommand, parse_day


class EchoCommand(DailyJobCommand):
    days_setting = "ECHO_DAYS"
    max_days = 30

    def run(self, *, today, days):
        return f"today={today} days={days}"


def test_today_is_a_date_or_the_real_today():
    assert parse_day(None) is None
    assert parse_day("2026-12-07") == datetime.date(2026, 12, 7)
    assert parse_day(datetime.date(2026, 1, 1)) == datetime.date(2026, 1, 1)
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        parse_day("7.12.2026")


def test_the_job_runs_with_its_options_and_says_what_it_did():
    out = io.StringIO()
    call_command(EchoCommand(), "--today", "2026-12-07", "--days", "5", stdout=out)
    assert out.getvalue().strip() == "today=2026-12-07 days=5"


@pytest.mark.parametrize("days", ["-1", "31"])
def test_days_out_of_bounds_are_refused(days):
    with pytest.raises(CommandError, match="between 0 and 30"):
        call_command(EchoCommand(), "--days", days, stdout=io.StringIO())


@pytest.mark.django_db
@pytest.mark.parametrize("job", ["agreement_reminders", "goal_endorsement_reminders", "meeting_reminders"])
def test_every_daily_job_takes_the_shared_options(job):
    out = io.StringIO()
    call_command(job, "--today", "2026-12-07", "--days", "3", stdout=out)
    assert out.getvalue().strip().endswith("e-mail messages queued).")
    with pytest.raises(CommandError, match="--today must be a date"):
        call_command(job, "--today", "huomenna", stdout=io.StringIO())

"""``manage.py retention`` removes what the privacy notice keeps only for a limited time, after the configured
periods, with the clock moved instead of waiting. Before, nothing was ever removed."""

import datetime
import io
from unittest import mock

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from portal.accounts.models import Invitation
from portal.audit import log
from portal.audit.models import AuditEvent
from tests import factories

DAY = datetime.timedelta(days=1)


def _at(moment):
    """The clock, moved to ``moment``."""
    return mock.patch("django.utils.timezone.now", return_value=moment)


def _task(*, status, finished_at):
    return DBTaskResult.objects.create(
        task_path="portal.tasks.send_email",
        args_kwargs={"args": [], "kwargs": {"to": ["henkilo@example.fi"]}},
        status=status,
        finished_at=finished_at,
        backend_name="default",
        run_after=finished_at or timezone.now(),
    )


def _run(*args) -> str:
    out = io.StringIO()
    call_command("retention", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def periods(settings):
    settings.AUDIT_RETENTION_DAYS = 365
    settings.TASK_RETENTION_DAYS = 30
    settings.INVITATION_RETENTION_DAYS = 90
    return settings


@pytest.mark.django_db
def test_audit_events_are_kept_for_their_period(periods, member):
    now = timezone.now()
    with _at(now - 366 * DAY):
        expired = log.record(AuditEvent.Kind.SIGN_IN, actor=member)
    with _at(now - 364 * DAY):
        kept = log.record(AuditEvent.Kind.SIGN_IN, actor=member)
    assert "Deleted: 1 audit events" in _run()
    assert not AuditEvent.objects.filter(pk=expired.pk).exists()
    assert AuditEvent.objects.filter(pk=kept.pk).exists()


@pytest.mark.django_db
def test_finished_task_rows_go_after_their_period_and_waiting_ones_stay(periods):
    now = timezone.now()
    sent = _task(status="SUCCESSFUL", finished_at=now - 5 * DAY)
    failed = _task(status="FAILED", finished_at=now - 5 * DAY)
    waiting = _task(status="READY", finished_at=None)
    assert "0 finished task rows" in _run()
    with _at(now + 26 * DAY):  # 31 days after they finished
        assert "2 finished task rows" in _run()
    assert list(DBTaskResult.objects.all()) == [waiting]
    assert not DBTaskResult.objects.filter(pk__in=[sent.pk, failed.pk]).exists()


@pytest.mark.django_db
def test_invitations_never_accepted_go_after_their_period_past_expiry(periods, organisation, member):
    now = timezone.now()
    expired = factories.InvitationFactory(organisation=organisation, expires_at=now - DAY)
    accepted = factories.InvitationFactory(
        organisation=organisation, expires_at=now - DAY, accepted_at=now - 2 * DAY, accepted_by=member
    )
    open_one = factories.InvitationFactory(organisation=organisation, email="avoin@example.fi")
    with _at(now + 89 * DAY):
        assert "0 expired invitations" in _run()
    with _at(now + 91 * DAY):
        assert "1 expired invitations" in _run()
    assert not Invitation.objects.filter(pk=expired.pk).exists()
    assert Invitation.objects.filter(pk__in=[accepted.pk, open_one.pk]).count() == 2


@pytest.mark.django_db
def test_today_in_the_past_removes_less(periods):
    now = timezone.now()
    _task(status="SUCCESSFUL", finished_at=now - 40 * DAY)
    assert "0 finished task rows" in _run("--today", (now - 20 * DAY).date().isoformat())
    assert "1 finished task rows" in _run("--today", (now + 400 * DAY).date().isoformat())


@pytest.mark.django_db
def test_a_period_under_one_day_is_refused(periods):
    periods.AUDIT_RETENTION_DAYS = 0
    with pytest.raises(CommandError, match="AUDIT_RETENTION_DAYS must be at least 1 day"):
        _run()


@pytest.mark.django_db
def test_the_privacy_notice_states_the_periods(client, periods):
    periods.AUDIT_RETENTION_DAYS = 400
    periods.TASK_RETENTION_DAYS = 21
    periods.INVITATION_RETENTION_DAYS = 77
    periods.NOTIFICATION_RETENTION_DAYS = 180
    page = client.get("/privacy/", headers={"accept-language": "en"}).text
    assert "400 days" in page
    assert "21 days" in page
    assert "77 days" in page
    assert "digests sent to you: 180 days" in page
    finnish = client.get("/privacy/", headers={"accept-language": "fi"}).text
    assert "sähköpostikoosteista: 180 päivää" in finnish


@pytest.mark.django_db
def test_it_is_a_daily_job_with_the_shared_today_option(periods):
    with pytest.raises(CommandError, match="--today must be a date"):
        _run("--today", "huomenna")
    with pytest.raises(CommandError):
        _run("--days", "1")  # the periods come from the settings only

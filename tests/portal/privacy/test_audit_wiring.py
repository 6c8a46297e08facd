"""The privacy package and the audit log together: exports and erasures are security
events; a person's security events are in their export and lose their name on erasure; the retention job
removes expired data exports."""

import io
import json
import zipfile
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from portal.audit import log
from portal.audit.models import ANONYMOUS, AuditEvent
from portal.privacy import exporting, services
from portal.privacy.models import DataExport


@pytest.mark.django_db
def test_asking_for_ones_data_is_an_audit_event(member, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.data_export_request(user=member, language="fi")
    event = AuditEvent.objects.get(kind=AuditEvent.Kind.DATA_EXPORTED)
    assert (event.actor, event.subject) == (member, member)


@pytest.mark.django_db
def test_the_export_holds_the_persons_security_events_and_no_one_elses(
    member, observer, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    log.record(AuditEvent.Kind.SIGN_IN, actor=member, subject=member)
    log.record(AuditEvent.Kind.SIGN_IN, actor=observer, subject=observer)
    with django_capture_on_commit_callbacks(execute=True):
        export = services.data_export_request(user=member, language="en")
    export.refresh_from_db()
    with zipfile.ZipFile(exporting.export_path(export)) as archive:
        events = json.loads(archive.read("audit/data.json"))["security_events"]
    kinds = [event["kind"] for event in events]
    assert kinds.count("sign_in") == 1 and kinds.count("data_exported") == 1
    assert all(observer.email not in event["subject_label"] + event["actor_label"] for event in events)


@pytest.mark.django_db
def test_erasure_removes_the_persons_name_from_the_log_and_is_recorded(member, admin_user):
    email = member.email
    log.record(AuditEvent.Kind.SIGN_IN, actor=member, subject=member)
    services.account_erase(user=member, by=admin_user)
    sign_in = AuditEvent.objects.get(kind=AuditEvent.Kind.SIGN_IN)
    assert (sign_in.actor, sign_in.subject) == (None, None)
    assert sign_in.actor_label == sign_in.subject_label == ANONYMOUS
    erased = AuditEvent.objects.get(kind=AuditEvent.Kind.ACCOUNT_ERASED)
    assert erased.actor == admin_user and erased.details == {"by_administrator": True}
    assert not AuditEvent.objects.filter(actor_label__icontains=email).exists()
    assert not AuditEvent.objects.filter(subject_label__icontains=email).exists()


@pytest.mark.django_db
def test_the_retention_job_removes_expired_data_exports_with_their_files(member, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    old, fresh = DataExport.objects.create(user=member), DataExport.objects.create(user=member)
    for export in (old, fresh):
        exporting.build(export, language="fi")
        export.refresh_from_db()
    DataExport.objects.filter(pk=old.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    out = io.StringIO()
    call_command("retention", stdout=out)
    assert "1 expired data exports" in out.getvalue()
    assert list(DataExport.objects.all()) == [fresh]
    assert not exporting.export_path(old).exists() and exporting.export_path(fresh).exists()


@pytest.mark.django_db
def test_the_retention_job_prunes_old_create_tokens(member):
    import uuid

    from portal.lib.once import CreateToken

    old = CreateToken.objects.create(token=uuid.uuid4(), user=member, kind="meeting", url="/x/")
    CreateToken.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=31))
    fresh = CreateToken.objects.create(token=uuid.uuid4(), user=member, kind="meeting", url="/y/")
    out = io.StringIO()
    call_command("retention", stdout=out)
    assert "1 old create tokens" in out.getvalue()
    assert list(CreateToken.objects.all()) == [fresh]

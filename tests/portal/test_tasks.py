"""E-mail goes through Django's tasks framework; the database worker sends it."""

import pytest
from django.core.management import call_command
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from portal.tasks import send_email

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.mark.django_db(transaction=True)
def test_database_worker_sends_queued_email(mailoutbox):
    with override_settings(TASKS=DB_TASKS):
        send_email.enqueue(subject="Hei", body="Tervetuloa", to=["a@example.fi"], from_email=None, html="<p>Hei</p>")
        assert DBTaskResult.objects.count() == 1
        assert mailoutbox == []  # nothing sent until the worker runs
        call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)
    assert len(mailoutbox) == 1
    assert mailoutbox[0].subject == "Hei"
    assert mailoutbox[0].alternatives[0].content == "<p>Hei</p>"
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


@pytest.mark.django_db
def test_password_reset_mail_waits_for_commit(client, member, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        client.post("/accounts/password/reset/", {"email": member.email})
    assert mailoutbox == []
    assert len(callbacks) == 1
    callbacks[0]()
    assert len(mailoutbox) == 1
    assert "/accounts/password/reset/key/" in mailoutbox[0].body

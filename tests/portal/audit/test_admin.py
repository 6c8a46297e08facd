"""Administrators read the audit log in the admin: listed, filtered, searched, never added to, changed or
deleted there; the list's queries do not grow with the log."""

import pytest
from django.urls import reverse

from portal.audit import log
from portal.audit.models import AuditEvent
from tests import factories
from tests.querybudget import assert_budget

Kind = AuditEvent.Kind
LIST = reverse("admin:audit_auditevent_changelist")


@pytest.fixture
def events(member, rf):
    return [
        log.record(Kind.SIGN_IN, actor=member, subject=member, request=rf.get("/", REMOTE_ADDR="192.0.2.44")),
        log.record(Kind.SIGN_IN_FAILED, subject_label="arvaaja@example.fi"),
    ]


@pytest.mark.django_db
def test_the_list_shows_the_events_and_offers_no_changes(client, admin_user, events):
    client.force_login(admin_user)
    page = client.get(LIST)
    assert page.status_code == 200
    assert "arvaaja@example.fi" in page.text
    assert reverse("admin:audit_auditevent_add") not in page.text
    assert 'name="action"' not in page.text  # no bulk delete
    detail = client.get(reverse("admin:audit_auditevent_change", args=[events[0].pk]))
    assert detail.status_code == 200
    assert 'name="_save"' not in detail.text


@pytest.mark.django_db
def test_the_admin_refuses_to_add_change_or_delete(client, admin_user, events):
    client.force_login(admin_user)
    event = events[0]
    assert client.get(reverse("admin:audit_auditevent_add")).status_code == 403
    assert client.post(reverse("admin:audit_auditevent_delete", args=[event.pk]), {"post": "yes"}).status_code == 403
    client.post(reverse("admin:audit_auditevent_change", args=[event.pk]), {"kind": Kind.SIGN_OUT})
    assert AuditEvent.objects.get(pk=event.pk).kind == Kind.SIGN_IN


@pytest.mark.django_db
def test_filters_search_and_dates(client, admin_user, events):
    client.force_login(admin_user)
    failed = client.get(LIST, {"kind__exact": Kind.SIGN_IN_FAILED})
    assert list(failed.context["cl"].result_list) == [events[1]]
    by_address = client.get(LIST, {"q": "arvaaja"})
    assert list(by_address.context["cl"].result_list) == [events[1]]
    events_today = events[0].when
    by_day = client.get(
        LIST, {"when__year": events_today.year, "when__month": events_today.month, "when__day": events_today.day}
    )
    assert by_day.status_code == 200
    by_ip = client.get(LIST, {"q": "192.0.2.44"})
    assert list(by_ip.context["cl"].result_list) == [events[0]]


@pytest.mark.django_db
def test_people_without_admin_rights_do_not_see_the_log(client, coordinator, events):
    client.force_login(coordinator)
    assert client.get(LIST).status_code == 302


@pytest.mark.django_db
def test_the_list_queries_do_not_grow_with_the_log(client, admin_user, events):
    def grow():
        people = factories.UserFactory.create_batch(5)
        AuditEvent.objects.bulk_create(
            AuditEvent(kind=Kind.SIGN_IN, when=event.when, actor=person, subject=person, ip="192.0.2.1")
            for person in people
            for event in events * 30
        )

    client.force_login(admin_user)
    assert_budget(client, LIST, budget=7, grow=grow)  # session, person, MFA, count, rows, date range, days

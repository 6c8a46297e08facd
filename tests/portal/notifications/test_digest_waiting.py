"""What waits for a digest follows the person's later choice; a digest goes only to people e-mail reaches and
links only to the portal's own pages."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from portal.notifications import digests
from portal.notifications.kinds import Kind
from portal.notifications.models import Notification
from portal.notifications.unsubscribe import make_token
from tests import factories
from tests.portal.notifications.conftest import WEDNESDAY, at, notify

pytestmark = pytest.mark.django_db

TUESDAY = WEDNESDAY - datetime.timedelta(days=1)


def _run(capture):
    with at(WEDNESDAY), capture(execute=True):
        call_command("send_digests", stdout=io.StringIO())


def test_unsubscribing_stops_what_waits_for_the_digest(client, member, mailoutbox, django_capture_on_commit_callbacks):
    notify(member, 2, kind="news", delivery="daily", created_at=TUESDAY)
    notify(member, 1, kind="meetings", delivery="daily", created_at=TUESDAY)
    url = reverse("notifications:unsubscribe", kwargs={"token": make_token(member, ["news"])})
    assert client.post(url).status_code == 200
    assert set(Notification.objects.filter(kind="news").values_list("delivery", flat=True)) == {"portal"}
    _run(django_capture_on_commit_callbacks)
    assert len(mailoutbox) == 1 and mailoutbox[0].body.count("* Ilmoitus") == 1  # the meetings one only


def test_the_settings_move_what_waits_to_the_new_choice(client_for, member):
    notify(member, 1, kind="news", delivery="daily", created_at=TUESDAY)
    notify(member, 1, kind="goals", delivery="weekly", created_at=TUESDAY)
    notify(member, 1, kind="meetings", delivery="daily", created_at=TUESDAY)
    sent = notify(member, 1, kind="news", delivery="now", created_at=TUESDAY)[0]
    choices = {"news": "weekly", "goals": "portal", "meetings": "now", "todo": "weekly"}
    data = {kind: choices.get(kind, "now") for kind in Kind.values}
    response = client_for(member).post(reverse("notifications:notification_settings"), data)
    assert response.status_code == 302
    delivery = dict(Notification.objects.exclude(pk=sent.pk).values_list("kind", "delivery"))
    # "at once" cannot be kept any more: that one stays in the digest it waited for
    assert delivery == {"news": "weekly", "goals": "portal", "meetings": "daily"}
    assert Notification.objects.get(pk=sent.pk).delivery == "now"


def test_the_unreachable_are_not_queued_every_day(db):
    reachable, gone, contact = factories.UserFactory.create_batch(3)
    gone.is_active = False
    gone.save(update_fields=["is_active"])
    contact.is_contact = True
    contact.save(update_fields=["is_contact"])
    for person in (reachable, gone, contact):
        notify(person, 1, delivery="daily", created_at=TUESDAY)
    with at(WEDNESDAY):
        assert digests.people_due("daily", TUESDAY.date()) == [reachable.pk]


def test_a_digest_links_only_to_the_portal(db, mailoutbox, django_capture_on_commit_callbacks, settings):
    person = factories.UserFactory()
    notify(person, 1, delivery="daily", created_at=TUESDAY, url="/news/1/")
    notify(person, 1, delivery="daily", created_at=TUESDAY, url="https://example.com/phish")
    notify(person, 1, delivery="daily", created_at=TUESDAY, url="//example.com/phish")
    _run(django_capture_on_commit_callbacks)
    body = mailoutbox[0].body
    assert settings.SITE_URL + "/news/1/" in body
    assert "example.com" not in body


def test_staff_cannot_change_a_notification_in_the_admin(client_for, admin_user, member):
    notification = notify(member, 1)[0]
    client = client_for(admin_user)
    url = reverse("admin:portal_notification_change", args=[notification.pk])
    response = client.post(url, {"subject": "Muutettu", "text": "Muutettu", "url": "https://example.com/"})
    assert response.status_code == 403
    notification.refresh_from_db()
    assert (notification.subject, notification.url) == ("Ilmoitus 0", "/meetings/")
    assert client.get(url).status_code == 200  # still shown, read-only
    assert client.get(reverse("admin:portal_notification_add")).status_code == 403

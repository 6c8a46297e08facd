"""A person's notifications, their choices of e-mail and the digests sent to them are in their data export
and go on erasure; another person's stay."""

import pytest

from portal.lib import personal_data
from portal.notifications.models import Digest, Notification, NotificationPreference
from portal.notifications.preferences import preferences_set
from portal.privacy import services
from tests.portal.notifications.conftest import WEDNESDAY, notify

pytestmark = pytest.mark.django_db


def _data(person, subject):
    [note] = notify(person, kind="news")
    Notification.objects.filter(pk=note.pk).update(subject=subject)
    preferences_set(user=person, choices={"news": "daily"})
    Digest.objects.create(user=person, period="daily", period_start=WEDNESDAY.date())


def test_the_export_lists_the_persons_notifications_and_erasure_removes_them(member, observer):
    _data(member, "Jäsenen ilmoitus")
    _data(observer, "Toisen ilmoitus")
    [entry] = [entry for entry in personal_data.registered() if entry.name == "notifications"]
    sections = entry.export(member)
    assert [row["subject"] for row in sections["notifications"]] == ["Jäsenen ilmoitus"]
    assert [row["kind"] for row in sections["notification_preferences"]] == ["news"]
    assert len(list(sections["digests"])) == 1
    services.account_erase(user=member)
    for model in (Notification, NotificationPreference, Digest):
        assert not model.objects.filter(user=member).exists()
        assert model.objects.filter(user=observer).exists()

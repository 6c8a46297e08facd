"""A fixed clock and a few helpers for the notifications' tests."""

import datetime
from unittest import mock

import pytest
from django.utils import timezone

from portal.notifications.models import Notification

# A Wednesday noon in Helsinki.
WEDNESDAY = timezone.make_aware(datetime.datetime(2026, 3, 11, 12, 0))


def at(moment):
    """Run as if it were ``moment`` (the clock every ``timezone.now()`` and ``localdate()`` reads)."""
    return mock.patch("django.utils.timezone.now", return_value=moment)


@pytest.fixture
def clock():
    with at(WEDNESDAY):
        yield WEDNESDAY


def notify(user, n=1, *, kind="meetings", delivery="now", created_at=None, read=False, network=None, url="/meetings/"):
    """``n`` notifications for ``user`` made directly (not through e-mail); of ``network`` if one is given."""
    created_at = created_at or timezone.now()
    return Notification.objects.bulk_create(
        Notification(
            user=user,
            kind=kind,
            subject=f"Ilmoitus {i}",
            text="Teksti",
            url=url,
            network_id=network.pk if network is not None else None,
            delivery=delivery,
            created_at=created_at,
            read_at=created_at if read else None,
        )
        for i in range(n)
    )

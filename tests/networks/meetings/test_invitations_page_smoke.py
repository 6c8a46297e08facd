"""The meeting page shows its invitations partial: the reply form for an invitee."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from networks.meetings import services

pytestmark = pytest.mark.django_db(transaction=False)


def test_the_meeting_page_has_the_reply_form_and_the_ics_link(client_for, network, coordinator, member, organisation):
    start = (timezone.localtime() + datetime.timedelta(days=10)).replace(hour=9, minute=0, second=0, microsecond=0)
    meeting = services.meeting_create(
        network=network,
        user=coordinator,
        data={"title": "Syystapaaminen", "starts_at": start, "ends_at": start + datetime.timedelta(hours=2)},
        organisations=[organisation],
    )
    page = client_for(member).get(reverse("meetings:meeting_detail", kwargs={"pk": meeting.pk})).content.decode()
    assert reverse("meetings:reply", kwargs={"pk": meeting.pk}) in page
    assert reverse("meetings:meeting_ics", kwargs={"pk": meeting.pk}) in page

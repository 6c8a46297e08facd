"""Query budgets of finding a time (HOUSE-STYLE rule 22): the poll page with 3 people × 3 times answers
in as many queries as with 30 × 30, and the poll list with 3 polls as with 60."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from networks.meetings import polls as services
from networks.meetings.models import SlotAnswer, TimePoll, TimeSlot
from networks.memberships.models import NetworkRole
from tests import factories
from tests.querybudget import assert_budget

pytestmark = pytest.mark.django_db(transaction=False)
ANSWERS = ("yes", "if_need_be", "no")


def _slots(n, offset=0):
    base = timezone.now().replace(minute=0, second=0, microsecond=0) + datetime.timedelta(days=10 + offset)
    return [(base + datetime.timedelta(days=day), base + datetime.timedelta(days=day, hours=2)) for day in range(n)]


def _grow_poll(poll, network, people, slots, offset):
    users = factories.UserFactory.create_batch(people)
    NetworkRole.objects.bulk_create(NetworkRole(network=network, user=user, role="member") for user in users)
    poll.invitees.add(*users)
    new = TimeSlot.objects.bulk_create(TimeSlot(poll=poll, starts_at=s, ends_at=e) for s, e in _slots(slots, offset))
    everyone = list(poll.invitees.all())
    SlotAnswer.objects.bulk_create(
        [
            SlotAnswer(slot=slot, user=user, answer=ANSWERS[(slot.pk + user.pk) % 3])
            for slot in list(poll.slots.all())
            for user in everyone
            if slot in new or user in users
        ],
        ignore_conflicts=True,
    )


@pytest.mark.parametrize("role", ["coordinator", "member"])
def test_poll_page_budget(client_for, network, coordinator, member, role, request):
    poll = services.poll_create(
        network=network, user=coordinator, data={"title": "Aika"}, slots=_slots(2), people=[member]
    )
    _grow_poll(poll, network, people=1, slots=1, offset=5)
    client = client_for(request.getfixturevalue(role))
    url = reverse("meetings:poll_detail", kwargs={"pk": poll.pk})
    # session, user, MFA check, the poll (+ network, organiser, meeting), slots, answers, invitees,
    # organisations, the viewer's role; the coordinator's pick form adds its chair choices
    assert_budget(client, url, budget=11, grow=lambda: _grow_poll(poll, network, people=27, slots=27, offset=40))
    assert poll.slots.count() == 30 and poll.invitees.count() == 30


def test_poll_list_budget(client_for, network, coordinator, observer):
    def grow(n):
        for number in range(n):
            poll = services.poll_create(
                network=network, user=coordinator, data={"title": f"Aika {number}"}, slots=_slots(2, number)
            )
            if number % 2:
                TimePoll.objects.filter(pk=poll.pk).update(closed_at=timezone.now())

    grow(3)
    url = reverse("meetings:poll_list", kwargs={"slug": network.slug})
    # session, user, MFA check, the network, the count and the page of polls (+ organiser, meeting), role
    assert_budget(client_for(observer), url, budget=8, grow=lambda: grow(57))

"""Who opens what in finding a time, invitations and calendar feeds: every URL of these
× every role of the cast, as a GET (the rows the access matrix in tests/test_access_matrix.py takes).

The matrix meeting and poll are organised by ``coordinator`` in ``network`` with ``organisation``
invited, so coordinator, member and observer are invited to both."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from networks.meetings import feeds, services
from networks.meetings import polls as meeting_polls
from networks.meetings.models import Invitee

pytestmark = pytest.mark.django_db(transaction=False)

ROLES = ("anonymous", "outsider", "observer", "member", "coordinator", "admin")


def row(*statuses):
    return dict(zip(ROLES, statuses, strict=True))


POST_ONLY = row(405, 405, 405, 405, 405, 405)
PUBLIC = row(200, 200, 200, 200, 200, 200)
SIGNED_IN = row(302, 200, 200, 200, 200, 200)
NETWORK_READ = row(302, 404, 200, 200, 200, 200)
ORGANISE = row(302, 404, 403, 200, 200, 200)
MANAGE = row(302, 404, 403, 403, 200, 200)

EXPECTED = {
    "poll_list": (NETWORK_READ, lambda o: {"slug": o["network"].slug}),
    "poll_create": (ORGANISE, lambda o: {"slug": o["network"].slug}),
    "poll_detail": (NETWORK_READ, lambda o: {"pk": o["poll"].pk}),
    "poll_answer": (POST_ONLY, lambda o: {"pk": o["poll"].pk}),
    "poll_pick": (POST_ONLY, lambda o: {"pk": o["poll"].pk}),
    "poll_close": (MANAGE, lambda o: {"pk": o["poll"].pk}),
    "invitations": (MANAGE, lambda o: {"pk": o["meeting"].pk}),
    "invitee_remove": (MANAGE, lambda o: {"pk": o["meeting"].pk, "invitee_pk": o["invitee"].pk}),
    "reply": (POST_ONLY, lambda o: {"pk": o["meeting"].pk}),
    "meeting_ics": (NETWORK_READ, lambda o: {"pk": o["meeting"].pk}),
    "calendar_feeds": (SIGNED_IN, lambda o: {}),
    "feed_reset": (SIGNED_IN, lambda o: {}),
    "personal_feed": (PUBLIC, lambda o: {"token": o["token"]}),
    "network_feed": (PUBLIC, lambda o: {"slug": o["network"].slug, "token": o["token"]}),
}


@pytest.fixture
def objs(network, organisation, cast):
    coordinator, member = cast["coordinator"], cast["member"]
    start = (timezone.localtime() + datetime.timedelta(days=10)).replace(hour=9, minute=0, second=0, microsecond=0)
    meeting = services.meeting_create(
        network=network,
        user=coordinator,
        data={"title": "Matriisi", "starts_at": start, "ends_at": start + datetime.timedelta(hours=2)},
        organisations=[organisation],
    )
    poll = meeting_polls.poll_create(
        network=network,
        user=coordinator,
        data={"title": "Aika"},
        slots=[
            (start, start + datetime.timedelta(hours=1)),
            (start + datetime.timedelta(days=1), start + datetime.timedelta(days=1, hours=1)),
        ],
        organisations=[organisation],
    )
    return {
        "network": network,
        "meeting": meeting,
        "poll": poll,
        "invitee": Invitee.objects.get(meeting=meeting, user=member),
        "token": feeds.feed_for(member).token,
    }


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_access(name, objs, cast, client_for):
    expected, kwargs = EXPECTED[name]
    url = reverse(f"meetings:{name}", kwargs=kwargs(objs))
    got = {role: client_for(user).get(url).status_code for role, user in cast.items()}
    assert got == expected

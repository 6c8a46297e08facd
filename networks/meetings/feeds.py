"""Calendar feeds of meetings: a person's secret token and the meetings each feed lists.

A feed address carries the person's :class:`~networks.meetings.models.CalendarFeed` token instead of a session,
so calendar programs can subscribe to it. Whoever has the address reads the meetings, so the person can
reset the token: the old addresses then answer 404.

- the personal feed: every meeting the token's owner is invited to;
- a network feed: the network's meetings, while the token's owner has a role in the network.

The querysets fetch only what :func:`networks.meetings.ics.meeting_event` writes (the organiser with
``select_related``), so a feed is a fixed number of queries however many meetings it lists.

Writing a feed of hundreds of events takes a while, and calendar programs ask again every few hours for
what has mostly not changed: :func:`feed_body` keeps the text in the cache under a key naming the feed
itself (the personal feed of one person, or one network's feed) and a fingerprint of what it lists (which
meetings, each one's latest change, the feed's name and language). Two feeds never share a cache entry,
however alike their contents look. The fingerprint is one small query and is also the response's ETag, so
an unchanged feed is answered 304.
"""

import datetime
import hashlib

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone, translation

from networks.meetings.ics import feed_ics
from networks.meetings.models import CalendarFeed, Meeting
from networks.meetings.models.records import new_feed_token
from networks.memberships.models import Network, NetworkRole

# A feed lists the meetings from this far back (older ones are in the calendar programs already).
FEED_HISTORY = datetime.timedelta(days=365)
# How long a written feed is kept: any change to what it lists gives a new fingerprint anyway.
FEED_CACHE_SECONDS = 6 * 3600


def feed_for(user) -> CalendarFeed:
    """The person's feed token, made the first time it is asked for."""
    feed, _created = CalendarFeed.objects.get_or_create(user=user)
    return feed


def feed_reset(*, user) -> CalendarFeed:
    """A new token for the person: every address with the old one stops working."""
    with transaction.atomic():
        feed, created = CalendarFeed.objects.select_for_update().get_or_create(user=user)
        if not created:
            feed.token = new_feed_token()
            feed.save(update_fields=["token", "created_at"])
    return feed


def feed_owner(token: str):
    """The active person whose feed ``token`` is, or None (a wrong or reset token)."""
    if not token or len(token) > 64:
        return None
    feed = CalendarFeed.objects.select_related("user").filter(token=token, user__is_active=True).first()
    return feed.user if feed else None


def _feed_meetings(queryset, now=None):
    since = (now or timezone.now()) - FEED_HISTORY
    return queryset.filter(ends_at__gte=since).select_related("organiser").order_by("starts_at", "pk")


def personal_feed_meetings(user, now=None):
    """Every meeting the person is invited to (cancelled ones too: the feed marks them cancelled), of the
    networks they have a role in: an invitation alone grants nothing once the role has ended."""
    return _feed_meetings(Meeting.objects.visible_to(user).filter(invitees__user=user), now)


def feed_network(user, slug: str) -> Network | None:
    """The network ``slug`` if the person has a role in it, else None."""
    return Network.objects.filter(slug=slug, pk__in=NetworkRole.objects.filter(user=user).values("network")).first()


def network_feed_meetings(network: Network, now=None):
    """The network's meetings."""
    return _feed_meetings(Meeting.objects.filter(network=network), now)


def feed_networks(user):
    """The networks the person has a role in (one feed each), by name."""
    return Network.objects.filter(pk__in=NetworkRole.objects.filter(user=user).values("network")).order_by("name")


def personal_feed_scope(user) -> str:
    """The cache identity of the person's own feed."""
    return f"person:{user.pk}"


def network_feed_scope(network: Network) -> str:
    """The cache identity of a network's feed (the same text for everyone with a role in it)."""
    return f"network:{network.pk}"


def feed_fingerprint(meetings, *, name: str, scope: str) -> str:
    """Which feed (``scope``) lists what, in a few bytes: every meeting's id with its latest change, and the
    feed's name and language. A new, removed, changed or cancelled meeting changes it."""
    rows = meetings.order_by("pk").values_list("pk", "updated_at")
    listed = ",".join(f"{pk}@{updated.isoformat()}" for pk, updated in rows)
    text = f"{scope}|{listed}|{name}|{translation.get_language()}"
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def feed_body(meetings, *, name: str, scope: str) -> tuple[str, bytes]:
    """(fingerprint, iCalendar text) of the feed ``scope`` listing ``meetings``: from the cache while
    nothing in it changed. The key names the feed itself, so no other feed's text can answer for it."""
    fingerprint = feed_fingerprint(meetings, name=name, scope=scope)
    key = f"meetings:feed:{scope}:{fingerprint}"
    body = cache.get(key)
    if body is None:
        body = feed_ics(meetings, name=name)
        cache.set(key, body, FEED_CACHE_SECONDS)
    return fingerprint, body

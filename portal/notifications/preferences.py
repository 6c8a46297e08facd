"""A person's choices of e-mail per kind: reading them (one query for one person or for many) and saving them."""

from django.db import transaction

from portal.notifications.kinds import DIGESTS, Delivery, Kind, default_delivery
from portal.notifications.models import Notification, NotificationPreference


def preferences_of(user) -> dict[str, str]:
    """``{kind: delivery}`` for every kind, the defaults where the person has not chosen. One query."""
    chosen = dict(NotificationPreference.objects.filter(user=user).values_list("kind", "delivery"))
    return {kind: chosen.get(kind, default_delivery(kind)) for kind in Kind.values}


def chosen_for(user_ids) -> dict[tuple[int, str], str]:
    """``{(person id, kind): delivery}`` of what the people have chosen (defaults left out). One query."""
    rows = NotificationPreference.objects.filter(user_id__in=user_ids).values_list("user_id", "kind", "delivery")
    return {(user_id, kind): delivery for user_id, kind, delivery in rows}


def preferences_set(*, user, choices: dict[str, str]) -> None:
    """Save the person's choice for each kind in ``choices`` (a kind left out keeps its choice). One
    statement: an INSERT … ON CONFLICT UPDATE, so two saves at once both end in one row per kind. What waits
    for a digest follows the new choice (:func:`_move_waiting`)."""
    rows = [
        NotificationPreference(user=user, kind=kind, delivery=delivery)
        for kind, delivery in choices.items()
        if kind in Kind.values and delivery in Delivery.values
    ]
    if not rows:
        return
    with transaction.atomic():
        NotificationPreference.objects.bulk_create(
            rows, update_conflicts=True, unique_fields=["user", "kind"], update_fields=["delivery", "updated_at"]
        )
        _move_waiting(user, {row.kind: row.delivery for row in rows})


def _move_waiting(user, choices: dict[str, str]) -> None:
    """The person's notifications still waiting for a digest go by the new choice of their kind: into the other
    digest, or only in the portal (never e-mailed). Chosen "at once", they stay in the digest they wait for (the
    moment to send them has passed). At most one UPDATE per digest period and one for the portal."""
    for delivery in (*DIGESTS, Delivery.PORTAL):
        kinds = [kind for kind, chosen in choices.items() if chosen == delivery]
        if kinds:
            waiting = Notification.objects.filter(user=user, kind__in=kinds, digest__isnull=True, delivery__in=DIGESTS)
            waiting.exclude(delivery=delivery).update(delivery=delivery)


def unsubscribe(*, user, kinds) -> None:
    """No more e-mail of these kinds: they are shown only in the portal."""
    preferences_set(user=user, choices=dict.fromkeys(kinds, Delivery.PORTAL))

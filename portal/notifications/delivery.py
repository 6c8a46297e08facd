"""What happens to each personal message (:func:`portal.lib.mail.send_personal_mail`): it becomes a notification
in the portal, and its e-mail goes at once (with the one-click unsubscribe), waits for the person's digest, or
stays in the portal, by the person's choice for its kind. Registered with :mod:`portal.lib.mail` by the portal's
``AppConfig.ready``; two queries per call however many people it is for."""

from django.conf import settings
from django.utils import timezone
from django.utils.text import Truncator

from portal.notifications.kinds import Delivery, default_delivery, kind_for_prefix
from portal.notifications.models import Notification
from portal.notifications.preferences import chosen_for
from portal.notifications.unsubscribe import add_unsubscribe

TEXT_LENGTH = 600  # characters of the message kept as the notification's text


def local_url(url: str) -> str:
    """A link to the portal as a path (it works on whichever host the person uses); others unchanged."""
    if url.startswith(settings.SITE_URL + "/"):
        return url[len(settings.SITE_URL) :]
    return url[:500]


def deliver(outgoing) -> None:
    if not outgoing:
        return
    chosen = chosen_for([message.person.pk for message in outgoing])
    now = timezone.now()
    rows = []
    for message in outgoing:
        kind = kind_for_prefix(message.template_prefix)
        delivery = chosen.get((message.person.pk, kind), default_delivery(kind))
        rows.append(
            Notification(
                user=message.person,
                kind=kind,
                subject=Truncator(message.subject).chars(300),
                text=Truncator(message.body.strip()).chars(TEXT_LENGTH),
                url=local_url(message.url),
                network_id=message.network_id,
                source=message.source,
                delivery=delivery,
                created_at=now,
            )
        )
        if delivery == Delivery.IMMEDIATE:
            add_unsubscribe(message, kinds=[kind])
        else:
            message.send_now = False
    Notification.objects.bulk_create(rows)

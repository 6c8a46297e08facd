"""A person's notifications, their choices of e-mail and the digests sent to them are personal data: listed in
the export, deleted on erasure (see :mod:`portal.lib.personal_data`)."""

from django.utils.translation import gettext_lazy as _

from portal.lib.personal_data import register, rows
from portal.notifications.kinds import Delivery, Kind
from portal.notifications.models import Digest, Notification, NotificationPreference, Period


def export(user):
    return {
        "notifications": rows(
            Notification.objects.filter(user=user).current().order_by("created_at", "pk"),
            "created_at",
            "kind",
            "subject",
            "text",
            "url",
            "delivery",
            "read_at",
        ),
        "notification_preferences": rows(
            NotificationPreference.objects.filter(user=user).order_by("kind"), "kind", "delivery", "updated_at"
        ),
        "digests": rows(Digest.objects.filter(user=user).order_by("period_start", "pk"), "period", "period_start"),
    }


def erase(user):
    Notification.objects.filter(user=user).delete()
    NotificationPreference.objects.filter(user=user).delete()
    Digest.objects.filter(user=user).delete()


register(
    name="notifications",
    title=_("Your notifications"),
    order=75,
    fields=[
        (Notification, ["user", "subject", "text"]),
        (NotificationPreference, ["user"]),
        (Digest, ["user"]),
    ],
    export=export,
    erase=erase,
    sections={
        "notifications": _("Notifications"),
        "notification_preferences": _("Notification settings"),
        "digests": _("Digests sent"),
    },
    choices={"kind": Kind, "delivery": Delivery, "period": Period},
)

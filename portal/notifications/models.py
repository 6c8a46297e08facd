"""A person's notifications, their choice of e-mail per kind, and the digests sent to them."""

import uuid

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from portal.lib.access import AccessMixin
from portal.lib.querysets import VisibleToQuerySet, related_rows
from portal.lib.validators import plausible_dates, validate_plausible_date
from portal.notifications.access import NotificationAccess
from portal.notifications.kinds import DIGESTS, Delivery, Kind


class Period(models.TextChoices):
    """What a digest gathers."""

    DAILY = "daily", _("Daily digest")
    WEEKLY = "weekly", _("Weekly digest")
    TODO = "todo", _("Coordinator's weekly to-do")


def _roles():
    """The people's roles in the networks, read through the accounts' relation (this package knows no domain)."""
    return related_rows(get_user_model(), "network_roles")


class NotificationQuerySet(VisibleToQuerySet):
    def _visible_to(self, user):
        """The person's own notifications, but those of a network they no longer have a role in: what they could
        read there went when they left."""
        networks = _roles().filter(user=user).values("network")
        return self.filter(user=user).filter(Q(network_id__isnull=True) | Q(network_id__in=networks))

    def current(self):
        """The notifications whose person still has a role in their network (or that concern no network)."""
        role = _roles().filter(user=OuterRef("user"), network=OuterRef("network_id"))
        return self.filter(Q(network_id__isnull=True) | Exists(role))

    def unread(self):
        return self.filter(read_at__isnull=True)

    def pending_digest(self, *, period: str, before):
        """Waiting for the ``period``'s digest: chosen for it, created before ``before``, not yet digested, and
        still the person's to read (:meth:`current`)."""
        return self.filter(delivery=period, digest__isnull=True, created_at__lt=before).current()


class Notification(AccessMixin, models.Model):
    """One message the portal sent (or keeps for a digest) to one person, shown on their notifications page."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), related_name="notifications", on_delete=models.CASCADE
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    subject = models.CharField(_("subject"), max_length=300)
    text = models.TextField(_("text"), blank=True)
    # The page the message is about: a path of the portal (or an address elsewhere), empty when none.
    url = models.CharField(_("link"), max_length=500, blank=True)
    # The network whose matters it tells of (shown and sent only while the person has a role in it), if one;
    # an id, not a key: this package knows no domain.
    network_id = models.BigIntegerField(_("network"), null=True, blank=True, editable=False)
    # The object it tells of ("app_label.model:pk"): its notifications are deleted with it.
    source = models.CharField(pgettext_lazy("notification", "about"), max_length=100, blank=True, editable=False)
    # How its e-mail went, by the person's choice when it was made.
    delivery = models.CharField(_("e-mail"), max_length=8, choices=Delivery.choices, default=Delivery.IMMEDIATE)
    digest = models.ForeignKey(
        "portal.Digest",
        verbose_name=_("digest"),
        related_name="notifications",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, validators=[validate_plausible_date])
    read_at = models.DateTimeField(_("read"), null=True, blank=True, validators=[validate_plausible_date])

    objects = NotificationQuerySet.as_manager()
    access_class = NotificationAccess

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        constraints = [
            *plausible_dates("created_at", "read_at", datetimes=True),
            models.CheckConstraint(
                condition=Q(kind__in=Kind.values),
                name="portal_notification_kind_valid",
                violation_error_message=_("Unknown kind."),
            ),
            models.CheckConstraint(
                condition=Q(delivery__in=Delivery.values),
                name="portal_notification_delivery_valid",
                violation_error_message=_("Unknown way of delivery."),
            ),
        ]
        indexes = [
            # The person's list, newest first.
            models.Index(fields=["user", "-created_at", "-id"], name="portal_notif_user_created"),
            # The unread count in the header: the person's rows not read yet.
            models.Index(fields=["user"], condition=Q(read_at__isnull=True), name="portal_notif_unread"),
            # The digest job: what waits for a digest, by period and person.
            models.Index(
                fields=["delivery", "user", "created_at"],
                condition=Q(digest__isnull=True, delivery__in=DIGESTS),
                name="portal_notif_pending_digest",
            ),
            # Forgetting an object's notifications when it is deleted.
            models.Index(fields=["source"], condition=~Q(source=""), name="portal_notif_source"),
        ]

    def __str__(self):
        return self.subject

    @property
    def is_unread(self) -> bool:
        return self.read_at is None

    def mark_read(self, now=None) -> None:
        if self.read_at is None:
            self.read_at = now or timezone.now()
            self.save(update_fields=["read_at"])


class NotificationPreference(models.Model):
    """A person's choice of how one kind's e-mail reaches them (a kind without a row has its default)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        related_name="notification_preferences",
        on_delete=models.CASCADE,
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    delivery = models.CharField(_("e-mail"), max_length=8, choices=Delivery.choices)
    updated_at = models.DateTimeField(_("changed"), auto_now=True, validators=[validate_plausible_date])

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        ordering = ["user", "kind"]
        constraints = [
            *plausible_dates("updated_at", datetimes=True),
            models.UniqueConstraint(
                fields=["user", "kind"],
                name="portal_notificationpreference_one_per_kind",
                violation_error_message=_("The person already has a choice for this kind."),
            ),
            models.CheckConstraint(
                condition=Q(kind__in=Kind.values),
                name="portal_notificationpreference_kind_valid",
                violation_error_message=_("Unknown kind."),
            ),
            models.CheckConstraint(
                condition=Q(delivery__in=Delivery.values),
                name="portal_notificationpreference_delivery_valid",
                violation_error_message=_("Unknown way of delivery."),
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.get_kind_display()}: {self.get_delivery_display()}"


class Digest(models.Model):
    """One digest message of one period to one person. The unique row is the claim: a second run of the job
    (or a run on another host) cannot send the same period's digest twice."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), related_name="digests", on_delete=models.CASCADE
    )
    period = models.CharField(_("period"), max_length=8, choices=Period.choices)
    period_start = models.DateField(_("period starts"), validators=[validate_plausible_date])
    created_at = models.DateTimeField(_("sent"), default=timezone.now, validators=[validate_plausible_date])

    class Meta:
        verbose_name = _("digest")
        verbose_name_plural = _("digests")
        ordering = ["-period_start", "user"]
        constraints = [
            *plausible_dates("period_start"),
            *plausible_dates("created_at", datetimes=True),
            models.UniqueConstraint(
                fields=["user", "period", "period_start"],
                name="portal_digest_once_per_period",
                violation_error_message=_("This period's digest has already been sent to the person."),
            ),
            models.CheckConstraint(
                condition=Q(period__in=Period.values),
                name="portal_digest_period_valid",
                violation_error_message=_("Unknown period."),
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.get_period_display()} {self.period_start}"

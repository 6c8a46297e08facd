"""A person's personal access tokens for the read API: a name, the scopes, an optional expiry. Only a SHA-256
hash of the secret is kept, with a short prefix that lets the person tell their tokens apart."""

import uuid

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.lib.validators import plausible_dates, validate_plausible_date

PREFIX_LENGTH = 12  # "vk_" and the secret's first nine characters


class Scope(models.TextChoices):
    """What a token may do. The API only reads: ``read`` is the one scope."""

    READ = "read", _("Read the portal's data I can see")


class AccessTokenQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The person's own tokens (no administrator sees another's: a token is a key)."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(user=user)

    def active(self, *, now=None):
        """Not revoked and not expired."""
        now = now or timezone.now()
        return self.filter(revoked_at__isnull=True).filter(Q(expires_at__isnull=True) | Q(expires_at__gt=now))


class AccessToken(models.Model):
    """One personal access token: ``Authorization: Bearer <secret>`` reads the API as its person."""

    Scope = Scope

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), related_name="access_tokens", on_delete=models.CASCADE
    )
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(_("beginning of the token"), max_length=PREFIX_LENGTH, editable=False)
    secret_hash = models.CharField(max_length=64, unique=True, editable=False)
    scopes = ArrayField(models.CharField(max_length=20, choices=Scope.choices), verbose_name=_("scopes"), default=list)
    created_at = models.DateTimeField(_("created"), auto_now_add=True, validators=[validate_plausible_date])
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True, validators=[validate_plausible_date])
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True, validators=[validate_plausible_date])
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True, validators=[validate_plausible_date])

    objects = AccessTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("personal access token")
        verbose_name_plural = _("personal access tokens")
        ordering = ["-created_at", "-pk"]
        constraints = [
            *plausible_dates("created_at", "expires_at", "last_used_at", "revoked_at", datetimes=True),
            models.CheckConstraint(
                condition=Q(scopes__contained_by=Scope.values),
                name="portal_accesstoken_scopes_valid",
                violation_error_message=_("Unknown scope."),
            ),
        ]
        indexes = [
            # a person's token list, newest first
            models.Index(fields=["user", "-created_at"], name="portal_accesstoken_user_idx"),
        ]

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None and (self.expires_at is None or self.expires_at > timezone.now())

    def has_scope(self, scope: str) -> bool:
        return scope in self.scopes

"""People (user accounts) and the invitations that bring them in."""

import secrets
import uuid
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.accounts.access import PersonAccess
from portal.lib.access import AccessMixin
from portal.lib.choices import Language, choice_array
from portal.lib.querysets import VisibleToQuerySet, related_rows
from portal.lib.validators import plausible_dates, validate_plausible_date

# How an erased person is shown wherever their name was: minutes, decisions, signatures, history.
REMOVED_PERSON = _("Removed user")


# The account's own fields that erasure empties (see User.anonymise).
ANONYMISED_FIELDS = [
    "first_name",
    "last_name",
    "title",
    "phone",
    "languages",
    "email",
    "uuid",
    "is_active",
    "is_staff",
    "is_superuser",
    "is_contact",
    "last_login",
]


class UserQuerySet(VisibleToQuerySet):
    def _visible_to(self, user):
        """People who share a network with ``user``, and ``user`` themself.

        Read through the network roles' relation (``network_roles``), as accounts sit below every domain.
        """
        # An IN-subquery, not an OR across joins with DISTINCT (which took seconds at scale).
        roles = related_rows(self.model, "network_roles")
        sharing = roles.filter(network__in=user.network_roles.values("network")).values("user")
        return self.filter(models.Q(pk=user.pk) | models.Q(pk__in=sharing))


class UserManager(BaseUserManager.from_queryset(UserQuerySet)):
    """Users are identified by e-mail address; there is no username."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AccessMixin, AbstractUser):
    """A person with an account: a guidance counsellor, coordinator or administrator.

    The profile fields live here: a person has exactly one profile.
    """

    username = None
    uuid = models.UUIDField(_("public identifier"), default=uuid.uuid4, unique=True, editable=False)
    email = models.EmailField(_("e-mail address"), unique=True)
    title = models.CharField(_("job title"), max_length=150, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    languages = choice_array(Language, _("languages"), max_length=3)
    is_contact = models.BooleanField(
        _("contact without an account"),
        default=False,
        help_text=_(
            "Added to the directory by a coordinator; becomes an account when the person accepts an invitation."
        ),
    )
    expertise = models.ManyToManyField(
        "partners.ExpertiseArea",
        verbose_name=_("areas of expertise"),
        related_name="people",
        blank=True,
    )
    # Set when the account was erased: the row stays, anonymised, so that shared records keep pointing to it.
    erased_at = models.DateTimeField(
        _("erased"), null=True, blank=True, editable=False, validators=[validate_plausible_date]
    )
    # AbstractUser's dates, with the portal's rule for every date (1900–2199).
    last_login = models.DateTimeField(_("last login"), blank=True, null=True, validators=[validate_plausible_date])
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now, validators=[validate_plausible_date])
    # The version the profile form carries: a save from a stale form (another tab) is refused.
    updated_at = models.DateTimeField(_("updated"), auto_now=True, validators=[validate_plausible_date])

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()
    access_class = PersonAccess

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["last_name", "first_name", "email"]
        constraints = [
            *plausible_dates("last_login", "date_joined", "updated_at", "erased_at", datetimes=True),
            models.UniqueConstraint(
                Lower("email"),
                name="portal_user_email_ci_unique",
                violation_error_message=_("A person with this e-mail address already exists."),
            ),
            models.CheckConstraint(
                condition=models.Q(languages__contained_by=Language.values),
                name="portal_user_languages_valid",
                violation_error_message=_("Unknown language."),
            ),
        ]

    def __str__(self):
        return self.get_full_name() or self.email

    def get_full_name(self):
        if self.erased_at is not None:
            return str(REMOVED_PERSON)
        return f"{self.first_name} {self.last_name}".strip()

    def anonymise(self) -> None:
        """Erase the person's own data from the account, keeping the row (the removed-user marker): no name,
        a placeholder address nobody can receive mail at, no password, no rights, signed in nowhere."""
        self.first_name = self.last_name = self.title = self.phone = ""
        self.languages = []
        self.email = f"removed-{self.uuid.hex}@removed.invalid"
        self.uuid = uuid.uuid4()
        self.set_unusable_password()
        self.is_active = self.is_staff = self.is_superuser = self.is_contact = False
        self.last_login = None
        self.erased_at = timezone.now()
        self.save(update_fields=[*ANONYMISED_FIELDS, "password", "erased_at"])


def _new_token() -> str:
    return secrets.token_urlsafe(32)


def _default_expiry():
    return timezone.now() + timedelta(days=settings.INVITATION_VALID_DAYS)


class Invitation(models.Model):
    """An invitation for a person to join the portal on behalf of an organisation.

    There is no open sign-up: an account is created only when an invitation
    is accepted. The token is the only secret; it is never shown in lists.
    """

    email = models.EmailField(_("e-mail address"))
    organisation = models.ForeignKey(
        "partners.Organisation",
        verbose_name=_("organisation"),
        related_name="invitations",
        on_delete=models.CASCADE,
    )
    network = models.ForeignKey(
        "networks.Network",
        verbose_name=_("network"),
        related_name="invitations",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        help_text=_("The person joins this network as a member when they accept."),
    )
    token = models.CharField(max_length=64, unique=True, default=_new_token, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        related_name="invitations_sent",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True, validators=[validate_plausible_date])
    expires_at = models.DateTimeField(_("expires"), default=_default_expiry, validators=[validate_plausible_date])
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True, validators=[validate_plausible_date])
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("accepted by"),
        related_name="invitations_accepted",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]
        constraints = [
            *plausible_dates("created_at", "expires_at", "accepted_at", datetimes=True),
            # One open invitation per address and organisation; accepted ones are history.
            models.UniqueConstraint(
                Lower("email"),
                "organisation",
                condition=models.Q(accepted_at__isnull=True),
                name="portal_invitation_one_open_per_org",
                violation_error_message=_("This person already has an open invitation to this organisation."),
            ),
        ]

    def __str__(self):
        return f"{self.email} → {self.organisation}"

    @property
    def is_usable(self) -> bool:
        return self.accepted_at is None and self.expires_at > timezone.now()

"""Networks, the organisations that are members of them, and people's roles in them."""

from django.conf import settings
from django.db import models
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from networks.memberships.access import MembershipAccess, NetworkAccess
from portal.accounts.models import Invitation
from portal.lib.access import ESTABLISHED, AccessMixin, MembershipStatus, Role
from portal.lib.choices import Region, choice_array
from portal.lib.logos import logo_path
from portal.lib.origins import origins_field
from portal.lib.querysets import VisibleToQuerySet
from portal.lib.translated import OriginalColumnModel, OriginalColumnQuerySet
from portal.lib.validators import plausible_dates, validate_logo, validate_plausible_date


class NetworkQuerySet(OriginalColumnQuerySet, VisibleToQuerySet):
    def _visible_to(self, user):
        """Networks the person has a role in (coordinator, member or observer)."""
        return self.filter(roles__user=user)

    def with_member_counts(self):
        """Each network's number of active member organisations.

        A correlated count over the (network, status) index, rather than a join and
        GROUP BY that multiplies rows with every other join in the query.
        """
        active = (
            Membership.objects.filter(network=OuterRef("pk"), status=MembershipStatus.ACTIVE)
            .order_by()
            .values("network")
            .annotate(count=Count("*"))
            .values("count")
        )
        return self.annotate(active_member_count=Coalesce(Subquery(active), 0))


class EndorsementRule(models.TextChoices):
    """When a goal counts as agreed: every active member organisation, or a majority of a set number."""

    ALL = "all", _("All active member organisations")
    MAJORITY = "majority", _("A majority of a set number of organisations")


class Network(AccessMixin, OriginalColumnModel):
    """An adult guidance network of one region or field."""

    slug = models.SlugField(_("identifier in addresses"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(
        _("description for members"), blank=True, help_text=_("Shown to the network's members only.")
    )
    regions = choice_array(Region, _("regions"), max_length=20)
    field = models.CharField(
        _("field"), max_length=200, blank=True, help_text=_("For example: guidance for immigrants in Central Finland.")
    )
    logo = models.ImageField(_("logo"), upload_to=logo_path, blank=True, validators=[validate_logo])
    is_public = models.BooleanField(
        _("public page"),
        default=False,
        help_text=_("Anyone can read the public description; everything else stays for members."),
    )
    public_description = models.TextField(_("public description"), max_length=5000, blank=True)
    embed_origins = origins_field()  # the sites that may show the network's finder in a frame (networks.finder)
    require_mfa_for_coordinators = models.BooleanField(
        _("coordinators must use two-factor authentication"), default=True
    )
    accept_provider_mfa = models.BooleanField(
        _("two-factor authentication at the organisation's sign-in service is enough"), default=False
    )
    # How the network agrees its shared goals: the rule a new round of endorsement takes.
    goal_rule = models.CharField(
        _("a goal is agreed when"),
        max_length=10,
        choices=EndorsementRule.choices,
        default=EndorsementRule.ALL,
    )
    goal_rule_size = models.PositiveSmallIntegerField(
        _("set number of organisations"),
        null=True,
        blank=True,
        help_text=_(
            "For a majority rule: more than half of this number must agree, for example of a steering group's 9."
        ),
    )
    goal_endorsement_days = models.PositiveSmallIntegerField(
        _("days to answer"),
        default=21,
        help_text=_("The deadline a new round of endorsement gets, counted from its opening."),
    )
    trust_threshold = models.PositiveSmallIntegerField(
        _("privacy threshold of trust surveys"), default=3, help_text=_("Results need at least this many ratings.")
    )
    members_may_post_news = models.BooleanField(
        _("members may post news"), default=False, help_text=_("Coordinators always may; with this, members may too.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True, validators=[validate_plausible_date])
    # Also the version the edit forms carry: a save from a stale form is refused.
    updated_at = models.DateTimeField(_("updated"), auto_now=True, validators=[validate_plausible_date])

    objects = NetworkQuerySet.as_manager()
    access_class = NetworkAccess

    class Meta:
        verbose_name = _("network")
        verbose_name_plural = _("networks")
        ordering = ["name"]
        constraints = [
            *plausible_dates("created_at", "updated_at", datetimes=True),
            models.CheckConstraint(
                condition=Q(goal_rule="all") | Q(goal_rule_size__gte=1),
                name="networks_network_majority_has_size",
                violation_error_message=_("A majority rule needs the number of organisations."),
            ),
            models.CheckConstraint(
                condition=Q(trust_threshold__gte=2, trust_threshold__lte=50), name="networks_network_trust_threshold"
            ),
        ]

    def __str__(self):
        return self.name

    def role_of(self, user) -> str | None:
        """The person's role in this network, or None."""
        if not user.is_authenticated:
            return None
        return self.roles.filter(user=user).values_list("role", flat=True).first()


class MembershipLevel(models.TextChoices):
    """Levels of the collaboration continuum, from loose to strategic."""

    NETWORKING = "networking", _("Networking")
    COOPERATION = "cooperation", _("Cooperation")
    COORDINATION = "coordination", _("Coordination")
    STRATEGIC = "strategic", _("Strategic partnership")


class MembershipQuerySet(VisibleToQuerySet):
    def _visible_to(self, user):
        """Memberships the person may see.

        A network's coordinators see all of its memberships; its other members and observers see
        the current and past members (not applications, invitations or rejections). Before they have
        a role in the network, the people who speak for an organisation see its memberships (to follow
        an application or accept an invitation): whoever applied for it, its established
        representatives and deputies, and people a coordinator invited for it. Working for the
        organisation is not enough: people add affiliations to their profiles themselves.
        """
        my_roles = NetworkRole.objects.filter(user=user)
        established = Membership.objects.filter(status__in=ESTABLISHED)
        return self.filter(
            Q(network__in=my_roles.filter(role=Role.COORDINATOR).values("network"))
            | Q(
                network__in=my_roles.values("network"),
                status__in=[MembershipStatus.ACTIVE, MembershipStatus.PAUSED, MembershipStatus.LEFT],
            )
            | Q(pk__in=MembershipChange.objects.filter(changed_by=user).values("membership"))
            | Q(organisation__in=established.filter(Q(representative=user) | Q(deputy=user)).values("organisation"))
            | Q(organisation__in=Invitation.objects.filter(accepted_by=user).values("organisation"))
        )


class Membership(AccessMixin, models.Model):
    """An organisation's membership of a network, at a level of the collaboration continuum."""

    network = models.ForeignKey(
        Network, verbose_name=_("network"), related_name="memberships", on_delete=models.CASCADE
    )
    organisation = models.ForeignKey(
        "partners.Organisation", verbose_name=_("organisation"), related_name="memberships", on_delete=models.CASCADE
    )
    level = models.CharField(
        _("level"), max_length=20, choices=MembershipLevel.choices, default=MembershipLevel.NETWORKING
    )
    status = models.CharField(
        _("status"), max_length=10, choices=MembershipStatus.choices, default=MembershipStatus.APPLIED
    )
    joined_on = models.DateField(_("joined"), null=True, blank=True, validators=[validate_plausible_date])
    left_on = models.DateField(_("left"), null=True, blank=True, validators=[validate_plausible_date])
    # The tie belongs to the organisation: the named people can change without losing it.
    representative = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("representative"),
        related_name="represented_memberships",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    deputy = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("deputy representative"),
        related_name="deputised_memberships",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    application_note = models.TextField(_("application"), max_length=2000, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True, validators=[validate_plausible_date])

    objects = MembershipQuerySet.as_manager()
    access_class = MembershipAccess

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["network__name", "organisation__name"]
        constraints = [
            *plausible_dates("joined_on", "left_on"),
            *plausible_dates("updated_at", datetimes=True),
            models.UniqueConstraint(
                fields=["network", "organisation"],
                name="networks_membership_unique",
                violation_error_message=_("This organisation is already a member of this network."),
            ),
            models.CheckConstraint(
                condition=Q(level__in=MembershipLevel.values),
                name="networks_membership_level_valid",
                violation_error_message=_("Unknown membership level."),
            ),
            models.CheckConstraint(
                condition=Q(status__in=MembershipStatus.values),
                name="networks_membership_status_valid",
                violation_error_message=_("Unknown membership status."),
            ),
            models.CheckConstraint(
                condition=Q(left_on__isnull=True) | Q(joined_on__isnull=True) | Q(left_on__gte=models.F("joined_on")),
                name="networks_membership_left_after_joined",
                violation_error_message=_("The leaving date must not be before the joining date."),
            ),
        ]
        indexes = [
            # network page and member counts: active members of one network
            models.Index(fields=["network", "status"], name="networks_membership_status_idx"),
            # "networks this organisation belongs to" and visibility subqueries
            models.Index(fields=["organisation", "status"], name="networks_membership_org_idx"),
        ]

    def __str__(self):
        return f"{self.organisation} – {self.network}"

    # Cheaper than get_level_display() (a dict of all choices on every call): shown in 50-row member lists.
    @property
    def level_label(self) -> str:
        return MembershipLevel(self.level).label

    @property
    def status_label(self) -> str:
        return MembershipStatus(self.status).label

    @property
    def is_applied(self) -> bool:
        return self.status == MembershipStatus.APPLIED

    @property
    def is_invited(self) -> bool:
        return self.status == MembershipStatus.INVITED

    @property
    def is_pending(self) -> bool:
        """An application or an invitation, waiting for an answer."""
        return self.status in (MembershipStatus.APPLIED, MembershipStatus.INVITED)

    def may_respond(self, user) -> bool:
        """Whether ``user`` may accept this membership's invitation on the organisation's behalf.

        Its named representative or deputy (here or in another network), or someone who joined the
        organisation through a portal invitation (which a coordinator sent to them by name).
        Working for the organisation is not enough: people add affiliations to their profile themselves.
        """
        if self.organisation.is_represented_by(user):
            return True
        return (
            self.organisation.is_staff_member(user)
            and Invitation.objects.filter(organisation=self.organisation, accepted_by=user).exists()
        )


class RoleBasis(models.TextChoices):
    """What a person's role in a network rests on; when it ends, the role ends."""

    ORGANISATION = "organisation", _("Works for a member organisation")
    EXPERT = "expert", _("Individual expert named by a coordinator")


class NetworkRole(models.Model):
    """A person's role in one network: coordinator, member or observer (read-only).

    A role rests on a basis: the person works for one of the network's member organisations
    (``organisation``), or a coordinator has named them as an individual expert (with a reason). When the
    basis ends (the organisation leaves the network, or the person stops working for it and for every other
    member organisation) the row is deleted (:mod:`networks.memberships.roles`); its history stays in the
    ``NetworkRoleEvent`` rows django-pghistory's triggers write (tracked in :mod:`networks.models`).
    """

    network = models.ForeignKey(Network, verbose_name=_("network"), related_name="roles", on_delete=models.CASCADE)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), related_name="network_roles", on_delete=models.CASCADE
    )
    role = models.CharField(_("role"), max_length=12, choices=Role.choices, default=Role.MEMBER)
    basis = models.CharField(_("basis"), max_length=12, choices=RoleBasis.choices, default=RoleBasis.EXPERT)
    organisation = models.ForeignKey(
        "partners.Organisation",
        verbose_name=_("member organisation"),
        related_name="network_roles",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        help_text=_("The member organisation the person works for, when that is the basis of the role."),
    )
    basis_reason = models.TextField(
        _("why an individual expert"),
        max_length=1000,
        blank=True,
        help_text=_("Why the coordinator named the person as an individual expert."),
    )

    class Meta:
        verbose_name = _("role in a network")
        verbose_name_plural = _("roles in networks")
        ordering = ["network__name", "role", "user__last_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["network", "user"],
                name="networks_networkrole_one_per_network",
                violation_error_message=_("This person already has a role in this network."),
            ),
            models.CheckConstraint(
                condition=Q(role__in=Role.values),
                name="networks_networkrole_role_valid",
                violation_error_message=_("Unknown role."),
            ),
            models.CheckConstraint(
                condition=Q(basis=RoleBasis.ORGANISATION, organisation__isnull=False)
                | Q(basis=RoleBasis.EXPERT, organisation__isnull=True),
                name="networks_networkrole_basis_valid",
                violation_error_message=_("A role rests on a member organisation or on being an individual expert."),
            ),
        ]
        indexes = [
            # visible_to(user): the networks one person has a role in
            models.Index(fields=["user", "network"], name="networks_role_user_idx"),
        ]

    def __str__(self):
        return f"{self.user} – {self.network} ({self.get_role_display()})"

    @property
    def role_label(self) -> str:
        return Role(self.role).label

    @property
    def is_expert(self) -> bool:
        return self.basis == RoleBasis.EXPERT


class MembershipChange(models.Model):
    """One change of a membership's level or status: who, when, from what to what, and why. Written by the
    services that change memberships, never edited afterwards; the network page draws the levels' history from it.
    """

    membership = models.ForeignKey(
        Membership, verbose_name=_("membership"), related_name="changes", on_delete=models.CASCADE
    )
    # Denormalised from the membership so the network's timeline is one index range scan.
    network = models.ForeignKey(
        Network, verbose_name=_("network"), related_name="membership_changes", on_delete=models.CASCADE
    )
    changed_at = models.DateTimeField(
        _("when"), db_default=models.functions.Now(), validators=[validate_plausible_date]
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    old_level = models.CharField(_("previous level"), max_length=20, choices=MembershipLevel.choices, blank=True)
    new_level = models.CharField(_("level"), max_length=20, choices=MembershipLevel.choices)
    old_status = models.CharField(_("previous status"), max_length=10, choices=MembershipStatus.choices, blank=True)
    new_status = models.CharField(_("status"), max_length=10, choices=MembershipStatus.choices)
    reason = models.TextField(_("reason"), max_length=2000, blank=True)

    class Meta:
        constraints = [*plausible_dates("changed_at", datetimes=True)]
        verbose_name = _("membership change")
        verbose_name_plural = _("membership changes")
        ordering = ["-changed_at", "-pk"]
        indexes = [
            models.Index(fields=["network", "changed_at"], name="networks_mchange_network_idx"),
            models.Index(fields=["membership", "changed_at"], name="networks_mchange_member_idx"),
        ]

    def __str__(self):
        return f"{self.membership}: {self.old_level}/{self.old_status} → {self.new_level}/{self.new_status}"

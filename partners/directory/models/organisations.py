"""Organisations of a guidance network, the people who work for them, and expertise."""

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from partners.directory.access import ExpertiseAreaAccess, OrganisationAccess
from portal.access import unrestricted
from portal.lib.access import ESTABLISHED, AccessMixin, MembershipStatus, Role
from portal.lib.choices import Language, Region, choice_array
from portal.lib.logos import logo_path
from portal.lib.origins import origins_field
from portal.lib.querysets import VisibleToQuerySet, related_rows
from portal.lib.translated import OriginalColumnModel, OriginalColumnQuerySet
from portal.lib.validators import (
    plausible_dates,
    validate_business_id,
    validate_logo,
    validate_plausible_date,
    validate_single_line,
)

# Memberships in every status but "left": what a network's coordinators see of their network.
NOT_LEFT = [status for status in MembershipStatus.values if status != MembershipStatus.LEFT]


class OrganisationQuerySet(OriginalColumnQuerySet, VisibleToQuerySet):
    """The networks are read through the relations (``memberships``, ``network_roles``): the directory sits
    below them and does not import them."""

    def _visible_to(self, user):
        """Organisations the person may see: their own, and the members of their networks."""
        # Subqueries rather than joins: an OR across multi-valued joins with DISTINCT
        # multiplies rows (seconds at 10,000 organisations); IN-subqueries stay milliseconds.
        memberships = related_rows(self.model, "memberships")
        my_networks = user.network_roles.values("network")
        coordinated = user.network_roles.filter(role=Role.COORDINATOR).values("network")
        return self.filter(
            Q(pk__in=Affiliation.objects.filter(user=user, until__isnull=True).values("organisation"))
            # members and observers: the network's current members
            | Q(pk__in=memberships.filter(network__in=my_networks, status__in=ESTABLISHED).values("organisation"))
            # coordinators also see applicants, invited and rejected organisations
            | Q(
                pk__in=memberships.filter(network__in=coordinated)
                .exclude(status=MembershipStatus.LEFT)
                .values("organisation")
            )
        )

    def editable_by(self, user):
        """Organisations ``user`` may edit (see :class:`partners.directory.access.OrganisationAccess`)."""
        if unrestricted(user):
            return self.all()
        established = related_rows(self.model, "memberships").filter(status__in=ESTABLISHED)
        coordinated = user.network_roles.filter(role=Role.COORDINATOR).values("network")
        return self.filter(
            Q(pk__in=established.filter(Q(representative=user) | Q(deputy=user)).values("organisation"))
            | Q(pk__in=established.filter(network__in=coordinated).values("organisation"))
        )

    def with_public_profile(self):
        """Organisations with a public profile: those with at least one public guidance service
        (:meth:`GuidanceServiceQuerySet.public`). Anyone may see their :data:`PUBLIC_ORGANISATION_FIELDS`."""
        public_services = related_rows(self.model, "services").public()
        return self.filter(pk__in=public_services.values("organisation"))


class OrganisationKind(models.TextChoices):
    """The kinds of actor in an adult guidance network."""

    VOCATIONAL = "vocational", _("Vocational institution")
    UAS = "uas", _("University of applied sciences")
    UNIVERSITY = "university", _("University")
    FOLK_HIGH_SCHOOL = "folk_high_school", _("Folk high school")
    ADULT_EDUCATION_CENTRE = "adult_ed_centre", _("Adult education centre")
    SUMMER_UNIVERSITY = "summer_university", _("Summer university")
    EMPLOYMENT_SERVICES = "employment", _("Employment services")
    ONE_STOP_GUIDANCE = "ohjaamo", _("One-stop guidance centre")
    MUNICIPALITY = "municipality", _("Municipality")
    WELLBEING_COUNTY = "wellbeing_county", _("Wellbeing services county")
    LIBRARY = "library", _("Library")
    NGO = "ngo", _("NGO")
    EMPLOYER = "employer", _("Employer")
    OTHER = "other", _("Other")


class Organisation(AccessMixin, OriginalColumnModel):
    """An actor of the network: an institution, service, municipality, library, NGO or employer."""

    Kind = OrganisationKind

    slug = models.SlugField(_("identifier in addresses"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=200, validators=[validate_single_line])
    short_name = models.CharField(_("short name"), max_length=40, blank=True, validators=[validate_single_line])
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    business_id = models.CharField(
        _("business ID (Y-tunnus)"),
        max_length=9,
        blank=True,
        validators=[validate_business_id],
    )
    regions = choice_array(Region, _("regions it works in"), max_length=20)
    municipality = models.CharField(_("municipality"), max_length=100, blank=True)
    address = models.TextField(_("address"), max_length=300, blank=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    languages = choice_array(Language, _("languages it serves in"), max_length=3)
    description = models.TextField(_("description"), max_length=5000, blank=True)
    logo = models.ImageField(_("logo"), upload_to=logo_path, blank=True, validators=[validate_logo])
    # The sites that may show the organisation's public services in a frame (networks.finder's embed).
    embed_origins = origins_field()
    created_at = models.DateTimeField(_("created"), auto_now_add=True, validators=[validate_plausible_date])
    updated_at = models.DateTimeField(_("updated"), auto_now=True, validators=[validate_plausible_date])

    objects = OrganisationQuerySet.as_manager()
    access_class = OrganisationAccess

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            *plausible_dates("created_at", "updated_at", datetimes=True),
            models.UniqueConstraint(
                fields=["business_id"],
                condition=~Q(business_id=""),
                name="partners_organisation_business_id_unique",
                violation_error_message=_("An organisation with this business ID already exists."),
            ),
            models.CheckConstraint(
                condition=Q(kind__in=OrganisationKind.values),
                name="partners_organisation_kind_valid",
                violation_error_message=_("Unknown kind of organisation."),
            ),
            models.CheckConstraint(
                condition=Q(regions__contained_by=Region.values),
                name="partners_organisation_regions_valid",
                violation_error_message=_("Unknown region."),
            ),
            models.CheckConstraint(
                condition=Q(languages__contained_by=Language.values),
                name="partners_organisation_languages_valid",
                violation_error_message=_("Unknown language."),
            ),
        ]
        indexes = [
            # directory filters: kind, and regions (array overlap/containment)
            models.Index(fields=["kind", "name"], name="partners_org_kind_idx"),
            GinIndex(fields=["regions"], name="partners_org_regions_gin"),
            # the directory's order (name, then id): a page is read off the index instead of sorting
            # every visible organisation (36 → 20 ms at 10,000 organisations)
            models.Index(fields=["name", "id"], name="partners_org_name_idx"),
        ]

    def __str__(self):
        return self.name

    def is_represented_by(self, user) -> bool:
        """Whether ``user`` is the representative or deputy of one of its established (active or paused)
        memberships: one a coordinator approved, not an application or invitation."""
        return self.memberships.filter(Q(representative=user) | Q(deputy=user), status__in=ESTABLISHED).exists()

    def is_staff_member(self, user) -> bool:
        """Whether ``user`` currently works for this organisation."""
        return Affiliation.objects.filter(organisation=self, user=user, until__isnull=True).exists()

    def is_coordinated_by(self, user) -> bool:
        """Whether ``user`` coordinates a network this organisation is an established member of.

        Not applicants or invited organisations: inviting an organisation gives no rights over it.
        """
        return self.memberships.filter(
            status__in=ESTABLISHED,
            network__in=user.network_roles.filter(role=Role.COORDINATOR).values("network"),
        ).exists()


class ExpertiseAreaQuerySet(VisibleToQuerySet):
    def _visible_to(self, user):
        """Portal-wide terms and the terms of the person's networks."""
        return self.filter(Q(network__isnull=True) | Q(network__in=user.network_roles.values("network")))


class ExpertiseArea(AccessMixin, models.Model):
    """A term of the shared expertise vocabulary (e.g. "recognition of prior learning").

    A term with a network belongs to that network's vocabulary, which its coordinators curate;
    a term without one is portal-wide and kept by administrators.
    """

    slug = models.SlugField(_("identifier"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=120)
    network = models.ForeignKey(
        "networks.Network",
        verbose_name=_("network"),
        related_name="expertise_areas",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        help_text=_("Empty: a portal-wide term kept by administrators."),
    )
    description = models.CharField(_("description"), max_length=300, blank=True)
    # Also the version the edit forms carry: a save from a stale form is refused.
    updated_at = models.DateTimeField(_("updated"), auto_now=True, validators=[validate_plausible_date])

    objects = ExpertiseAreaQuerySet.as_manager()
    access_class = ExpertiseAreaAccess

    class Meta:
        verbose_name = _("area of expertise")
        verbose_name_plural = _("areas of expertise")
        ordering = ["name"]
        constraints = [
            *plausible_dates("updated_at", datetimes=True),
            models.UniqueConstraint(
                "network",
                Lower("name"),
                nulls_distinct=False,
                name="partners_expertise_name_unique",
                violation_error_message=_("This vocabulary already has a term with this name."),
            ),
        ]

    def __str__(self):
        return self.name


class Affiliation(models.Model):
    """A person working for an organisation, with their title there and the period."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        related_name="affiliations",
        on_delete=models.CASCADE,
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        related_name="affiliations",
        on_delete=models.CASCADE,
    )
    title = models.CharField(_("title"), max_length=150, blank=True)
    primary = models.BooleanField(_("primary organisation"), default=False)
    since = models.DateField(_("since"), null=True, blank=True, validators=[validate_plausible_date])
    until = models.DateField(_("until"), null=True, blank=True, validators=[validate_plausible_date])

    class Meta:
        verbose_name = _("affiliation")
        verbose_name_plural = _("affiliations")
        ordering = ["-primary", "organisation__name"]
        constraints = [
            *plausible_dates("since", "until"),
            models.UniqueConstraint(
                fields=["user", "organisation"],
                condition=Q(until__isnull=True),
                name="partners_affiliation_one_current_per_org",
                violation_error_message=_("This person already works for this organisation."),
            ),
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(primary=True, until__isnull=True),
                name="partners_affiliation_one_primary",
                violation_error_message=_("A person has only one primary organisation."),
            ),
            models.CheckConstraint(
                condition=Q(until__isnull=True) | Q(since__isnull=True) | Q(until__gte=models.F("since")),
                name="partners_affiliation_until_after_since",
                violation_error_message=_("The end date must not be before the start date."),
            ),
        ]
        indexes = [
            # "who works here now": organisation page, visibility of organisations
            models.Index(
                fields=["organisation", "user"],
                condition=Q(until__isnull=True),
                name="partners_affil_current_idx",
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.organisation}"


# What the public sees of an organisation with a public profile (the finder, its embed, the sitemap, the open
# API): not its e-mail, phone, address, business ID, regions, languages, people or memberships.
PUBLIC_ORGANISATION_FIELDS = ("slug", "name", "short_name", "kind", "municipality", "website", "description", "logo")

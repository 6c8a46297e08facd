"""Organisations of a guidance network, the people who work for them, and expertise."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from portal.lib.querysets import VisibleToQuerySet
from portal.lib.validators import validate_business_id


class OrganisationQuerySet(VisibleToQuerySet):
    def _visible_to(self, user):
        """Organisations the person may see: their own, and the members of their networks."""
        from networks.models import Membership, NetworkRole  # networks imports partners: import here

        # Subqueries rather than joins: an OR across multi-valued joins with DISTINCT
        # multiplies rows (seconds at 10,000 organisations); IN-subqueries stay milliseconds.
        my_networks = NetworkRole.objects.filter(user=user).values("network")
        return self.filter(
            Q(pk__in=Affiliation.objects.filter(user=user, until__isnull=True).values("organisation"))
            | Q(
                pk__in=Membership.objects.filter(network__in=my_networks)
                .exclude(status=Membership.Status.LEFT)
                .values("organisation")
            )
        )


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


class Organisation(models.Model):
    """An actor of the network: an institution, service, municipality, library, NGO or employer."""

    Kind = OrganisationKind

    slug = models.SlugField(_("identifier in addresses"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=40, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    business_id = models.CharField(
        _("business ID (Y-tunnus)"),
        max_length=9,
        blank=True,
        validators=[validate_business_id],
    )
    municipality = models.CharField(_("municipality"), max_length=100, blank=True)
    website = models.URLField(_("website"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
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
        ]

    def __str__(self):
        return self.name

    def permits(self, user, action: str) -> bool:
        """Only viewing exists for organisations so far; editing arrives with the directory."""
        return action == "view"


class ExpertiseArea(models.Model):
    """A term of the network's shared expertise vocabulary (e.g. "recognition of prior learning")."""

    slug = models.SlugField(_("identifier"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=120)

    class Meta:
        verbose_name = _("area of expertise")
        verbose_name_plural = _("areas of expertise")
        ordering = ["name"]

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
    since = models.DateField(_("since"), null=True, blank=True)
    until = models.DateField(_("until"), null=True, blank=True)

    class Meta:
        verbose_name = _("affiliation")
        verbose_name_plural = _("affiliations")
        ordering = ["-primary", "organisation__name"]
        constraints = [
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

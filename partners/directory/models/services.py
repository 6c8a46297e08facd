"""Guidance services: what an organisation gives adults, for whom, how, where and in which language, and which
of them the organisation shows the public (the finder, :mod:`networks.finder`)."""

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from partners.directory.access import GuidanceServiceAccess
from partners.directory.models.organisations import Organisation
from portal.lib import municipalities
from portal.lib.access import AccessMixin
from portal.lib.choices import Language, Region, choice_array
from portal.lib.querysets import VisibleToQuerySet
from portal.lib.translated import OriginalColumnModel, OriginalColumnQuerySet
from portal.lib.validators import plausible_dates, validate_plausible_date


class ServiceLevel(models.TextChoices):
    """The three levels of lifelong guidance: tieto, neuvonta, ohjaus."""

    INFORMATION = "information", _("Information")
    ADVICE = "advice", _("Advice")
    GUIDANCE = "guidance", _("Guidance")


class ServiceChannel(models.TextChoices):
    FACE_TO_FACE = "face_to_face", _("Face to face")
    PHONE = "phone", _("Phone")
    ONLINE = "online", _("Online")
    CHAT = "chat", _("Chat")
    GROUP = "group", _("Group")
    WALK_IN = "walk_in", _("Walk-in (no appointment)")
    VIDEO = "video", _("Video call")
    EMAIL = "email", _("E-mail")


class TargetGroup(models.TextChoices):
    """Whom a guidance service is for."""

    UNEMPLOYED = "unemployed", _("Unemployed people")
    IMMIGRANTS = "immigrants", _("Immigrants")
    CAREER_CHANGERS = "career_changers", _("Employed people changing careers")
    DISABILITIES = "disabilities", _("People with disabilities")
    SENIORS = "seniors", _("Seniors")
    YOUNG_ADULTS = "young_adults", _("Young adults")
    LOW_BASIC_SKILLS = "basic_skills", _("Adults with low basic skills")
    ENTREPRENEURS = "entrepreneurs", _("Entrepreneurs")
    EVERYONE = "everyone", _("All adults")


class ServiceTopic(models.TextChoices):
    """What a guidance service helps with, as the public finder offers it."""

    CAREER = "career", _("Career")
    EDUCATION = "education", _("Education and training")
    EMPLOYMENT = "employment", _("Employment")
    INTEGRATION = "integration", pgettext_lazy("guidance topic", "Integration")
    LIFE_SITUATIONS = "life_situations", _("Life situations")


class GuidanceServiceQuerySet(OriginalColumnQuerySet, VisibleToQuerySet):
    def _visible_to(self, user):
        """Services of the organisations the person may see."""
        return self.filter(organisation__in=Organisation.objects.visible_to(user).values("pk"))

    def public(self):
        """The services anyone may find without signing in: those the organisation's editors marked public.

        This is the one rule of "public" (the finder's pages, the sitemap and the open API use it). Of a public
        service only its :data:`PUBLIC_SERVICE_FIELDS` are shown: its name, description, level, topics, channels,
        languages, target groups, regions, municipalities, contact e-mail, phone and web page, opening hours and
        accessibility (the texts in each language). Of its organisation only
        :data:`~partners.directory.models.organisations.PUBLIC_ORGANISATION_FIELDS`: its name, short name, kind,
        municipality, website, description and logo (and its slug, the address of its profile); never its
        e-mail, phone, address, business ID, people or memberships. The organisation is read along
        (``select_related``), so a page of services costs one query.
        """
        return self.filter(is_public=True).select_related("organisation")


class GuidanceService(AccessMixin, OriginalColumnModel):
    """A guidance service an organisation gives adults."""

    Level = ServiceLevel
    Channel = ServiceChannel
    TargetGroup = TargetGroup
    Topic = ServiceTopic

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        related_name="services",
        on_delete=models.CASCADE,
    )
    name = models.CharField(_("name"), max_length=200)
    level = models.CharField(_("level"), max_length=12, choices=ServiceLevel.choices, default=ServiceLevel.INFORMATION)
    channels = choice_array(ServiceChannel, _("channels"), max_length=14)
    target_groups = choice_array(TargetGroup, _("target groups"), max_length=16)
    languages = choice_array(Language, _("languages"), max_length=3)
    regions = choice_array(Region, _("regions"), max_length=20)
    description = models.TextField(_("description"), max_length=5000, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    contact_url = models.URLField(_("web page or booking link"), blank=True)
    is_public = models.BooleanField(
        _("shown to the public"),
        default=False,
        help_text=_("Anyone can find a public service in the guidance finder, without signing in."),
    )
    topics = choice_array(ServiceTopic, _("topics"), max_length=16)
    municipalities = ArrayField(
        models.CharField(max_length=3, choices=municipalities.CHOICES),
        verbose_name=_("municipalities"),
        default=list,
        blank=True,
    )
    opening_hours = models.TextField(_("opening hours"), max_length=1000, blank=True)
    accessibility = models.TextField(_("accessibility of the premises"), max_length=2000, blank=True)
    # The finder's search: Voikko terms of the public fields only (partners.directory.public), kept current by
    # partners.directory.signals on every save of the service or its organisation.
    public_document = SearchVectorField(_("public search document"), null=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True, validators=[validate_plausible_date])
    updated_at = models.DateTimeField(_("updated"), auto_now=True, validators=[validate_plausible_date])

    objects = GuidanceServiceQuerySet.as_manager()
    access_class = GuidanceServiceAccess

    class Meta:
        verbose_name = _("guidance service")
        verbose_name_plural = _("guidance services")
        ordering = ["organisation__name", "name"]
        constraints = [
            *plausible_dates("created_at", "updated_at", datetimes=True),
            models.CheckConstraint(
                condition=Q(level__in=ServiceLevel.values),
                name="partners_service_level_valid",
                violation_error_message=_("Unknown level of guidance."),
            ),
            models.CheckConstraint(
                condition=Q(channels__contained_by=ServiceChannel.values),
                name="partners_service_channels_valid",
                violation_error_message=_("Unknown channel."),
            ),
            models.CheckConstraint(
                condition=Q(target_groups__contained_by=TargetGroup.values),
                name="partners_service_target_groups_valid",
                violation_error_message=_("Unknown target group."),
            ),
            models.CheckConstraint(
                condition=Q(languages__contained_by=Language.values),
                name="partners_service_languages_valid",
                violation_error_message=_("Unknown language."),
            ),
            models.CheckConstraint(
                condition=Q(regions__contained_by=Region.values),
                name="partners_service_regions_valid",
                violation_error_message=_("Unknown region."),
            ),
            models.CheckConstraint(
                condition=Q(topics__contained_by=ServiceTopic.values),
                name="partners_service_topics_valid",
                violation_error_message=_("Unknown topic."),
            ),
            models.CheckConstraint(
                condition=Q(municipalities__contained_by=municipalities.CODES),
                name="partners_service_municipalities_valid",
                violation_error_message=_("Unknown municipality."),
            ),
        ]
        indexes = [
            models.Index(fields=["organisation", "name"], name="partners_service_org_idx"),
            models.Index(fields=["level"], name="partners_service_level_idx"),
            # service-map filters: array containment/overlap on each vocabulary
            GinIndex(fields=["channels"], name="partners_service_channels_gin"),
            GinIndex(fields=["target_groups"], name="partners_service_groups_gin"),
            GinIndex(fields=["languages"], name="partners_service_langs_gin"),
            GinIndex(fields=["regions"], name="partners_service_regions_gin"),
            # the finder's filters and search, over public services only
            GinIndex(fields=["topics"], name="partners_service_topics_gin", condition=Q(is_public=True)),
            GinIndex(fields=["municipalities"], name="partners_service_munic_gin", condition=Q(is_public=True)),
            GinIndex(fields=["public_document"], name="partners_service_public_gin", condition=Q(is_public=True)),
            # the finder's list: public services in name order
            models.Index(fields=["name", "id"], name="partners_service_public_idx", condition=Q(is_public=True)),
        ]

    def __str__(self):
        return self.name


# What the public sees of a service (the finder, its embed, the sitemap, the open API): nothing else of it.
PUBLIC_SERVICE_FIELDS = (
    "name",
    "description",
    "level",
    "topics",
    "channels",
    "languages",
    "target_groups",
    "regions",
    "municipalities",
    "contact_email",
    "contact_phone",
    "contact_url",
    "opening_hours",
    "accessibility",
)

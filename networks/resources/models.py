"""The resource library: documents and links a network keeps for its people, tagged with the expertise
vocabulary, the network's goals and the quality areas of guidance, and the versions of each document.

A resource is the network's by default (its people read it); a coordinator may make it public, and then anyone
reads it, signed in or not, through the same views. A document keeps every version uploaded: the newest is the
current one, the older ones stay listed and downloadable.
"""

import uuid

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from networks.goals.models import QualityArea
from networks.resources.access import ResourceAccess
from portal.lib.access import AccessMixin
from portal.lib.choices import choice_array
from portal.lib.querysets import VisibleToQuerySet
from portal.lib.validators import plausible_dates, validate_plausible_date, validate_single_line

# A link is opened by the readers' browsers: only web addresses.
validate_web_url = URLValidator(schemes=["http", "https"], message=_("Enter a web address that starts with https://."))


class ResourceKind(models.TextChoices):
    DOCUMENT = "document", _("Document")
    LINK = "link", _("Link")


class Visibility(models.TextChoices):
    NETWORK = "network", _("The network's people")
    PUBLIC = "public", _("Anyone (public)")


class ResourceQuerySet(VisibleToQuerySet):
    def visible_to(self, user):
        """Public resources for everyone, signed in or not; the others for the people of their network."""
        if not user.is_authenticated:
            return self.filter(visibility=Visibility.PUBLIC)
        return self._visible_to(user)

    def _visible_to(self, user):
        from networks.memberships.models import NetworkRole

        return self.filter(
            Q(visibility=Visibility.PUBLIC) | Q(network__in=NetworkRole.objects.filter(user=user).values("network"))
        )

    def public(self):
        return self.filter(visibility=Visibility.PUBLIC)


class Resource(AccessMixin, models.Model):
    """A document or a link in a network's library. Title and description are written in Finnish, and in
    Swedish and English where someone translates them (django-modeltranslation, ``translation.py``)."""

    Kind = ResourceKind

    uuid = models.UUIDField(_("identifier"), default=uuid.uuid4, unique=True, editable=False)
    network = models.ForeignKey(
        "networks.Network", verbose_name=_("network"), related_name="resources", on_delete=models.CASCADE
    )
    kind = models.CharField(_("kind"), max_length=8, choices=ResourceKind.choices)
    title = models.CharField(_("title"), max_length=200, validators=[validate_single_line])
    description = models.TextField(_("description"), max_length=5000, blank=True)
    url = models.URLField(_("web address"), max_length=500, blank=True, validators=[validate_web_url])
    visibility = models.CharField(
        _("who may read it"), max_length=8, choices=Visibility.choices, default=Visibility.NETWORK
    )
    expertise = models.ManyToManyField(
        "partners.ExpertiseArea", verbose_name=_("areas of expertise"), related_name="resources", blank=True
    )
    goals = models.ManyToManyField("networks.Goal", verbose_name=_("goals"), related_name="resources", blank=True)
    quality_areas = choice_array(QualityArea, _("quality areas"), max_length=30)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("added by"), related_name="+", on_delete=models.SET_NULL, null=True
    )
    created_at = models.DateTimeField(_("added"), auto_now_add=True, validators=[validate_plausible_date])
    # Also the version the edit form carries: a save from a stale form is refused.
    updated_at = models.DateTimeField(_("updated"), auto_now=True, validators=[validate_plausible_date])

    objects = ResourceQuerySet.as_manager()
    access_class = ResourceAccess

    class Meta:
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        ordering = ["-created_at", "-pk"]
        constraints = [
            *plausible_dates("created_at", "updated_at", datetimes=True),
            models.CheckConstraint(
                condition=Q(kind__in=ResourceKind.values),
                name="networks_resource_kind_valid",
                violation_error_message=_("Unknown kind of resource."),
            ),
            models.CheckConstraint(
                condition=Q(visibility__in=Visibility.values),
                name="networks_resource_visibility_valid",
                violation_error_message=_("Unknown visibility."),
            ),
            models.CheckConstraint(
                condition=Q(quality_areas__contained_by=QualityArea.values),
                name="networks_resource_quality_areas_valid",
                violation_error_message=_("Unknown quality area."),
            ),
            models.CheckConstraint(
                condition=(Q(kind=ResourceKind.LINK) & ~Q(url="")) | (Q(kind=ResourceKind.DOCUMENT) & Q(url="")),
                name="networks_resource_link_has_url",
                violation_error_message=_("A link needs its web address; a document has none."),
            ),
            models.CheckConstraint(
                condition=Q(url="") | Q(url__startswith="https://") | Q(url__startswith="http://"),
                name="networks_resource_url_web",
                violation_error_message=_("Enter a web address that starts with https://."),
            ),
        ]
        indexes = [
            # the library: a network's resources, the newest first (and by kind)
            models.Index(fields=["network", "-created_at"], name="networks_resource_library_idx"),
            models.Index(fields=["network", "kind", "-created_at"], name="networks_resource_kind_idx"),
            # the public page's list and visible_to's public branch
            models.Index(
                fields=["network", "-created_at"],
                condition=Q(visibility="public"),
                name="networks_resource_public_idx",
            ),
            # the library's filter by quality area (quality_areas @> ARRAY[...])
            GinIndex(fields=["quality_areas"], name="networks_resource_areas_idx"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("resources:resource_detail", kwargs={"uuid": self.uuid})

    @property
    def is_public(self) -> bool:
        return self.visibility == Visibility.PUBLIC

    @property
    def is_document(self) -> bool:
        return self.kind == ResourceKind.DOCUMENT

    def public_expertise(self) -> list:
        """The portal's areas of expertise it is tagged with: a network's own vocabulary is its people's."""
        return [area for area in self.expertise.all() if area.network_id is None]

    def quality_area_labels(self) -> list[str]:
        return [QualityArea(value).label for value in self.quality_areas if value in QualityArea.values]


def version_path(instance, filename: str) -> str:
    """A server-generated name under a private folder: the uploaded name is only kept for display."""
    return f"resources/{uuid.uuid4().hex}"


class ResourceVersion(models.Model):
    """One uploaded file of a document: the newest is the current one, the older ones are kept. A private file
    served only through a view that checks the person may read the resource."""

    resource = models.ForeignKey(
        Resource, verbose_name=_("resource"), related_name="versions", on_delete=models.CASCADE
    )
    # 1, 2, 3… within the resource: the version's identifier in addresses and what people call it.
    number = models.PositiveIntegerField(_("version"))
    file = models.FileField(_("file"), upload_to=version_path, max_length=200)
    # The uploaded name, cleaned (no folders, no control characters): shown and offered when downloading.
    original_name = models.CharField(_("file name"), max_length=200)
    # What the content was found to be (not what the browser claimed).
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveIntegerField(_("size (bytes)"))
    note = models.CharField(_("what changed"), max_length=300, blank=True, validators=[validate_single_line])
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), related_name="+", on_delete=models.SET_NULL, null=True
    )
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True, validators=[validate_plausible_date])

    class Meta:
        verbose_name = _("version")
        verbose_name_plural = _("versions")
        ordering = ["resource", "-number"]
        constraints = [
            *plausible_dates("created_at", datetimes=True),
            models.UniqueConstraint(fields=["resource", "number"], name="networks_resourceversion_number_unique"),
            models.CheckConstraint(condition=Q(number__gte=1), name="networks_resourceversion_number_positive"),
        ]

    def __str__(self):
        return f"{self.original_name} ({self.number})"

    def get_download_url(self):
        return reverse("resources:version_download", kwargs={"uuid": self.resource.uuid, "number": self.number})

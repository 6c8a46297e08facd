"""Joint activities (the trust-building work itself), the people who took part, and the personal contacts
between people of different organisations that meetings, activities and agreements make."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from networks.trust.access import ActivityAccess
from portal.lib.access import AccessMixin
from portal.lib.querysets import VisibleToQuerySet
from portal.lib.validators import plausible_dates, validate_plausible_date, validate_single_line


class ActivityKind(models.TextChoices):
    JOB_SHADOWING = "shadowing", _("Job shadowing")
    JOINT_TRAINING = "training", _("Joint training")
    PEER_MENTORING = "mentoring", _("Peer mentoring")
    STUDY_VISIT = "visit", _("Study visit")
    GUIDANCE_DAY = "guidance_day", _("Co-delivered guidance day")
    INFORMAL = "informal", _("Informal gathering")
    OTHER = "other", _("Other")


class ActivityQuerySet(VisibleToQuerySet):
    def _visible_to(self, user):
        """Activities of the networks the person has a role in."""
        return self.filter(network__in=self.visible_networks(user))

    @staticmethod
    def visible_networks(user):
        """The networks whose activities the person sees (their ``network`` values): the search's first cut."""
        from networks.memberships.models import NetworkRole

        return NetworkRole.objects.filter(user=user).values("network")


class Activity(AccessMixin, models.Model):
    """One joint activity of a network's people: a job shadowing, a joint training, a study visit…"""

    Kind = ActivityKind

    network = models.ForeignKey(
        "networks.Network", verbose_name=_("network"), related_name="activities", on_delete=models.CASCADE
    )
    kind = models.CharField(_("kind"), max_length=12, choices=ActivityKind.choices)
    title = models.CharField(_("title"), max_length=200, validators=[validate_single_line])
    starts_on = models.DateField(_("starts"), validators=[validate_plausible_date])
    ends_on = models.DateField(_("ends"), null=True, blank=True, validators=[validate_plausible_date])
    hours = models.DecimalField(
        _("hours"),
        max_digits=5,
        decimal_places=1,
        validators=[MinValueValidator(0), MaxValueValidator(999)],
        help_text=_("The length of the activity for one participant, in hours."),
    )
    place = models.CharField(_("place"), max_length=300, blank=True, validators=[validate_single_line])
    online = models.BooleanField(_("online"), default=False)
    description = models.TextField(_("description"), max_length=5000, blank=True)
    organisers = models.ManyToManyField(
        "partners.Organisation", verbose_name=_("organisers"), related_name="organised_activities", blank=True
    )
    goals = models.ManyToManyField(
        "networks.Goal", verbose_name=_("linked goals"), related_name="activities", blank=True
    )
    # How many pairs of people of different organisations met for the first time here (see
    # :mod:`networks.trust.contacts`), kept up to date when the participants change.
    new_pairs = models.PositiveIntegerField(_("new contacts"), default=0, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), related_name="+", on_delete=models.SET_NULL, null=True
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True, validators=[validate_plausible_date])
    # Also the version the edit form carries: a save from a stale form is refused.
    updated_at = models.DateTimeField(_("updated"), auto_now=True, validators=[validate_plausible_date])

    objects = ActivityQuerySet.as_manager()
    access_class = ActivityAccess

    class Meta:
        verbose_name = _("joint activity")
        verbose_name_plural = _("joint activities")
        ordering = ["-starts_on", "-pk"]
        constraints = [
            *plausible_dates("starts_on", "ends_on"),
            *plausible_dates("created_at", "updated_at", datetimes=True),
            models.CheckConstraint(
                condition=Q(kind__in=ActivityKind.values),
                name="networks_activity_kind_valid",
                violation_error_message=_("Unknown kind of activity."),
            ),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="networks_activity_ends_after_start",
                violation_error_message=_("The activity cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=Q(hours__gte=0, hours__lte=999),
                name="networks_activity_hours_range",
                violation_error_message=_("Hours must be between 0 and 999."),
            ),
        ]
        indexes = [models.Index(fields=["network", "starts_on"], name="networks_activity_time_idx")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("trust:activity_detail", kwargs={"pk": self.pk})

    @property
    def last_day(self):
        return self.ends_on or self.starts_on


class Participant(models.Model):
    """One person who took part in an activity, with the organisation they came from.

    People with an account are linked (``user``); others are named (``name``). Afterwards a participant
    with an account may leave a short reflection and a usefulness rating.
    """

    activity = models.ForeignKey(Activity, related_name="participants", on_delete=models.CASCADE)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        related_name="activity_participations",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )
    name = models.CharField(_("name"), max_length=150, blank=True, validators=[validate_single_line])
    organisation = models.ForeignKey(
        "partners.Organisation",
        verbose_name=_("organisation"),
        related_name="activity_participations",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    is_organiser = models.BooleanField(_("organiser"), default=False)
    reflection = models.TextField(_("reflection"), max_length=2000, blank=True)
    usefulness = models.PositiveSmallIntegerField(
        _("usefulness"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    reflected_at = models.DateTimeField(_("reflected"), null=True, blank=True, validators=[validate_plausible_date])
    added_at = models.DateTimeField(auto_now_add=True, validators=[validate_plausible_date])

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["name", "user__last_name", "user__first_name", "pk"]
        constraints = [
            *plausible_dates("reflected_at", "added_at", datetimes=True),
            models.UniqueConstraint(
                fields=["activity", "user"], condition=Q(user__isnull=False), name="networks_participant_once"
            ),
            models.CheckConstraint(
                condition=Q(user__isnull=False) | ~Q(name=""),
                name="networks_participant_named",
                violation_error_message=_("A participant without an account needs a name."),
            ),
            models.CheckConstraint(
                condition=Q(usefulness__isnull=True) | Q(usefulness__gte=1, usefulness__lte=5),
                name="networks_participant_usefulness_range",
                violation_error_message=_("Usefulness is rated from 1 to 5."),
            ),
        ]
        indexes = [
            models.Index(fields=["user", "activity"], name="networks_participant_user_idx"),
            models.Index(fields=["organisation", "activity"], name="networks_participant_org_idx"),
        ]

    def __str__(self):
        return self.name or str(self.user)

    @property
    def display_name(self) -> str:
        return self.user.get_full_name() if self.user_id else self.name


class ContactSource(models.TextChoices):
    MEETING = "meeting", _("Meeting")
    ACTIVITY = "activity", _("Joint activity")
    AGREEMENT = "agreement", _("Agreement")


class Acquaintance(models.Model):
    """Two people of different organisations, and when and where they first met (over a meeting, a joint
    activity or an agreement). One row per pair, the lower user id first; kept by :mod:`networks.trust.contacts`."""

    Source = ContactSource

    person = models.ForeignKey(settings.AUTH_USER_MODEL, related_name="+", on_delete=models.CASCADE)
    other = models.ForeignKey(settings.AUTH_USER_MODEL, related_name="+", on_delete=models.CASCADE)
    first_met_on = models.DateField(_("first met"), validators=[validate_plausible_date])
    source = models.CharField(_("where"), max_length=10, choices=ContactSource.choices)
    # The network and the record they first met over (one of them is set, as ``source`` says).
    network = models.ForeignKey("networks.Network", related_name="+", on_delete=models.CASCADE)
    meeting = models.ForeignKey("networks.Meeting", related_name="+", on_delete=models.CASCADE, null=True)
    activity = models.ForeignKey(Activity, related_name="first_contacts", on_delete=models.CASCADE, null=True)
    agreement = models.ForeignKey("partners.Agreement", related_name="+", on_delete=models.CASCADE, null=True)
    # The organisations the two came from then, for "organisations with no new contacts".
    organisation = models.ForeignKey("partners.Organisation", related_name="+", on_delete=models.CASCADE)
    other_organisation = models.ForeignKey("partners.Organisation", related_name="+", on_delete=models.CASCADE)

    class Meta:
        verbose_name = _("personal contact")
        verbose_name_plural = _("personal contacts")
        constraints = [
            *plausible_dates("first_met_on"),
            models.UniqueConstraint(fields=["person", "other"], name="networks_acquaintance_once"),
            models.CheckConstraint(condition=Q(person__lt=F("other")), name="networks_acquaintance_ordered"),
            models.CheckConstraint(condition=Q(source__in=ContactSource.values), name="networks_acquaintance_source"),
        ]
        indexes = [
            models.Index(fields=["network", "first_met_on"], name="networks_acquaint_network_idx"),
            models.Index(fields=["other"], name="networks_acquaint_other_idx"),
        ]

    def __str__(self):
        return f"{self.person_id}–{self.other_id} ({self.first_met_on})"

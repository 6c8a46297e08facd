"""The results of a closed round, computed once when it closes (:mod:`networks.trust.results`) and read by
every page and export after that: never computed per page view.

:class:`RoundResult` holds the network-level figures; :class:`OrganisationResult` one organisation's
figures in the round (what others said of it, with how many respondents rated it, so the privacy threshold
can be applied where it is shown).
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from portal.lib.validators import plausible_dates, validate_plausible_date


class RoundResult(models.Model):
    """A closed round's network-level results."""

    round = models.OneToOneField("networks.SurveyRound", related_name="result", on_delete=models.CASCADE)
    computed_at = models.DateTimeField(_("computed"), auto_now_add=True, validators=[validate_plausible_date])
    # The privacy threshold in force when the round closed: organisation-level figures are shown only when at
    # least this many respondents rated the organisation.
    threshold = models.PositiveSmallIntegerField(_("privacy threshold"))
    asked = models.PositiveIntegerField(_("organisations asked"), default=0)
    responded = models.PositiveIntegerField(_("organisations responded"), default=0)
    density = models.FloatField(_("density"), null=True)
    reciprocity = models.FloatField(_("reciprocity"), null=True)
    average_trust = models.FloatField(_("average trust"), null=True)
    average_value = models.FloatField(_("average value"), null=True)
    # Everything else at network level: the communities, the isolated members, the change since the previous
    # round, a health check's per-aspect counts and comments (without names). Shape: see the results module.
    figures = models.JSONField(_("figures"), default=dict)

    class Meta:
        verbose_name = _("round result")
        verbose_name_plural = _("round results")
        constraints = [*plausible_dates("computed_at", datetimes=True)]

    def __str__(self):
        return str(self.round)

    @property
    def response_rate(self) -> float | None:
        return self.responded / self.asked if self.asked else None


class OrganisationResult(models.Model):
    """One organisation's figures in a closed trust survey: what the others said of it, and its place in the
    network's graph."""

    result = models.ForeignKey(RoundResult, related_name="organisations", on_delete=models.CASCADE)
    organisation = models.ForeignKey("partners.Organisation", related_name="+", on_delete=models.CASCADE)
    responded = models.BooleanField(_("responded"), default=False)
    # How many respondents rated it at all (a relationship other than none): the privacy threshold of who rated
    # it. And the fewest respondents behind any of its means (its trust and value scores, asked only of those
    # that work together with it): the privacy threshold of the means and the six dimensions.
    raters = models.PositiveIntegerField(_("respondents who rated it"), default=0)
    scored_raters = models.PositiveIntegerField(_("respondents who scored it"), default=0)
    average_trust = models.FloatField(_("average trust"), null=True)
    average_value = models.FloatField(_("average value"), null=True)
    reliability = models.FloatField(null=True)
    openness = models.FloatField(null=True)
    mission_support = models.FloatField(null=True)
    influence = models.FloatField(null=True)
    involvement = models.FloatField(null=True)
    resources = models.FloatField(null=True)
    degree = models.PositiveIntegerField(_("ties"), default=0)
    degree_centrality = models.FloatField(_("degree centrality"), default=0)
    betweenness = models.FloatField(_("betweenness centrality"), default=0)
    community = models.PositiveIntegerField(_("community"), null=True)
    is_isolated = models.BooleanField(_("isolated"), default=False)
    # What the others wrote of it, without names, in a stable shuffled order.
    comments = models.JSONField(_("comments"), default=list)

    class Meta:
        verbose_name = _("organisation's result")
        verbose_name_plural = _("organisations' results")
        ordering = ["result", "organisation__name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["result", "organisation"], name="networks_orgresult_once"),
            models.CheckConstraint(condition=Q(degree_centrality__gte=0), name="networks_orgresult_centrality"),
        ]
        indexes = [models.Index(fields=["organisation", "result"], name="networks_orgresult_org_idx")]

    def __str__(self):
        return f"{self.organisation_id} – {self.result_id}"

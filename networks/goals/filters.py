"""The goal board's filters: status, quality area, owner organisation, text and year.

Invalid values are ignored (shown as form errors), never a failure; ``filters()`` gives the plain dict
:func:`filter_goals` takes.
"""

import datetime

from crispy_forms.layout import Column, Layout, Row, Submit
from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from networks.goals.models import STATUS_ORDER, Goal, QualityArea
from networks.goals.selectors import GROUP_AREA, GROUP_STATUS
from networks.memberships.models import Network
from partners.directory.models import Organisation
from portal.lib.forms import filter_helper

# Years a goal's period can plausibly touch (as the agreements' dates: a mistyped year is no filter).
EARLIEST_YEAR = 1900
LATEST_YEAR = 2199


def owner_choices(network: Network) -> list[tuple[str, str]]:
    """The organisations that own some goal of the network, by name (one query)."""
    owners = (
        Organisation.objects.filter(owned_goals__network=network)
        .distinct()
        .order_by("name", "slug")
        .values_list("slug", "name")
    )
    return list(owners)


class GoalFilterForm(forms.Form):
    """The board's filters, from the query string; ``group`` keeps the grouping the board was opened with."""

    q = forms.CharField(
        label=_("Text"), max_length=100, required=False, help_text=_("Searches the titles and descriptions.")
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("All statuses")), *((status.value, status.label) for status in STATUS_ORDER)],
        required=False,
    )
    area = forms.ChoiceField(
        label=_("Quality area"), choices=[("", _("All quality areas")), *QualityArea.choices], required=False
    )
    owner = forms.ChoiceField(label=_("Owner organisation"), required=False)
    year = forms.IntegerField(
        label=_("Year"),
        min_value=EARLIEST_YEAR,
        max_value=LATEST_YEAR,
        required=False,
        help_text=_("Goals whose period includes some of this year."),
    )
    group = forms.ChoiceField(
        choices=[(GROUP_STATUS, GROUP_STATUS), (GROUP_AREA, GROUP_AREA)], required=False, widget=forms.HiddenInput
    )

    def __init__(self, *args, network: Network, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].choices = [("", _("All organisations")), *owner_choices(network)]
        self.fields["q"].widget.input_type = "search"
        self.helper = filter_helper(
            "goal-filters",
            Layout(
                Row(Column("q", css_class="col-md-8"), Column("year", css_class="col-md-4")),
                Row(
                    Column("status", css_class="col-md-4"),
                    Column("area", css_class="col-md-4"),
                    Column("owner", css_class="col-md-4"),
                ),
                "group",
            ),
        )
        self.helper.add_input(Submit("", _("Show goals")))

    def filters(self) -> dict:
        """The valid, non-empty filters (the grouping is not a filter: see :meth:`grouping`)."""
        if not self.is_bound:
            return {}
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return {key: value for key, value in cleaned.items() if key != "group" and value not in (None, "")}

    def grouping(self) -> str:
        self.is_valid()
        return getattr(self, "cleaned_data", {}).get("group") or GROUP_STATUS


def filter_goals(goals: QuerySet[Goal], filters: dict) -> QuerySet[Goal]:
    """``goals`` narrowed by the board's ``filters`` (keys as :meth:`GoalFilterForm.filters` gives)."""
    if q := filters.get("q"):
        goals = goals.filter(Q(title__icontains=q) | Q(description__icontains=q))
    if status := filters.get("status"):
        goals = goals.filter(status=status)
    if area := filters.get("area"):
        goals = goals.filter(quality_area=area)
    if owner := filters.get("owner"):
        goals = goals.filter(owner_organisation__slug=owner)
    if year := filters.get("year"):
        goals = goals.filter(period_start__lte=datetime.date(year, 12, 31), period_end__gte=datetime.date(year, 1, 1))
    return goals

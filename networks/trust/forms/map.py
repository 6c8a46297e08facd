"""The network map's filters (GET): which sources of ties to draw, the trust survey round and how close a
relationship counts, the meeting period, and the organisations' region and membership level.

Every source is on until the form is sent (``shown`` tells a sent form from a first visit, so unticking
every source draws no ties). An invalid value is ignored (shown as a form error), never an error page.

What one organisation said of another in a trust survey is for the network's coordinators only: without
``survey=True`` the form has no survey source, round or closeness, and a survey asked for in the address (a
coordinator's link) is left out quietly."""

from crispy_forms.layout import Column, Field, Layout, Row, Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from networks.memberships.models import MembershipLevel
from networks.trust.ties import (
    ANY_RELATIONSHIP,
    DEFAULT_MONTHS,
    MIN_RELATIONSHIP,
    SOURCE_LABELS,
    SOURCES,
    SURVEY,
    WORKING_TOGETHER,
)
from portal.lib.choices import Region
from portal.lib.forms import filter_helper

MONTH_CHOICES = [
    (6, _("The last 6 months")),
    (12, _("The last 12 months")),
    (24, _("The last 24 months")),
    (36, _("The last 36 months")),
]


class MapFilterForm(forms.Form):
    sources = forms.MultipleChoiceField(
        label=_("Ties to show"),
        choices=[(source, SOURCE_LABELS[source]) for source in SOURCES],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    round = forms.TypedChoiceField(
        label=_("Trust survey"),
        coerce=int,
        empty_value=None,
        required=False,
        help_text=_("The relationships of this closed survey round."),
    )
    closeness = forms.ChoiceField(
        label=_("Survey relationships"),
        choices=[(ANY_RELATIONSHIP, _("Any relationship")), (WORKING_TOGETHER, _("Working together"))],
        required=False,
        help_text=_("Any relationship: awareness or closer. Working together: cooperation or closer."),
    )
    months = forms.TypedChoiceField(
        label=_("Meetings of"), coerce=int, choices=MONTH_CHOICES, required=False, empty_value=None
    )
    region = forms.ChoiceField(label=_("Region"), required=False)
    level = forms.ChoiceField(label=_("Membership level"), required=False)
    shown = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, data=None, *args, rounds=(), survey=False, **kwargs):
        self.sources = SOURCES if survey else tuple(s for s in SOURCES if s != SURVEY)
        if data is not None and not survey:
            data = data.copy()
            data.setlist("sources", [s for s in data.getlist("sources") if s in self.sources])
        super().__init__(data, *args, **kwargs)
        self.fields["sources"].choices = [(source, SOURCE_LABELS[source]) for source in self.sources]
        if survey:
            self.fields["round"].choices = [("", _("The latest closed survey")), *((r.pk, r.title) for r in rounds)]
        else:
            del self.fields["round"], self.fields["closeness"]
        self.fields["region"].choices = [("", _("All regions")), *Region.choices]
        self.fields["level"].choices = [("", _("All levels")), *MembershipLevel.choices]
        self.fields["shown"].initial = "1"
        self.fields["months"].initial = DEFAULT_MONTHS
        self.fields["sources"].initial = list(self.sources)
        columns = [Column(Field("sources"), css_class="col-md-4")]
        if survey:
            columns.append(Column("round", "closeness", css_class="col-md-4"))
        columns.append(Column("months", "region", "level", css_class="col-md-4"))
        self.helper = filter_helper("map-filters", Layout(Row(*columns), "shown"))
        self.helper.add_input(Submit("", _("Show the map")))

    def filters(self) -> dict:
        """The valid filters (defaults for the rest): sources, round (None: the latest), min_relationship,
        months, region and level."""
        if not self.is_bound:
            data = {}
            sources = list(self.sources)
        else:
            self.is_valid()
            data = getattr(self, "cleaned_data", {})
            sources = [s for s in self.sources if s in (data.get("sources") or [])]
        return {
            "sources": sources,
            "round": data.get("round"),
            "min_relationship": MIN_RELATIONSHIP[data.get("closeness") or ANY_RELATIONSHIP],
            "months": data.get("months") or DEFAULT_MONTHS,
            "region": data.get("region") or "",
            "level": data.get("level") or "",
        }

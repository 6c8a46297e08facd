"""The agreement list's filters and the reads behind the list and its export.

Only agreements the person may see (``Agreement.objects.visible_to``); the list never shows commitments.
"""

import datetime

from crispy_forms.layout import Column, Layout, Row, Submit
from django import forms
from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import Case, F, IntegerField, OuterRef, Prefetch, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from networks.memberships.models import NetworkRole
from partners.agreements.models import IN_FORCE, Agreement, AgreementKind, AgreementParty, AgreementStatus
from partners.directory.models import Organisation
from portal.lib.forms import filter_helper
from portal.lib.translated import with_languages

# The list's order: what binds the parties now (ending soonest first), then what is being written,
# then what has ended.
STATUS_ORDER = [
    AgreementStatus.EXPIRING,
    AgreementStatus.ACTIVE,
    AgreementStatus.NEGOTIATION,
    AgreementStatus.DRAFT,
    AgreementStatus.EXPIRED,
    AgreementStatus.TERMINATED,
]
_STATUS_RANK = Case(
    *(When(status=status, then=Value(rank)) for rank, status in enumerate(STATUS_ORDER)),
    default=Value(len(STATUS_ORDER)),
    output_field=IntegerField(),
)


def _in_list_order(agreements):
    """The list's order (``STATUS_ORDER``, then the end date, undated last, then the newest)."""
    return agreements.annotate(status_rank=_STATUS_RANK).order_by(
        "status_rank", F("valid_until").asc(nulls_last=True), "-created_at", "-pk"
    )


def my_network_roles(user) -> list[NetworkRole]:
    """The person's roles with their networks, by network name (the filter's choices and the "new" links)."""
    return list(NetworkRole.objects.filter(user=user).select_related("network").order_by("network__name"))


class AgreementFilterForm(forms.Form):
    """The agreement list's filters, from the query string. Invalid values are ignored (shown as form
    errors), never a failure; ``filters()`` gives the plain dict :func:`agreement_list` takes."""

    q = forms.CharField(label=_("Title contains"), max_length=100, required=False)
    network = forms.ChoiceField(label=_("Network"), required=False)
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("All statuses")), *AgreementStatus.choices], required=False
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=[("", _("All kinds")), *AgreementKind.choices], required=False)
    party = forms.CharField(
        label=_("Party"), max_length=100, required=False, help_text=_("An organisation's name or short name.")
    )
    expiring_within = forms.IntegerField(
        label=_("Ends within (days)"),
        min_value=1,
        max_value=3650,
        required=False,
        help_text=_("Agreements in force whose end date is this many days away or fewer."),
    )

    def __init__(self, *args, roles: list[NetworkRole], **kwargs):
        super().__init__(*args, **kwargs)
        # The person's own networks (a ChoiceField of slugs: no lookup of a raw value).
        self.fields["network"].choices = [("", _("All my networks"))] + [
            (role.network.slug, role.network.name) for role in roles
        ]
        self.helper = filter_helper(
            "agreement-filters",
            Layout(
                Row(
                    Column("q", css_class="col-md-4"),
                    Column("party", css_class="col-md-4"),
                    Column("network", css_class="col-md-4"),
                ),
                Row(
                    Column("status", css_class="col-md-4"),
                    Column("kind", css_class="col-md-4"),
                    Column("expiring_within", css_class="col-md-4"),
                ),
            ),
        )
        self.helper.add_input(Submit("", _("Show agreements")))

    def filters(self) -> dict:
        """The valid, non-empty filters."""
        if not self.is_bound:
            return {}
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return {key: value for key, value in cleaned.items() if value not in (None, "")}


def _filtered(user, filters: dict, *, today: datetime.date | None = None):
    agreements = Agreement.objects.visible_to(user)
    if q := filters.get("q"):
        agreements = agreements.filter(title__icontains=q)
    if network := filters.get("network"):
        agreements = agreements.filter(network__slug=network)
    if status := filters.get("status"):
        agreements = agreements.filter(status=status)
    if kind := filters.get("kind"):
        agreements = agreements.filter(kind=kind)
    if party := filters.get("party"):
        organisations = Organisation.objects.filter(
            Q(slug=party) | Q(name__icontains=party) | Q(short_name__icontains=party)
        )
        agreements = agreements.filter(
            pk__in=AgreementParty.objects.filter(organisation__in=organisations.values("pk")).values("agreement")
        )
    if days := filters.get("expiring_within"):
        today = today or timezone.localdate()
        agreements = agreements.filter(
            status__in=IN_FORCE, valid_until__gte=today, valid_until__lte=today + datetime.timedelta(days=days)
        )
    return _in_list_order(agreements)


def agreement_list(*, user, filters: dict, today: datetime.date | None = None):
    """The agreements ``user`` may see that match ``filters``, with network and parties' organisations."""
    parties = AgreementParty.objects.select_related("organisation").only(
        "agreement_id", *with_languages("organisation__name"), "organisation__slug"
    )
    return (
        _filtered(user, filters, today=today)
        .select_related("network")
        .prefetch_related(Prefetch("parties", queryset=parties, to_attr="party_list"))
    )


def agreement_export_rows(*, user, filters: dict, today: datetime.date | None = None):
    """As :func:`agreement_list`, for a file: the parties' names as an array, so one query gives every row."""
    names = (
        AgreementParty.objects.filter(agreement=OuterRef("pk"))
        .order_by("organisation__name", "pk")
        .values("organisation__name")
    )
    return (
        _filtered(user, filters, today=today)
        .select_related("network", "coordinator")
        .annotate(party_names=ArraySubquery(names))
    )


def organisation_agreements(*, organisation: Organisation, user) -> list[Agreement]:
    """The agreements ``organisation`` is a party to that ``user`` may see, for its page (one query)."""
    agreements = (
        Agreement.objects.visible_to(user)
        .filter(pk__in=AgreementParty.objects.filter(organisation=organisation).values("agreement"))
        .select_related("network")
        .only("pk", "title", "status", "valid_until", "version", *with_languages("network__name"), "network__slug")
    )
    return list(_in_list_order(agreements))

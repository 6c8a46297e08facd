"""The search page over everything: a kind filter that is a labelled form control (a plain GET form, so it works
without JavaScript and from the keyboard), one kind's results paginated, and a query budget that stays the same
with goals, decisions, minutes and activities in volume."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from networks.goals.models import Goal
from networks.meetings.models import AgendaItem, AgendaItemStatus, Decision, Meeting
from networks.trust.models import Activity
from portal.search import index
from portal.search.models import SearchKind
from tests.querybudget import assert_budget

SEARCH = reverse("portal:search")


@pytest.mark.django_db
def test_the_kind_filter_is_a_labelled_select_of_every_kind(client_for, member):
    html = client_for(member).get(SEARCH, {"q": "etäohjaus", "kind": "goal"}).content.decode()
    assert '<label class="form-label" for="search-kind">Tyyppi</label>' in html
    assert '<select class="form-select" id="search-kind" name="kind">' in html
    assert '<option value="">Kaikki tyypit</option>' in html
    assert '<option value="goal" selected>Yhteiset tavoitteet</option>' in html
    for kind in index.sources():
        assert f'<option value="{kind.kind}"' in html


@pytest.mark.django_db
@pytest.mark.usefixtures("records")
def test_filtering_by_kind_lists_only_that_kind(client_for, member):
    index.rebuild()
    client = client_for(member)
    # The meeting's title is in its minutes' row and its decision's.
    response = client.get(SEARCH, {"q": "ohjausryhmän"})
    assert [group.kind for group in response.context["groups"]] == [SearchKind.DECISION, SearchKind.MINUTES]
    response = client.get(SEARCH, {"q": "ohjausryhmän", "kind": SearchKind.MINUTES})
    page = response.context["page_obj"]
    assert [(entry.kind, entry.title) for entry in page.object_list] == [(SearchKind.MINUTES, "Ohjausryhmän kokous")]
    assert str(response.context["kind_label"]) == "Pöytäkirja"
    assert "Näytä kaikentyyppiset tulokset" in response.content.decode()


def _fill(network, first: int, count: int) -> None:
    """``count`` goals, meetings with approved minutes and a decision each, and activities, all about
    "kehittämistyö"; then the index is built again."""
    start = timezone.make_aware(datetime.datetime(2026, 1, 5, 13))
    Goal.objects.bulk_create(
        Goal(
            network=network,
            title=f"Kehittämistyön tavoite {n}",
            description="Kehittämistyö jatkuu.",
            period_start=datetime.date(2026, 1, 1),
            period_end=datetime.date(2026, 12, 31),
            quality_area=Goal.Area.SERVICE_PROVISION,
        )
        for n in range(first, first + count)
    )
    meetings = Meeting.objects.bulk_create(
        Meeting(
            network=network,
            title=f"Kehittämistyön kokous {n}",
            starts_at=start,
            ends_at=start + datetime.timedelta(hours=2),
            status=Meeting.Status.MINUTES_APPROVED,
        )
        for n in range(first, first + count)
    )
    items = AgendaItem.objects.bulk_create(
        AgendaItem(
            meeting=meeting,
            title="Kehittämistyö",
            minutes="Kehittämistyötä jatketaan.",
            status=AgendaItemStatus.ACCEPTED,
        )
        for meeting in meetings
    )
    Decision.objects.bulk_create(
        Decision(
            network=network,
            meeting_id=item.meeting_id,
            item=item,
            text="Kehittämistyö hyväksyttiin.",
            decided_on=start.date(),
        )
        for item in items
    )
    Activity.objects.bulk_create(
        Activity(
            network=network,
            kind=Activity.Kind.JOINT_TRAINING,
            title=f"Kehittämistyön koulutus {n}",
            starts_on=datetime.date(2026, 2, 1),
            hours=2,
        )
        for n in range(first, first + count)
    )
    index.rebuild()


@pytest.mark.django_db
@pytest.mark.parametrize("kind", [None, SearchKind.GOAL, SearchKind.DECISION, SearchKind.MINUTES, SearchKind.ACTIVITY])
def test_query_budget_with_every_kind(client_for, member, network, kind):
    """The same number of queries with 5 and with 300 of each kind found."""
    _fill(network, 0, 5)
    url = f"{SEARCH}?q=kehittämistyö" + (f"&kind={kind}" if kind else "")
    # session, user, the MFA check, the header's unread count, the person's networks (the network records' first
    # cut), then one query for the grouped results (the results + what the page shows, for one kind)
    assert_budget(client_for(member), url, budget=7, grow=lambda: _fill(network, 5, 295))


@pytest.mark.django_db
def test_one_kind_forgives_a_typo_in_a_name_when_no_word_matches(client_for, member, organisation):
    index.rebuild()
    response = client_for(member).get(SEARCH, {"q": "kansalaisopsto", "kind": SearchKind.ORGANISATION})
    assert [entry.title for entry in response.context["page_obj"].object_list] == [organisation.name]

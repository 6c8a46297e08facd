"""What the network's work left behind is found too: goals, decisions, minutes and joint activities, by an inflected
Finnish word, in Swedish and by their labels; each result says what it is and where it belongs and links to its
page; only the network's people find them, never an outsider, and nobody after leaving the network."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Count
from django.urls import reverse

from networks.memberships import roles
from networks.memberships.models import Membership, NetworkRole
from networks.memberships.services import membership_change
from partners.directory.services import affiliation_end
from portal.search import index, query
from portal.search.models import SearchEntry, SearchKind
from tests import factories
from tests.portal.search.search_helpers import RECORD_WORDS, titles

KINDS = list(RECORD_WORDS)


@pytest.fixture
def indexed_records(records, outsider):
    index.rebuild()
    return records


@pytest.fixture
def leaver(network, organisation):
    """A member of the network whose role rests on working for the cast organisation, and who represents it."""
    user = factories.UserFactory(email="lahtija@example.fi")
    factories.AffiliationFactory(user=user, organisation=organisation)
    NetworkRole.objects.create(network=network, user=user, **roles.role_defaults(network=network, user=user))
    Membership.objects.filter(network=network, organisation=organisation).update(representative=user)
    return user


@pytest.mark.django_db
@pytest.mark.usefixtures("indexed_records")
@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_is_found_by_an_inflected_finnish_word(member, kind):
    title, finnish, _swedish = RECORD_WORDS[kind]
    assert titles(member, finnish) == {kind: [title]}


@pytest.mark.django_db
@pytest.mark.usefixtures("indexed_records")
@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_is_found_in_swedish(member, kind):
    title, _finnish, swedish = RECORD_WORDS[kind]
    assert titles(member, swedish) == {kind: [title]}


@pytest.mark.django_db
@pytest.mark.usefixtures("indexed_records")
def test_labels_are_found_in_every_language(member):
    goal = RECORD_WORDS[SearchKind.GOAL][0]
    activity = RECORD_WORDS[SearchKind.ACTIVITY][0]
    # The goal's status (agreed: hyväksytty, godkänt) and the activity's kind (job shadowing: työn varjostus,
    # jobbskuggning), in every language whatever the language of the index's rebuild.
    for word in ["agreed", "hyväksytty", "godkänt"]:
        assert titles(member, word, SearchKind.GOAL) == [goal], word
    for word in ["shadowing", "jobbskuggning"]:
        assert titles(member, word, SearchKind.ACTIVITY) == [activity], word
    # A decision is found by its meeting's title, the minutes by an agenda item's title.
    assert titles(member, "ohjausryhmässä", SearchKind.DECISION) == [RECORD_WORDS[SearchKind.DECISION][0]]
    assert titles(member, "opiskelijoiden tukeen", SearchKind.MINUTES) == ["Ohjausryhmän kokous"]


@pytest.mark.django_db
def test_each_result_says_what_it_is_where_it_belongs_and_links_to_its_page(member, network, indexed_records):
    meeting = indexed_records[SearchKind.MINUTES]
    decision = indexed_records[SearchKind.DECISION]
    expected = {
        SearchKind.GOAL: (
            "Yhteinen tavoite",
            network.name,
            reverse("goals:goal_detail", kwargs={"pk": indexed_records[SearchKind.GOAL].pk}),
        ),
        SearchKind.DECISION: (
            "Päätös",
            f"{network.name} · Ohjausryhmän kokous, 12.3.2026",
            reverse("meetings:meeting_detail", kwargs={"pk": meeting.pk}) + f"#records-{decision.item_id}",
        ),
        SearchKind.MINUTES: (
            "Pöytäkirja",
            f"{network.name} · 12.3.2026",
            reverse("meetings:meeting_detail", kwargs={"pk": meeting.pk}) + "#agenda",
        ),
        SearchKind.ACTIVITY: (
            "Yhteinen toiminta",
            f"{network.name} · 3.2.2026",
            reverse("trust:activity_detail", kwargs={"pk": indexed_records[SearchKind.ACTIVITY].pk}),
        ),
    }
    for kind, (label, subtitle, url) in expected.items():
        (group,) = query.grouped(member, query.parse(RECORD_WORDS[kind][1]))
        (result,) = group.results
        assert (str(result.kind_label), result.subtitle, result.url) == (label, subtitle, url), kind


@pytest.mark.django_db
@pytest.mark.usefixtures("indexed_records")
@pytest.mark.parametrize("kind", KINDS)
def test_an_outsider_never_finds_them(outsider, observer, kind):
    _title, finnish, swedish = RECORD_WORDS[kind]
    assert titles(outsider, finnish) == {}
    assert titles(outsider, swedish) == {}
    assert titles(observer, finnish) == {kind: [RECORD_WORDS[kind][0]]}  # observers read what members read


def _finds_any(user) -> dict:
    return {kind: titles(user, RECORD_WORDS[kind][1]) for kind in KINDS if titles(user, RECORD_WORDS[kind][1])}


@pytest.mark.django_db
@pytest.mark.usefixtures("indexed_records")
def test_nothing_is_found_after_the_organisation_leaves_the_network(leaver, coordinator, organisation, network):
    assert set(_finds_any(leaver)) == set(KINDS)
    membership = Membership.objects.get(network=network, organisation=organisation)
    membership_change(membership=membership, changed_by=coordinator, reason="Lopetti toiminnan.", status="left")
    assert not NetworkRole.objects.filter(user=leaver).exists()
    assert _finds_any(leaver) == {}


@pytest.mark.django_db
@pytest.mark.usefixtures("indexed_records")
def test_nothing_is_found_after_the_person_leaves_the_organisation(leaver, organisation):
    assert set(_finds_any(leaver)) == set(KINDS)
    affiliation_end(affiliation=leaver.affiliations.get(organisation=organisation), until=datetime.date.today())
    assert not NetworkRole.objects.filter(user=leaver).exists()
    assert _finds_any(leaver) == {}


@pytest.mark.django_db
def test_the_rebuild_command_indexes_every_kind(records, network):
    factories.MeetingFactory(network=network, status="minutes_draft")  # circulated, but no minutes written
    factories.MeetingFactory(network=network, status="held")  # minutes not circulated
    SearchEntry.objects.all().delete()
    call_command("rebuild_search_index", stdout=StringIO())
    counts = dict(SearchEntry.objects.filter(kind__in=KINDS).values_list("kind").annotate(n=Count("pk")))
    assert counts == dict.fromkeys(KINDS, 1)

"""The shape that keeps the search fast at scale: the index is partitioned by kind, the rows of a network's records
carry their network as a first cut, and that cut never hides what the kind's own rule lets a person see; the list
of one kind ranks a bounded number of matches and says so; connections run without JIT compilation."""

import pytest
from django.db import connection
from django.urls import reverse

from networks.memberships.models import Membership
from portal.search import index, query
from portal.search.models import SearchEntry
from tests import factories
from tests.portal.search.search_helpers import RECORD_WORDS, titles
from tests.portal.search.test_page_kinds import _fill
from tests.querybudget import assert_budget

KINDS = list(RECORD_WORDS)


@pytest.fixture
def indexed_records(records, outsider):
    index.rebuild()
    return records


@pytest.mark.django_db
def test_every_kind_has_its_own_partition():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT child.relname, pg_get_expr(child.relpartbound, child.oid) FROM pg_inherits "
            "JOIN pg_class child ON child.oid = inhrelid JOIN pg_class parent ON parent.oid = inhparent "
            "WHERE parent.relname = %s",
            [SearchEntry._meta.db_table],
        )
        partitions = dict(cursor.fetchall())
    for source in index.sources():
        assert partitions[f"portal_searchentry_{source.kind}"] == f"FOR VALUES IN ('{source.kind}')", source.kind
    assert partitions["portal_searchentry_other"] == "DEFAULT"


@pytest.mark.django_db
@pytest.mark.usefixtures("indexed_records")
def test_the_rows_of_a_networks_records_carry_their_network(network):
    for kind in KINDS:
        assert list(SearchEntry.objects.filter(kind=kind).values_list("network_id", flat=True)) == [network.pk], kind


@pytest.mark.django_db
@pytest.mark.usefixtures("indexed_records")
def test_the_network_cut_hides_nothing_the_kinds_rule_shows(network, organisation):
    """A representative of a member organisation without a role in the network sees its goals (the goals' rule):
    the goals' first cut lets them through; the other kinds are for people with a role."""
    representative = factories.UserFactory(email="edustaja@example.fi")
    Membership.objects.filter(network=network, organisation=organisation).update(representative=representative)
    for kind in KINDS:
        source = index.source(kind)
        matching = set(source.visible(representative).values_list("pk", flat=True))
        found = titles(representative, RECORD_WORDS[kind][1], kind)
        assert bool(found) == bool(matching), kind
    assert titles(representative, RECORD_WORDS["goal"][1], "goal") == [RECORD_WORDS["goal"][0]]


@pytest.mark.django_db
@pytest.mark.usefixtures("indexed_records")
def test_rows_not_yet_told_their_network_are_found_and_still_checked(member, outsider):
    SearchEntry.objects.update(network_id=None)  # as before the rows learnt it
    for kind in KINDS:
        assert titles(member, RECORD_WORDS[kind][1], kind) == [RECORD_WORDS[kind][0]], kind
        assert titles(outsider, RECORD_WORDS[kind][1], kind) == [], kind


@pytest.mark.django_db
def test_the_list_of_one_kind_ranks_a_bounded_number_and_says_when_there_are_more(
    client_for, member, network, monkeypatch
):
    _fill(network, 0, 5)
    monkeypatch.setattr(query, "LIST_CANDIDATES", 3)
    response = client_for(member).get(reverse("portal:search"), {"q": "kehittämistyö", "kind": "goal"})
    assert response.context["capped"] is True
    assert response.context["page_obj"].paginator.count == 3
    assert "Yli 3 tulosta haulla" in response.content.decode()
    monkeypatch.setattr(query, "LIST_CANDIDATES", 5)
    response = client_for(member).get(reverse("portal:search"), {"q": "kehittämistyö", "kind": "goal"})
    assert response.context["capped"] is False
    assert response.context["page_obj"].paginator.count == 5


@pytest.mark.django_db
def test_connections_run_without_jit_compilation():
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone() == ("off",)


@pytest.mark.django_db
@pytest.mark.parametrize("kind", [None, "organisation"])
def test_a_typo_in_a_name_costs_the_same_queries_at_two_sizes(client_for, member, network, kind):
    """No word matches, so names alike are read (through the trigram indexes: one statement more)."""

    def add(first, count):
        orgs = factories.OrganisationFactory.create_batch(count)
        for org in orgs:
            factories.MembershipFactory(network=network, organisation=org)
        index.rebuild()

    add(0, 3)
    factories.MembershipFactory(network=network, organisation=factories.OrganisationFactory(name="Verkostokokoelma"))
    index.rebuild()
    url = reverse("portal:search") + "?q=verkostokokoelmma" + (f"&kind={kind}" if kind else "")
    assert "Verkostokokoelma" in client_for(member).get(url).content.decode()
    # session, user, the MFA check, the header's unread count; (every kind: the person's networks); the words
    # (none match); no sequential scans, names alike, the setting put back; (one kind: what the page shows)
    assert_budget(client_for(member), url, budget=9, grow=lambda: add(3, 60))


@pytest.mark.django_db
def test_names_alike_leave_sequential_scans_as_they_were_in_an_enclosing_transaction(member):
    """The typo path turns sequential scans off for its one statement only, also inside a caller's transaction."""
    with connection.cursor() as cursor:
        cursor.execute("SHOW enable_seqscan")
        assert cursor.fetchone() == ("on",)
        query.grouped(member, query.parse("verkostokokoelmma"))  # no word matches: names alike
        cursor.execute("SHOW enable_seqscan")
        assert cursor.fetchone() == ("on",)

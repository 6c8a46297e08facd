"""The kinds the search finds come from the domains that registered them."""

from networks.glossary.models import Term
from networks.goals.models import Goal
from networks.meetings.models import Decision, Meeting
from networks.memberships.models import Network
from networks.news.models import NewsItem
from networks.resources.models import Resource
from networks.trust.models import Activity
from partners.directory.models import GuidanceService, Organisation
from portal.accounts.models import User
from portal.search import index
from portal.search.models import SearchKind

# Every kind of the index, in display order, with the model of the domain that registers it.
REGISTERED = {
    SearchKind.ORGANISATION: Organisation,
    SearchKind.SERVICE: GuidanceService,
    SearchKind.PERSON: User,
    SearchKind.NETWORK: Network,
    SearchKind.GOAL: Goal,
    SearchKind.DECISION: Decision,
    SearchKind.MINUTES: Meeting,
    SearchKind.ACTIVITY: Activity,
    SearchKind.NEWS: NewsItem,
    SearchKind.TERM: Term,
    SearchKind.RESOURCE: Resource,
}


def test_every_kind_of_the_index_is_registered_by_its_domain_in_display_order():
    sources = index.sources()
    kinds = [source.kind for source in sources]
    assert set(kinds) == set(SearchKind.values)  # every kind the index knows is registered by its domain
    assert [kind for kind in kinds if kind in REGISTERED] == list(REGISTERED)
    assert {source.kind: source.model for source in sources if source.kind in REGISTERED} == REGISTERED
    assert len({source.model for source in sources}) == len(sources)  # a save finds its kind by its model


def test_each_kind_links_to_its_page_and_says_which_saves_matter():
    assert index.source(SearchKind.PERSON).url_name == "portal:person_detail"
    assert index.source(SearchKind.NETWORK).url_name == "networks:network_detail"
    assert index.source(SearchKind.GOAL).url_name == "goals:goal_detail"
    assert index.source(SearchKind.DECISION).url_name == "meetings:meeting_detail"
    assert index.source(SearchKind.MINUTES).url_name == "meetings:meeting_detail"
    assert index.source(SearchKind.ACTIVITY).url_name == "trust:activity_detail"
    assert "last_login" not in index.source(SearchKind.PERSON).indexed_fields
    assert "updated_at" not in index.source(SearchKind.MINUTES).indexed_fields  # an invitation touches only it
    assert index.source(SearchKind.ORGANISATION).on_save is not None  # its services and people show its name
    assert index.source(SearchKind.MINUTES).on_save is not None  # its decisions show its title and day

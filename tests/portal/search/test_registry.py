"""The kinds the search finds come from the domains that registered them."""

from networks.memberships.models import Network
from networks.news.models import NewsItem
from partners.directory.models import GuidanceService, Organisation
from portal.accounts.models import User
from portal.search import index
from portal.search.models import SearchKind


def test_every_kind_of_the_index_is_registered_by_its_domain_in_display_order():
    sources = index.sources()
    assert [source.kind for source in sources] == [
        SearchKind.ORGANISATION,
        SearchKind.SERVICE,
        SearchKind.PERSON,
        SearchKind.NETWORK,
        SearchKind.NEWS,
    ]
    assert {source.kind for source in sources} == set(SearchKind.values)
    assert [source.model for source in sources] == [Organisation, GuidanceService, User, Network, NewsItem]


def test_each_kind_links_to_its_page_and_says_which_saves_matter():
    assert index.source(SearchKind.PERSON).url_name == "portal:person_detail"
    assert index.source(SearchKind.NETWORK).url_name == "networks:network_detail"
    assert "last_login" not in index.source(SearchKind.PERSON).indexed_fields
    assert index.source(SearchKind.ORGANISATION).on_save is not None  # its services and people show its name

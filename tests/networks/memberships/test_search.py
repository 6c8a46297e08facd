"""Networks in the search: indexed when saved."""

import pytest

from portal.search.models import SearchKind
from tests.portal.search.search_helpers import titles


@pytest.mark.django_db
def test_networks_are_indexed_on_save(member, network, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        network.field = "Maahanmuuttajien ohjaus"
        network.save()
    assert titles(member, "maahanmuuttajille", SearchKind.NETWORK) == [network.name]

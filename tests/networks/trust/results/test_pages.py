"""The results page and the pairs page: who sees which level, the privacy threshold at N−1 and N, comments
without names, and reading only what was stored at close."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from networks.trust.models import SurveyResponse
from tests import factories
from tests.networks.trust.results.factories import orgs_in, trust_round

pytestmark = pytest.mark.django_db

SECRET = "Yhteistyö sujui hyvin syksyllä"


def _round(network, organisation, raters: int, **kwargs):
    """A closed round in which ``raters`` organisations rated ``organisation`` (one of them with SECRET)."""
    others = orgs_in(network, 4)
    ratings = {(other, organisation): {"score": 4, "value": 2} for other in others[:raters]}
    if raters:
        ratings[others[0], organisation]["comment"] = SECRET
    ratings[organisation, others[0]] = {"score": 1, "comment": "Toisen järjestön kommentti"}
    return trust_round(network, [organisation, *others], ratings, **kwargs), others


def _get(client, user, round_, name="trust:round_results"):
    client.force_login(user)
    return client.get(reverse(name, kwargs={"pk": round_.pk}))


@pytest.mark.parametrize(("raters", "shown"), [(2, False), (3, True)])
def test_own_results_only_from_the_threshold(client, network, organisation, member, raters, shown):
    assert network.trust_threshold == 3
    round_, _others = _round(network, organisation, raters)
    page = _get(client, member, round_).content.decode()
    assert ("4,00" in page) is shown
    assert (SECRET in page) is shown
    assert ("Fewer than 3" in page or "Alle 3" in page) is not shown
    assert "Toisen järjestön kommentti" not in page  # what was said of another organisation


@pytest.mark.parametrize(("raters", "shown"), [(2, False), (3, True)])
def test_coordinators_table_keeps_the_threshold(client, network, organisation, coordinator, raters, shown):
    round_, _others = _round(network, organisation, raters)
    page = _get(client, coordinator, round_).content.decode()
    assert organisation.name in page
    assert ('<td class="text-end">2,00</td>' in page) is shown  # its average value
    assert (SECRET in page) is False  # comments are for the organisation itself, not the coordinators' table


def test_the_threshold_stored_at_close_holds(client, network, organisation, member):
    round_, _others = _round(network, organisation, 3)
    network.trust_threshold = 10
    network.save(update_fields=["trust_threshold"])
    assert SECRET in _get(client, member, round_).content.decode()


def test_observer_sees_the_network_level_only(client, network, organisation, observer):
    round_, others = _round(network, organisation, 3)
    page = _get(client, observer, round_).content.decode()
    assert SECRET not in page
    assert all(other.name not in page for other in [organisation, *others])
    assert round_.title in page


def test_comments_carry_no_names(client, network, organisation, member):
    round_, others = _round(network, organisation, 3)
    writer = factories.UserFactory(first_name="Kirsikka", last_name="Kirjoittaja")
    SurveyResponse.objects.filter(round=round_, organisation=others[0]).update(answered_by=writer)
    page = _get(client, member, round_).content.decode()
    assert SECRET in page
    assert others[0].name not in page and "Kirsikka" not in page and "Kirjoittaja" not in page


def test_no_rating_is_read_for_the_results_page(client, network, organisation, member, coordinator):
    round_, _others = _round(network, organisation, 3)
    for user in (member, coordinator):
        client.force_login(user)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("trust:round_results", kwargs={"pk": round_.pk})).status_code == 200
        assert not [q["sql"] for q in queries.captured_queries if "networks_trustrating" in q["sql"]]
        assert not [q["sql"] for q in queries.captured_queries if "networks_surveyresponse" in q["sql"]]


def test_pairs_for_coordinators_only(client, network, organisation, coordinator, member, observer, outsider):
    round_, others = _round(network, organisation, 3)
    page = _get(client, coordinator, round_, "trust:round_result_pairs")
    assert page.status_code == 200
    text = page.content.decode()
    assert others[0].name in text and organisation.name in text and SECRET not in text
    assert '<td class="text-end">4,00</td>' in text and '<td class="text-end">1,00</td>' in text
    assert _get(client, member, round_, "trust:round_result_pairs").status_code == 403
    assert _get(client, observer, round_, "trust:round_result_pairs").status_code == 403
    assert _get(client, outsider, round_, "trust:round_result_pairs").status_code == 404
    assert _get(client, outsider, round_).status_code == 404


def test_an_open_round_has_no_results_yet(client, network, organisation, member, coordinator):
    round_, _others = _round(network, organisation, 3, close=False)
    for name in ("trust:round_results", "trust:round_result_pairs", "trust:round_results_export"):
        response = _get(client, coordinator, round_, name)
        assert response.status_code == 404
    assert "ei ole vielä suljettu" in _get(client, member, round_).content.decode()


def test_change_since_the_previous_round_is_shown(client, network, organisation, member):
    _round(network, organisation, 2)
    second, _others = _round(network, organisation, 3)
    page = _get(client, member, second).content.decode()
    assert "▲" in page


def test_the_deputy_sees_its_organisations_results_too(client, network, organisation, member):
    deputy = factories.UserFactory()
    factories.NetworkRoleFactory(network=network, user=deputy, role="member")
    network.memberships.filter(organisation=organisation).update(representative=None, deputy=deputy)
    round_, _others = _round(network, organisation, 3)
    assert SECRET in _get(client, deputy, round_).content.decode()
    assert SECRET not in _get(client, member, round_).content.decode()  # no longer its representative


@pytest.mark.parametrize(
    ("name", "value", "text"),
    [("density", 2 / 3, "67 %"), ("response_rate", 0.995, "100 %"), ("average_trust", 8 / 3, "2,67")],
)
def test_network_figures_are_rounded_not_cut(name, value, text):
    from django.utils import translation

    from networks.trust.views.results import shown

    with translation.override("fi"):
        assert shown(name, value) == text

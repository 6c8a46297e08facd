"""Who sees a closed health check's counts and comments: below the network's threshold (stored when the check
closed) only the coordinators; a check of one agreement only its asked parties' representatives and deputies
and the coordinators, the others with a role in the network seeing that it exists and its response rate."""

import pytest
from django.urls import reverse

from networks.memberships.models import Network
from networks.trust.results import round_close
from portal.lib.access import Role
from tests import factories
from tests.networks.trust.health.factories import HealthCheckFactory, answer

pytestmark = pytest.mark.django_db

COMMENT = "Tavoitteet hukassa"
TABLE = "Arviot osa-alueittain"


def _page(client_for, user, round_) -> str:
    response = client_for(user).get(reverse("trust:health_detail", kwargs={"pk": round_.pk}))
    assert response.status_code == 200
    return response.content.decode()


def _shows(page: str) -> bool:
    return COMMENT in page and TABLE in page


def _shows_nothing(page: str) -> bool:
    return COMMENT not in page and TABLE not in page and "Punainen" not in page


def _closed(network, organisations, *, threshold, agreement=None):
    """A check asking ``organisations``, every one of them answering (the first with a red and a comment),
    closed while the network's threshold is ``threshold``."""
    Network.objects.filter(pk=network.pk).update(trust_threshold=threshold)
    round_ = HealthCheckFactory(network=network, organisations=organisations, agreement=agreement)
    answer(round_, organisations[0], {"goals": "red"}, comments={"goals": COMMENT})
    for organisation in organisations[1:]:
        answer(round_, organisation, {"goals": "amber"})
    round_close(round_=round_)
    Network.objects.filter(pk=network.pk).update(trust_threshold=50)  # the stored threshold counts, not today's
    round_.refresh_from_db()
    return round_


@pytest.fixture
def third(network):
    """A third member organisation with a representative who is a member of the network."""
    organisation = factories.OrganisationFactory(name="Omnia")
    rep = factories.UserFactory(email="omnia.edustaja@example.fi")
    factories.NetworkRoleFactory(network=network, user=rep, role=Role.MEMBER)
    factories.MembershipFactory(network=network, organisation=organisation, representative=rep)
    return organisation, rep


def test_below_the_threshold_only_the_coordinators_see_the_answers(
    network, organisation, partner_organisation, third, member, observer, coordinator, client_for
):
    round_ = _closed(network, [organisation, partner_organisation], threshold=3)  # two answered: N − 1
    for user in (member, observer, third[1]):
        page = _page(client_for, user, round_)
        assert _shows_nothing(page), user
        assert "Kysytyistä 2 organisaatiosta vastasi 2." in page
    assert _shows(_page(client_for, coordinator, round_))


def test_at_the_threshold_the_network_sees_the_answers(
    network, organisation, partner_organisation, third, member, observer, coordinator, client_for
):
    round_ = _closed(network, [organisation, partner_organisation, third[0]], threshold=3)  # three answered: N
    for user in (member, observer, third[1], coordinator):
        assert _shows(_page(client_for, user, round_)), user


def test_a_check_of_one_agreement_is_for_its_parties_and_the_coordinators(
    network,
    organisation,
    partner_organisation,
    partner_rep,
    agreement_in_force,
    third,
    member,
    observer,
    coordinator,
    client_for,
):
    parties = [organisation, partner_organisation]
    round_ = _closed(network, parties, threshold=2, agreement=agreement_in_force)
    for user in (member, partner_rep, coordinator):
        assert _shows(_page(client_for, user, round_)), user
    for user in (third[1], observer):  # a member not party to the agreement; an observer speaking for none
        page = _page(client_for, user, round_)
        assert _shows_nothing(page), user
        assert round_.title in page and "Kysytyistä 2 organisaatiosta vastasi 2." in page


def test_the_two_parties_of_an_agreement_do_not_read_each_other_below_the_threshold(
    network, organisation, partner_organisation, partner_rep, agreement_in_force, member, coordinator, client_for
):
    round_ = _closed(network, [organisation, partner_organisation], threshold=3, agreement=agreement_in_force)
    assert _shows_nothing(_page(client_for, member, round_))
    assert _shows_nothing(_page(client_for, partner_rep, round_))
    assert _shows(_page(client_for, coordinator, round_))

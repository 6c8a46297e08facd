"""Rights over an organisation come from established memberships, never from a self-declared affiliation.

People add affiliations to their own profiles, and coordinators invite any organisation they can see:
neither may turn into the right to edit an organisation or speak for it, nor show it to members before it
is one. These are the holes a review of the directory found, each closed and kept closed here (another
network's dealings with the organisation: tests/networks/memberships/test_pages.py).
"""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from networks.memberships import joining, services
from partners.directory.models import Organisation
from portal.lib.access import MembershipStatus, Role
from portal.lib.errors import DomainError
from tests import factories

S = MembershipStatus


@pytest.fixture
def public_network(db):
    network = factories.NetworkFactory(slug="julkinen", is_public=True)
    coordinator = factories.UserFactory(email="julkinen-koordinaattori@example.fi")
    factories.NetworkRoleFactory(network=network, user=coordinator, role=Role.COORDINATOR)
    return network


@pytest.mark.django_db
def test_applying_for_an_organisation_gives_no_right_to_edit_it(client, observer, organisation, public_network):
    """The observer works for the organisation (self-declared): applying for it names nobody and grants nothing."""
    joining.membership_apply(network=public_network, organisation=organisation, applicant=observer)
    application = public_network.memberships.get(organisation=organisation)
    assert application.representative is None
    assert not organisation.permits(observer, "edit")
    client.force_login(observer)
    assert client.get(reverse("partners:organisation_edit", kwargs={"slug": organisation.slug})).status_code == 403


@pytest.mark.django_db
def test_inviting_an_organisation_gives_its_coordinator_no_rights_over_it(outsider, other_network, organisation):
    """The outsider coordinates another network: inviting our organisation there changes nothing for it."""
    membership = joining.membership_invite(network=other_network, invited_by=outsider, organisation=organisation)
    assert membership.status == S.INVITED
    assert not organisation.permits(outsider, "edit")
    # Nor can the inviting coordinator name someone to accept on the organisation's behalf.
    factories.AffiliationFactory(user=outsider, organisation=organisation, primary=False)
    with pytest.raises(DomainError):
        services.membership_set_representatives(membership=membership, representative=outsider, deputy=None)
    assert not membership.may_respond(outsider)
    assert Organisation.objects.editable_by(outsider).filter(pk=organisation.pk).exists() is False


@pytest.mark.django_db
def test_members_do_not_see_applicants_or_rejected_organisations(client, member, coordinator, network):
    applicant = factories.MembershipFactory(network=network, status=S.APPLIED).organisation
    rejected = factories.MembershipFactory(network=network, status=S.REJECTED).organisation
    for organisation in (applicant, rejected):
        url = reverse("partners:organisation_detail", kwargs={"slug": organisation.slug})
        client.force_login(member)
        assert client.get(url).status_code == 404
        client.force_login(coordinator)
        assert client.get(url).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["Kaksi\nriviä", "Sarkain\tvälissä", "Loppu\r"])
def test_organisation_names_are_one_line(name):
    organisation = factories.OrganisationFactory.build(name=name, slug="yksi-rivi")
    with pytest.raises(ValidationError) as error:
        organisation.full_clean()
    assert "name" in error.value.message_dict

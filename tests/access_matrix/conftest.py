"""The objects the matrix's URLs point to: the cast with its network and organisation, an agreement in
negotiation, an account invitation and another person's security key. Each domain's rows make what else
they need (``objs`` is a namespace they may add to)."""

from types import SimpleNamespace

import pytest
from allauth.mfa.models import Authenticator

from tests import factories


@pytest.fixture
def objs(cast, network, organisation, other_network, agreement, settings, tmp_path):
    from partners.agreements import services as agreement_services

    settings.MEDIA_ROOT = tmp_path
    agreement_services.agreement_start_negotiation(agreement=agreement)
    invitation = factories.InvitationFactory(organisation=organisation, network=network)
    other = factories.UserFactory(email="avain@example.fi")
    key = Authenticator.objects.create(user=other, type=Authenticator.Type.WEBAUTHN, data={"name": "x"})
    factories.ExpertiseAreaFactory()
    return SimpleNamespace(
        network=network,
        organisation=organisation,
        agreement=agreement,
        invitation=invitation,
        foreign_key_pk=key.pk,
        **cast,
    )

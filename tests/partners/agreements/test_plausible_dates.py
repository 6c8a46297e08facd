"""A signature dated 0001-01-01 was accepted. Now the signing page refuses it, saying the
allowed years in the person's language, and nothing is saved."""

import pytest

from tests.networks.meetings.test_plausible_dates import MESSAGES
from tests.partners.agreements.test_signing import negotiate, party_of, sign_data, url

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", sorted(MESSAGES))
def test_a_signature_dated_year_1_is_refused(client_for, member, agreement, organisation, language):
    negotiate(agreement)
    party = party_of(agreement, organisation)
    response = client_for(member).post(
        url("party_sign", agreement, party),
        sign_data(signed_on="0001-01-01"),
        headers={"accept-language": language},
    )
    assert response.status_code == 200
    assert MESSAGES[language] in response.content.decode()
    assert "Rehtori Rinne" in response.content.decode()  # the input is kept
    party.refresh_from_db()
    assert party.signed_on is None and party.signed_by is None

"""The API's tests: a client that signs in with a person's token."""

import pytest

from portal.api.tokens import token_create
from tests.access_matrix.conftest import objs  # noqa: F401 - the matrix's objects, for the API's own tests


class Bearer:
    """The test client with a personal access token of ``user`` (the read scope)."""

    def __init__(self, client, user):
        self.client = client
        self.token, self.secret = token_create(user=user, name="testi", scopes=["read"])

    def get(self, url, **headers):
        return self.client.get(url, HTTP_AUTHORIZATION=f"Bearer {self.secret}", **headers)


@pytest.fixture
def bearer(client):
    return lambda user: Bearer(client, user)

"""Meeting tests call services directly and match their (English) refusals: run them in English.

Pages are still requested in the portal's default language (Finnish) unless a test sends another: the
locale middleware activates the request's language for each request."""

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield

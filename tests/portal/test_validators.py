"""The shared validators: Finnish business IDs with their check digit, and logos (checked by content, size first)."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from portal.lib.validators import LOGO_MAX_BYTES, business_id_check_digit, validate_business_id, validate_logo
from tests.partners.directory.organisation_helpers import image_bytes


@pytest.fixture(autouse=True)
def _english(settings):
    """Messages are compared in English (the source language)."""
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


@pytest.mark.parametrize("value", ["0737546-2", "1572860-0", "2617416-4"])
def test_valid_business_ids(value):
    validate_business_id(value)


@pytest.mark.parametrize("value", ["0737546-3", "1234567", "123456-7", "12345678-9", "abcdefg-h", ""])
def test_invalid_business_ids(value):
    with pytest.raises(ValidationError):
        validate_business_id(value)


def test_check_digits():
    # 0*7+7*9+3*10+7*5+5*8+4*4+6*2 = 196; 196 % 11 = 9; 11 - 9 = 2
    assert business_id_check_digit("0737546") == 2
    # remainder 0 gives check digit 0: 0000000
    assert business_id_check_digit("0000000") == 0
    # 2*6 = 12 -> remainder 1 -> such numbers are never issued
    assert business_id_check_digit("0000006") is None


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "WEBP", "GIF"])
def test_valid_logo_formats_are_accepted(fmt):
    validate_logo(SimpleUploadedFile(f"logo.{fmt.lower()}", image_bytes(fmt)))


def test_oversized_logo_is_refused_before_reading_it():
    with pytest.raises(ValidationError) as error:
        validate_logo(SimpleUploadedFile("logo.png", b"\0" * (LOGO_MAX_BYTES + 1)))
    assert error.value.code == "logo_too_large"
    assert error.value.messages[0] == "The logo file is too large (2.0\xa0MB). The largest allowed size is 2.0\xa0MB."

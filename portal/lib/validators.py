"""Validators for Finnish identifiers."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_BUSINESS_ID = re.compile(r"^(\d{7})-(\d)$")
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2)


def business_id_check_digit(first_seven: str) -> int | None:
    """The check digit of a Finnish business ID (Y-tunnus), or None if none exists."""
    remainder = sum(int(d) * w for d, w in zip(first_seven, _WEIGHTS, strict=True)) % 11
    if remainder == 0:
        return 0
    if remainder == 1:
        return None  # such numbers are never issued
    return 11 - remainder


def validate_business_id(value: str) -> None:
    """Check the form NNNNNNN-C and the check digit of a Y-tunnus."""
    match = _BUSINESS_ID.match(value or "")
    if not match:
        raise ValidationError(_("Enter a business ID in the form 1234567-8."), code="business_id_format")
    expected = business_id_check_digit(match.group(1))
    if expected is None or expected != int(match.group(2)):
        raise ValidationError(_("The check digit of this business ID is wrong."), code="business_id_check")

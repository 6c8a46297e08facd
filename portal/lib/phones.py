"""Telephone numbers as links: the E.164 form (``+358401234567``) that a ``tel:`` address needs."""

import re

# What people write between the digits: spaces, hyphens, dots, slashes and brackets.
_SEPARATORS = re.compile(r"[\s\-./()\u00a0]+")
FINLAND = "358"


def e164(number: str, *, country: str = FINLAND) -> str | None:
    """``number`` in E.164 form, or None when it is not a number a ``tel:`` link can dial.

    A national number (a leading 0, as in ``040 123 4567`` or ``09 1234 567``) is taken as Finnish;
    ``00`` and ``+`` start an international one; a ``(0)`` after the country code is dropped.
    Anything else (letters, an extension, too few or too many digits) gives None: show the text only.
    """
    text = (number or "").strip()
    text = re.sub(r"^\+\s*(\d{1,3})\s*\(0\)", r"+\1", text)
    digits = _SEPARATORS.sub("", text)
    if digits.startswith("+"):
        digits = digits[1:]
    elif digits.startswith("00"):
        digits = digits[2:]
    elif digits.startswith("0"):
        digits = country + digits[1:]
    else:
        return None
    # E.164: at most 15 digits; fewer than 8 (country code and subscriber) is no full number.
    if not digits.isascii() or not digits.isdigit() or not 8 <= len(digits) <= 15 or digits.startswith("0"):
        return None
    return "+" + digits

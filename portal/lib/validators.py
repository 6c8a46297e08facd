"""Validators for Finnish identifiers and uploaded logos."""

import datetime
import re
import warnings

from django.core.exceptions import ValidationError
from django.db.models import CheckConstraint, Q
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image

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


def validate_single_line(value: str) -> None:
    """Names are one line: a line break or other control character would break e-mail subjects and exports."""
    if any(ord(character) < 32 or ord(character) == 127 for character in value):
        raise ValidationError(_("Write this on one line, without line breaks or tabs."), code="single_line")


def validate_business_id(value: str) -> None:
    """Check the form NNNNNNN-C and the check digit of a Y-tunnus."""
    match = _BUSINESS_ID.match(value or "")
    if not match:
        raise ValidationError(_("Enter a business ID in the form 1234567-8."), code="business_id_format")
    expected = business_id_check_digit(match.group(1))
    if expected is None or expected != int(match.group(2)):
        raise ValidationError(_("The check digit of this business ID is wrong."), code="business_id_check")


# --- logos (organisations and networks) ---------------------------------------------------------------------

LOGO_MAX_BYTES = 2 * 1024 * 1024
# What a logo may really be (Pillow's format name → the content type it is served with). No SVG:
# it can carry scripts, and Pillow cannot check it.
# MPO is how Pillow names a camera JPEG that carries extra pictures: still a JPEG to a browser.
LOGO_FORMATS = {"PNG": "image/png", "JPEG": "image/jpeg", "MPO": "image/jpeg", "WEBP": "image/webp", "GIF": "image/gif"}
LOGO_ACCEPT = ",".join(sorted(set(LOGO_FORMATS.values())))


def validate_logo_size(value) -> None:
    """At most 2 MB."""
    size = getattr(value, "size", 0) or 0
    if size > LOGO_MAX_BYTES:
        raise ValidationError(
            _("The logo file is too large (%(size)s). The largest allowed size is %(limit)s."),
            code="logo_too_large",
            params={"size": filesizeformat(size), "limit": filesizeformat(LOGO_MAX_BYTES)},
        )


def logo_format(file) -> str | None:
    """Pillow's name for the image format of ``file`` (read from its start, position restored), or None."""
    position = file.tell() if hasattr(file, "tell") else 0
    try:
        file.seek(0)
        with warnings.catch_warnings():
            # A decompression bomb is refused, not merely warned about.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(file) as image:
                found = image.format
                image.verify()
        return found
    except Exception:  # anything Pillow cannot read is "not an image"
        return None
    finally:
        file.seek(position)


def validate_logo(value) -> None:
    """A logo must be at most 2 MB and really a PNG, JPEG, WebP or GIF image (checked with Pillow, not by name).

    Used by the model fields (so the admin checks the same) and the forms. A file already stored
    was checked when it was uploaded, so it is not opened again on every save.
    """
    if not value or getattr(value, "_committed", False):
        return
    validate_logo_size(value)
    found = logo_format(value)
    if found is None:
        raise ValidationError(
            _("This file is not an image, or it is damaged. Upload a PNG, JPEG, WebP or GIF image."),
            code="logo_not_image",
        )
    if found not in LOGO_FORMATS:
        raise ValidationError(
            _("A logo must be a PNG, JPEG, WebP or GIF image (this one is %(format)s)."),
            code="logo_format",
            params={"format": found},
        )


# --- dates --------------------------------------------------------------------------------------------------

# Dates people type stay within 1900–2199: a mistyped year (0001, 9999) is an error, not a record. The same
# rule holds for every date and date-time column (:func:`plausible_dates` puts it into the database too);
# a date-time's year is its year in UTC, as the database's check reads it.
EARLIEST = datetime.date(1900, 1, 1)
LATEST = datetime.date(2199, 12, 31)
EARLIEST_MOMENT = datetime.datetime(EARLIEST.year, 1, 1, tzinfo=datetime.UTC)
AFTER_LATEST_MOMENT = datetime.datetime(LATEST.year + 1, 1, 1, tzinfo=datetime.UTC)


def _plausible(value) -> bool:
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            return EARLIEST.year <= value.year <= LATEST.year
        return EARLIEST_MOMENT <= value < AFTER_LATEST_MOMENT
    return EARLIEST <= value <= LATEST


def validate_plausible_date(day) -> None:
    """Refuse a date or date-time outside :data:`EARLIEST`–:data:`LATEST` (the validator of every model and
    form date field)."""
    if day is not None and not _plausible(day):
        raise ValidationError(
            _("Give a date between %(earliest)s and %(latest)s."),
            code="implausible",
            params={"earliest": EARLIEST.year, "latest": LATEST.year},
        )


def plausible_dates(*fields: str, datetimes: bool = False) -> list:
    """The database's side of :func:`validate_plausible_date`: one check constraint per column (a model's
    ``Meta.constraints``; the name says the model, so the same helper serves every model). ``datetimes``:
    the columns are date-times (bounded in UTC)."""
    low, high = (EARLIEST_MOMENT, AFTER_LATEST_MOMENT) if datetimes else (EARLIEST, LATEST + datetime.timedelta(1))
    return [
        CheckConstraint(
            condition=Q(**{f"{field}__gte": low, f"{field}__lt": high}),
            name=f"%(app_label)s_%(class)s_{field}_plausible",
        )
        for field in fields
    ]

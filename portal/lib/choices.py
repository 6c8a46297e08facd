"""Vocabularies two or more apps share."""

from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils.translation import gettext_lazy as _


class Language(models.TextChoices):
    """Languages people work in and services are given in (ISO 639-1 codes)."""

    FINNISH = "fi", _("Finnish")
    SWEDISH = "sv", _("Swedish")
    ENGLISH = "en", _("English")
    SAMI = "se", _("Sámi")
    RUSSIAN = "ru", _("Russian")
    ESTONIAN = "et", _("Estonian")
    ARABIC = "ar", _("Arabic")
    SOMALI = "so", _("Somali")
    UKRAINIAN = "uk", _("Ukrainian")
    PERSIAN = "fa", _("Persian")
    SIGN = "fse", _("Finnish Sign Language")


class Region(models.TextChoices):
    """The 19 regions of Finland (maakunnat), Åland included. Values are stable identifiers."""

    UUSIMAA = "uusimaa", _("Uusimaa")
    SOUTHWEST_FINLAND = "varsinais-suomi", _("Southwest Finland")
    SATAKUNTA = "satakunta", _("Satakunta")
    KANTA_HAME = "kanta-hame", _("Kanta-Häme")
    PIRKANMAA = "pirkanmaa", _("Pirkanmaa")
    PAIJAT_HAME = "paijat-hame", _("Päijät-Häme")
    KYMENLAAKSO = "kymenlaakso", _("Kymenlaakso")
    SOUTH_KARELIA = "etela-karjala", _("South Karelia")
    SOUTH_SAVO = "etela-savo", _("South Savo")
    NORTH_SAVO = "pohjois-savo", _("North Savo")
    NORTH_KARELIA = "pohjois-karjala", _("North Karelia")
    CENTRAL_FINLAND = "keski-suomi", _("Central Finland")
    SOUTH_OSTROBOTHNIA = "etela-pohjanmaa", _("South Ostrobothnia")
    OSTROBOTHNIA = "pohjanmaa", _("Ostrobothnia")
    CENTRAL_OSTROBOTHNIA = "keski-pohjanmaa", _("Central Ostrobothnia")
    NORTH_OSTROBOTHNIA = "pohjois-pohjanmaa", _("North Ostrobothnia")
    KAINUU = "kainuu", _("Kainuu")
    LAPLAND = "lappi", _("Lapland")
    ALAND = "ahvenanmaa", _("Åland")


# Names a spreadsheet may use for a region, in Finnish, Swedish and English, besides the identifier.
REGION_NAMES: dict[str, tuple[str, ...]] = {
    "uusimaa": ("Uusimaa", "Nyland"),
    "varsinais-suomi": ("Varsinais-Suomi", "Egentliga Finland", "Southwest Finland", "Finland Proper"),
    "satakunta": ("Satakunta",),
    "kanta-hame": ("Kanta-Häme", "Egentliga Tavastland", "Tavastia Proper"),
    "pirkanmaa": ("Pirkanmaa", "Birkaland"),
    "paijat-hame": ("Päijät-Häme", "Päijänne-Tavastland"),
    "kymenlaakso": ("Kymenlaakso", "Kymmenedalen"),
    "etela-karjala": ("Etelä-Karjala", "Södra Karelen", "South Karelia"),
    "etela-savo": ("Etelä-Savo", "Södra Savolax", "South Savo"),
    "pohjois-savo": ("Pohjois-Savo", "Norra Savolax", "North Savo"),
    "pohjois-karjala": ("Pohjois-Karjala", "Norra Karelen", "North Karelia"),
    "keski-suomi": ("Keski-Suomi", "Mellersta Finland", "Central Finland"),
    "etela-pohjanmaa": ("Etelä-Pohjanmaa", "Södra Österbotten", "South Ostrobothnia"),
    "pohjanmaa": ("Pohjanmaa", "Österbotten", "Ostrobothnia"),
    "keski-pohjanmaa": ("Keski-Pohjanmaa", "Mellersta Österbotten", "Central Ostrobothnia"),
    "pohjois-pohjanmaa": ("Pohjois-Pohjanmaa", "Norra Österbotten", "North Ostrobothnia"),
    "kainuu": ("Kainuu", "Kajanaland"),
    "lappi": ("Lappi", "Lappland", "Lapland"),
    "ahvenanmaa": ("Ahvenanmaa", "Åland", "Aland"),
}


def region_from_name(text: str) -> str | None:
    """The region identifier for a name or identifier in any of the three languages, or None."""
    wanted = " ".join(text.split()).casefold()
    for value, names in REGION_NAMES.items():
        if wanted == value or any(wanted == name.casefold() for name in names):
            return value
    return None


def choice_array(vocabulary: type[models.TextChoices], verbose_name, *, max_length: int):
    """A list of values of ``vocabulary`` (e.g. the regions an organisation works in), empty by default.

    Give the model a ``contained_by`` check constraint too: the database then refuses unknown values.
    """
    return ArrayField(
        models.CharField(max_length=max_length, choices=vocabulary.choices),
        verbose_name=verbose_name,
        default=list,
        blank=True,
    )

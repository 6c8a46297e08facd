"""Vocabularies two or more apps share."""

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

"""The directory's text in three languages (django-modeltranslation): organisations' and guidance services'
names and descriptions, and services' opening hours and accessibility, each with a column per language
(``name_fi``, ``name_sv``, ``name_en``).

The original columns (``name``, ``description``) keep the Finnish text and are what queries, orderings
and indexes use (:class:`portal.lib.translated.OriginalColumnQuerySet`).
"""

from modeltranslation.translator import TranslationOptions

from partners.directory.models import GuidanceService, Organisation
from portal.lib import translated


class OrganisationTranslation(TranslationOptions):
    fields = ("name", "description")


class GuidanceServiceTranslation(TranslationOptions):
    fields = ("name", "description", "opening_hours", "accessibility")


translated.register(Organisation, OrganisationTranslation)
translated.register(GuidanceService, GuidanceServiceTranslation)

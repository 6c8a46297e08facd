"""Networks' names and descriptions in three languages (django-modeltranslation): a column per language
(``name_fi``, ``name_sv``, ``name_en``) on the network's own row.

The original columns (``name``, ``description``) keep the Finnish text and are what queries, orderings
and indexes use (:class:`portal.lib.translated.OriginalColumnQuerySet`).
"""

from modeltranslation.translator import TranslationOptions

from networks.memberships.models import Network
from portal.lib import translated


class NetworkTranslation(TranslationOptions):
    fields = ("name", "description")


translated.register(Network, NetworkTranslation)

"""The news fields written in three languages (django-modeltranslation adds ``title_fi``, ``title_sv``,
``title_en``, ``body_fi`` …); :mod:`networks.translation` imports this module so that modeltranslation finds it."""

from modeltranslation.translator import TranslationOptions, register

from networks.news.models import NewsItem


@register(NewsItem)
class NewsItemTranslation(TranslationOptions):
    fields = ("title", "body")

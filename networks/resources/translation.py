"""The resource library's fields written in several languages (django-modeltranslation): a resource's title and
description have a column per language (``title_fi``, ``title_sv``, ``title_en``); Finnish is required."""

from modeltranslation.translator import TranslationOptions, register

from networks.resources.models import Resource


@register(Resource)
class ResourceTranslationOptions(TranslationOptions):
    fields = ("title", "description")
    required_languages = ("fi",)

"""The glossary's translated fields (django-modeltranslation): a term and its definition in Finnish, Swedish
and English; Finnish is required (the forms ask for it)."""

from modeltranslation.translator import TranslationOptions, register

from networks.glossary.models import Term


@register(Term)
class TermTranslationOptions(TranslationOptions):
    fields = ("term", "definition")

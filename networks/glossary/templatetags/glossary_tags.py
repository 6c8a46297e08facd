"""The glossary's template filter: ``{{ text|glossary_marked:network }}`` links the network's agreed terms
where they first appear on the page (:mod:`networks.glossary.marking`)."""

from django import template

from networks.glossary.marking import mark

register = template.Library()


@register.filter
def glossary_marked(text, network):
    """Safe HTML or plain text with the first occurrence of each of ``network``'s agreed terms linked."""
    return mark(text, network)

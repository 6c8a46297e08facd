"""The glossary's template filter: ``{{ text|glossary_marked:network }}`` links the network's agreed terms
where they first appear on the page (:mod:`networks.glossary.marking`).

``text`` is safe HTML (sanitised minutes, ``linebreaks`` output) or plain text, which is escaped first.
Where it is applied:

- the minutes: ``{{ item.rendered_minutes|glossary_marked:meeting.network }}``
  (templates/networks/meetings/includes/agenda.html and print_minutes.html);
- a goal's description: ``{{ goal.description|linebreaks|glossary_marked:goal.network }}``;
- news (to be applied where the article's body is shown): render the body first and mark the result, e.g.
  ``{% translated article "body" block=True as body %}{{ body|glossary_marked:article.network }}`` or, for a
  body stored as sanitised HTML, ``{{ article.body_html_safe|glossary_marked:article.network }}``. Pass the
  same network object for every text of the page (as above), so that the page makes one query for the terms
  and each term is linked once per page. Load the library with ``{% load glossary_tags %}``.
"""

from django import template

from networks.glossary.marking import mark

register = template.Library()


@register.filter
def glossary_marked(text, network):
    """Safe HTML or plain text with the first occurrence of each of ``network``'s agreed terms linked."""
    return mark(text, network)

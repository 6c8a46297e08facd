"""The e-mails of a network's news: an item posted, and a comment on one's item.

Each person gets one message of their own, in their language, after the transaction commits
(:func:`portal.lib.mail.send_personal_mail`); templates are templates/networks/news/email/*.txt. The context's
``url`` is the item's path (``link`` the whole address for the e-mail's text).

- an item is posted → the network's people (a role in it), but its author;
- a comment is written → the item's author, unless they wrote it themselves or have left the network.
"""

from django.conf import settings

from networks.memberships.models import NetworkRole
from portal.lib.mail import mailable_people, send_personal_mail


def _context(item) -> dict:
    url = item.get_absolute_url()
    return {"item": item, "network": item.network, "url": url, "link": settings.SITE_URL + url}


def readers(item):
    """The network's people who can be reached by e-mail, but the item's author."""
    people = mailable_people().filter(pk__in=NetworkRole.objects.filter(network_id=item.network_id).values("user"))
    return people.exclude(pk=item.author_id) if item.author_id else people


def mail_news_posted(*, item) -> int:
    """The network's people are told of a new item."""
    return send_personal_mail(
        template_prefix="networks/news/email/posted",
        recipients=readers(item),
        context=_context(item),
        network=item.network_id,
        about=item,
    )


def mail_news_commented(*, comment) -> int:
    """The item's author is told of a comment by someone else, while they still have a role in its network."""
    item = comment.item
    if item.author_id is None or item.author_id == comment.author_id:
        return 0
    context = {**_context(item), "comment": comment, "commenter": comment.author}
    roles = NetworkRole.objects.filter(network_id=item.network_id)
    return send_personal_mail(
        template_prefix="networks/news/email/commented",
        recipients=mailable_people().filter(pk=item.author_id, pk__in=roles.values("user")),
        context=context,
        network=item.network_id,
        about=comment,
    )

"""Access-matrix rows of a network's news.

The matrix item is of the cast's network, posted by the coordinator; the member commented on it. The network's
people read the news; coordinators post (members only where the network allows it: a case); the author and the
coordinators edit and delete an item; coordinators and members comment; a comment's author and the
coordinators delete it; outsiders get 404.
"""

from tests.access_matrix.rows import NETWORK_READ, NETWORK_WRITE, POST_ONLY, Case, Entry, network_slug, row
from tests.networks.news.factories import NewsCommentFactory, NewsItemFactory

# Coordinators and members comment; observers only read.
COMMENT = row(302, 404, 403, 200, 200, 200)


def _item(objs):
    if not hasattr(objs, "news_item"):
        objs.news_item = NewsItemFactory(network=objs.network, author=objs.coordinator)
        objs.news_comment = NewsCommentFactory(item=objs.news_item, author=objs.member)
    return objs.news_item


def _uuid(objs):
    return {"uuid": _item(objs).uuid}


def _comment(objs):
    _item(objs)
    return {"uuid": objs.news_comment.uuid}


def _members_post(objs):
    objs.network.members_may_post_news = True
    objs.network.save(update_fields=["members_may_post_news"])
    return {"slug": objs.network.slug}


def _posted_by_member(objs):
    return {"uuid": NewsItemFactory(network=objs.network, author=objs.member).uuid}


def _comment_by_observer(objs):
    return {"uuid": NewsCommentFactory(item=_item(objs), author=objs.observer).uuid}


GET = {
    "news:news_list": Entry(NETWORK_READ, network_slug, login_redirect=True),
    "news:news_create": Entry(NETWORK_WRITE, network_slug, login_redirect=True),
    "news:news_detail": Entry(NETWORK_READ, _uuid, login_redirect=True),
    "news:news_edit": Entry(NETWORK_WRITE, _uuid, login_redirect=True),
    "news:news_delete": Entry(NETWORK_WRITE, _uuid, login_redirect=True),
    "news:comment_add": Entry(POST_ONLY, _uuid),
    # The member wrote the comment; the coordinators moderate.
    "news:comment_delete": Entry(COMMENT, _comment, login_redirect=True),
}

# An empty POST: the form back with errors (200) or the question asked again, for whoever may act.
POST = {
    "news:news_create": Entry(NETWORK_WRITE, network_slug),
    "news:news_edit": Entry(NETWORK_WRITE, _uuid),
    "news:news_delete": Entry(NETWORK_WRITE, _uuid),
    "news:comment_add": Entry(COMMENT, _uuid),
    "news:comment_delete": Entry(COMMENT, _comment),
}

READ_ONLY = {"news:news_list", "news:news_detail"}

CASES = [
    # Where the network allows it, members post news too (observers never).
    Case("news:news_create", "members may post", Entry(row(302, 404, 403, 200, 200, 200), _members_post)),
    # The member who posted an item edits and deletes it.
    Case("news:news_edit", "posted by the member", Entry(row(302, 404, 403, 200, 200, 200), _posted_by_member)),
    Case("news:news_delete", "posted by the member", Entry(row(302, 404, 403, 200, 200, 200), _posted_by_member)),
    # An observer deletes their own comment (written while a member); the member cannot delete it.
    Case(
        "news:comment_delete", "written by the observer", Entry(row(302, 404, 200, 403, 200, 200), _comment_by_observer)
    ),
]

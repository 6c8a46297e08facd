"""Comments on a news item: writing one (in place with htmx, or a POST and a redirect without JavaScript) and
deleting one after a confirmation."""

import math

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from networks.news import selectors, services
from networks.news.forms import CommentForm
from networks.news.models import NewsComment
from networks.news.views.items import COMMENTS_PER_PAGE, comments_context
from portal.lib.errors import DomainError
from portal.lib.once import created, creates_once, with_token
from portal.lib.views import object_for, show_errors

# A page number past the end: the paginator gives the last page, where a new comment is.
LAST_PAGE = 10**6


def _comment_url(item, comment) -> str:
    pages = max(1, math.ceil(selectors.item_comments(item).count() / COMMENTS_PER_PAGE))
    return f"{item.get_absolute_url()}?page={pages}#comment-{comment.pk}"


@require_POST
@login_required
@creates_once
def comment_add(request, uuid):
    """Write a comment on the item: its network's coordinators and members. With htmx the comments section
    comes back in place (the new comment on the last page, a fresh form); without, a redirect to it."""
    item = object_for(request, selectors.news_page(), "comment", uuid=uuid)
    form = with_token(CommentForm)(request.POST)
    if form.is_valid():
        try:
            comment = services.comment_add(item=item, author=request.user, text=form.cleaned_data["text"])
        except DomainError as error:
            show_errors(form, error)
        else:
            response = created(request, redirect(_comment_url(item, comment)))
            if not request.htmx:
                messages.success(request, _("Your comment has been added."))
                return response
            context = comments_context(request, item, page=LAST_PAGE)
            context["added"] = comment
            return render(request, "networks/news/detail.html#comments", context)
    context = comments_context(request, item, form=form, page=LAST_PAGE if request.htmx else None)
    template = "networks/news/detail.html#comments" if request.htmx else "networks/news/detail.html"
    return render(request, template, context)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def comment_delete(request, uuid):
    """Delete a comment after a confirmation: its author and the network's coordinators."""
    comment = object_for(request, NewsComment.objects.select_related("item__network", "author"), "delete", uuid=uuid)
    item = comment.item
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        services.comment_delete(comment=comment)
        messages.success(request, _("The comment has been deleted."))
        return redirect(f"{item.get_absolute_url()}#comments")
    return render(request, "networks/news/comment_delete.html", {"comment": comment, "item": item})

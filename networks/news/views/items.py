"""The pages of a network's news: the list, posting an item, its page with the comments, editing and deleting it."""

import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from networks.memberships.models import Network
from networks.news import selectors, services
from networks.news.forms import CommentForm, NewsItemForm
from networks.news.models import NewsItem
from portal.lib.errors import DomainError
from portal.lib.once import created, creates_once, with_token
from portal.lib.pagination import paginate
from portal.lib.views import back_to, object_for, refuse, refuse_or_show, show_errors

# Items on a page of the network's news; comments on a page of an item.
ITEMS_PER_PAGE = 20
COMMENTS_PER_PAGE = 50
# What an item's page asks of the rules.
ITEM_PAGE = ("edit", "delete", "comment", "moderate")


@require_safe
@login_required
def news_list(request, slug):
    """The network's news: pinned items first, then the newest."""
    network = object_for(request, Network, slug=slug)
    page_obj = paginate(request, selectors.network_news(network), per_page=ITEMS_PER_PAGE)
    page_obj.object_list = selectors.page_items(page_obj.object_list)
    context = {
        "network": network,
        "page_obj": page_obj,
        "may_post": NewsItem(network=network).permits(request.user, "post"),
    }
    return render(request, "networks/news/list.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
@creates_once
def news_create(request, slug):
    """Post an item to the network: its coordinators, and its members where the network allows them."""
    network = object_for(request, Network, slug=slug)
    item = NewsItem(network=network, author=request.user)
    rights = item.access(request.user).rights("post", "pin")
    if not rights["post"]:
        raise PermissionDenied
    form = with_token(NewsItemForm)(request.POST or None, instance=item, may_pin=rights["pin"])
    if request.method == "POST" and form.is_valid():
        try:
            made = services.news_create(network=network, author=request.user, data=form.item_data())
        except DomainError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("The news item has been published and the network's people told."))
            return created(request, back_to(made))
    return render(request, "networks/news/form.html", {"form": form, "network": network})


def comments_context(request, item, form=None, page=None) -> dict:
    """The comments section of an item's page (:func:`news_detail`, and the partial a comment re-renders):
    the requested page of comments, or ``page``."""
    may = item.access(request.user).rights(*ITEM_PAGE)
    comments = selectors.item_comments(item)
    page_obj = paginate(request, comments, per_page=COMMENTS_PER_PAGE, number=page)
    if form is None and may["comment"]:
        form = with_token(CommentForm)()
    if form is not None:
        url = reverse("news:comment_add", kwargs={"uuid": item.uuid})
        form.helper.form_action = url
        # With htmx the comments section comes back in place; without JavaScript the form posts and redirects.
        form.helper.attrs = {
            "data-hx-post": url,
            "data-hx-target": "#comments",
            "data-hx-swap": "outerHTML",
            "data-hx-disabled-elt": "find input[type=submit]",
        }
    for comment in page_obj.object_list:
        comment.may_delete = may["moderate"] or comment.author_id == request.user.pk
    return {"item": item, "network": item.network, "may": may, "comments_page": page_obj, "comment_form": form}


@require_safe
@login_required
def news_detail(request, uuid):
    """The item: its text in the reader's language, what it concerns, and the comments."""
    item = object_for(request, selectors.news_page(), uuid=uuid)
    return render(request, "networks/news/detail.html", comments_context(request, item))


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def news_edit(request, uuid):
    """Edit the item: its author and the network's coordinators. A stale form is refused."""
    item = object_for(request, NewsItem.objects.select_related("network"), "edit", uuid=uuid)
    may_pin = item.permits(request.user, "pin")
    form = NewsItemForm(request.POST or None, instance=copy.copy(item), may_pin=may_pin)
    if request.method == "POST" and form.is_valid():
        try:
            services.news_update(item=item, data=form.item_data(), version=form.edit_version())
        except DomainError as error:
            if refusal := refuse_or_show(request, form, item, error):
                return refusal
        else:
            messages.success(request, _("The news item has been saved."))
            return back_to(item)
    return render(request, "networks/news/form.html", {"form": form, "item": item, "network": item.network})


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def news_delete(request, uuid):
    """Delete the item with its comments, after a confirmation."""
    item = object_for(request, NewsItem.objects.select_related("network"), "delete", uuid=uuid)
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        network = item.network
        try:
            services.news_delete(item=item)
        except DomainError as error:
            return refuse(request, item, error)
        messages.success(request, _("The news item has been deleted."))
        return redirect("news:news_list", slug=network.slug)
    return render(request, "networks/news/confirm_delete.html", {"item": item, "network": item.network})

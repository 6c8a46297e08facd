"""Calendar feeds of meetings: the page with the person's feed addresses, resetting them, and
the feeds themselves, which calendar programs read without a session (the secret token is the key)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseNotModified
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from networks.meetings import feeds


def _absolute(name: str, **kwargs) -> str:
    return settings.SITE_URL + reverse(name, kwargs=kwargs)


@require_safe
@login_required
def calendar_feeds(request):
    """The person's personal feed address and one per network they have a role in, with how to subscribe."""
    feed = feeds.feed_for(request.user)
    networks = [
        {"network": network, "url": _absolute("meetings:network_feed", slug=network.slug, token=feed.token)}
        for network in feeds.feed_networks(request.user)
    ]
    context = {
        "feed": feed,
        "personal_url": _absolute("meetings:personal_feed", token=feed.token),
        "networks": networks,
    }
    return render(request, "networks/meetings/calendar_feeds.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def feed_reset(request):
    """A new secret for the person's feeds (after a confirmation): the old addresses stop working."""
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        feeds.feed_reset(user=request.user)
        messages.success(
            request, _("Your calendar addresses have been renewed. Subscribe again with the new addresses.")
        )
        return redirect("meetings:calendar_feeds")
    return render(request, "networks/meetings/feed_reset.html")


def _feed_response(request, meetings, *, name: str, scope: str) -> HttpResponse:
    """The feed, or 304 when the calendar program already has this version (its ETag)."""
    fingerprint, body = feeds.feed_body(meetings, name=name, scope=scope)
    etag = f'"{fingerprint}"'
    if etag in [tag.strip() for tag in request.headers.get("If-None-Match", "").split(",")]:
        response = HttpResponseNotModified()
    else:
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["ETag"] = etag
    patch_cache_control(response, private=True, max_age=900)
    response["X-Robots-Tag"] = "noindex"
    return response


@require_safe
def personal_feed(request, token):
    """Every meeting the token's owner is invited to. No sign-in: a wrong or reset token is 404."""
    owner = feeds.feed_owner(token)
    if owner is None:
        raise Http404
    name = _("Meetings of %(person)s") % {"person": owner.get_full_name() or owner.email}
    return _feed_response(
        request, feeds.personal_feed_meetings(owner), name=name, scope=feeds.personal_feed_scope(owner)
    )


@require_safe
def network_feed(request, slug, token):
    """The network's meetings, while the token's owner has a role in the network; else 404."""
    owner = feeds.feed_owner(token)
    network = feeds.feed_network(owner, slug) if owner is not None else None
    if network is None:
        raise Http404
    name = _("Meetings of %(network)s") % {"network": network.name}
    return _feed_response(
        request, feeds.network_feed_meetings(network), name=name, scope=feeds.network_feed_scope(network)
    )

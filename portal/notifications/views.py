"""The person's notifications: the list, marking read, the settings, and unsubscribing from an e-mail's link."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from portal.lib.pagination import paginate
from portal.notifications import preferences
from portal.notifications.forms import PreferencesForm
from portal.notifications.kinds import Kind
from portal.notifications.models import Notification
from portal.notifications.unsubscribe import read_token

PER_PAGE = 25
LIST = "portal/notifications/notification_list.html"


def _list_context(request):
    notifications = Notification.objects.visible_to(request.user).order_by("-created_at", "-pk")
    page = paginate(request, notifications, per_page=PER_PAGE)
    unread = Notification.objects.visible_to(request.user).unread().count()
    request.unread_notification_count = unread  # the header shows the same number: no second query
    return {"page_obj": page, "notifications": page.object_list, "unread_count": unread}


@require_safe
@login_required
def notification_list(request):
    """The person's notifications, newest first, the unread ones marked."""
    return render(request, LIST, _list_context(request))


def _back(request):
    """Back to the list page the button was on (a path of ours only)."""
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}) and target.startswith("/"):
        return redirect(target)
    return redirect("notifications:notification_list")


@require_POST
@login_required
def notification_read(request, uuid):
    """Mark one notification read; with htmx, its row is replaced in place (and the header's count)."""
    notification = get_object_or_404(Notification.objects.visible_to(request.user), uuid=uuid)
    if not notification.permits(request.user, "read"):
        raise Http404
    notification.mark_read()
    if request.htmx:
        unread = Notification.objects.visible_to(request.user).unread().count()
        context = {"notification": notification, "unread_count": unread, "next": request.POST.get("next", "")}
        return render(request, f"{LIST}#item", context)
    return _back(request)


@require_safe
@login_required
def notification_open(request, uuid):
    """Follow a notification's link: it is read now (as in any mail program), then on to its page.

    Only a path of ours is followed (a notification's link is stored as one); anything else leads back to the
    list. Marking one's own notification read is the only change, so a GET may make it.
    """
    notification = get_object_or_404(Notification.objects.visible_to(request.user), uuid=uuid)
    if not notification.permits(request.user, "read"):
        raise Http404
    if notification.read_at is None:
        notification.mark_read()
    target = notification.url or ""
    if target.startswith("/") and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect("notifications:notification_list")


@require_POST
@login_required
def notification_read_all(request):
    """Mark all the person's notifications read; with htmx, the list is replaced in place."""
    marked = Notification.objects.visible_to(request.user).unread().update(read_at=timezone.now())
    if request.htmx:
        return render(request, f"{LIST}#list", {**_list_context(request), "oob_count": True})
    if marked:
        messages.success(request, _("All notifications are marked as read."))
    return _back(request)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def notification_settings(request):
    """One choice per kind of how its e-mail reaches the person; saved at once."""
    current = preferences.preferences_of(request.user)
    form = PreferencesForm(request.POST or None, preferences=current)
    if request.method == "POST" and form.is_valid():
        preferences.preferences_set(user=request.user, choices=form.cleaned_data)
        messages.success(request, _("Your notification settings are saved."))
        return redirect("notifications:notification_settings")
    return render(request, "portal/notifications/settings.html", {"form": form})


# A mail program's one-click unsubscribe (RFC 8058) is a POST without a session or a CSRF token. The signed
# token in the address is what proves the request: it names the person and the kinds, and it cannot be made
# up or altered without the site's secret key.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    """GET: what the link stops, and a button; POST (the button or the mail program): stop it."""
    found = read_token(token)
    if found is None:
        raise Http404
    user_id, kinds = found
    person = get_object_or_404(get_user_model(), pk=user_id, is_active=True)
    labels = [Kind(kind).label for kind in kinds]
    if request.method == "POST":
        preferences.unsubscribe(user=person, kinds=kinds)
        return render(request, "portal/notifications/unsubscribed.html", {"kinds": labels})
    return render(request, "portal/notifications/unsubscribe.html", {"kinds": labels, "token": token})

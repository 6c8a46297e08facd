"""The pages of joint activities: a network's list, recording one, its page, editing and deleting it."""

import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from networks.memberships.models import Network
from networks.trust import activities as services
from networks.trust import activity_queries as queries
from networks.trust.forms.activities import ActivityFilterForm, ActivityForm, ReflectionForm
from networks.trust.models import Activity
from portal.lib.errors import DomainError
from portal.lib.once import created, creates_once, with_token
from portal.lib.pagination import paginate
from portal.lib.views import back_to, object_for, refuse, refuse_or_show, show_errors

# How many reflections and new contacts the activity's page shows (the rest are counted).
SHOWN = 30


@require_safe
@login_required
def activity_list(request, slug):
    """The network's joint activities, the latest first, filtered by kind and year."""
    network = object_for(request, Network, slug=slug)
    form = ActivityFilterForm(request.GET or None, years=queries.activity_years(network))
    filters = form.filters()
    page_obj = paginate(request, queries.network_activities(network, **filters))
    context = {
        "network": network,
        "form": form,
        "filters": {key: value for key, value in filters.items() if value},
        "page_obj": page_obj,
        "may_record": network.permits(request.user, "take_part"),
        "is_coordinator": network.permits(request.user, "edit"),
    }
    return render(request, "networks/trust/activities/list.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
@creates_once
def activity_create(request, slug):
    """Record a joint activity of the network: coordinators and members."""
    network = object_for(request, Network, "take_part", slug=slug)
    form = with_token(ActivityForm)(request.POST or None, instance=Activity(network=network))
    if request.method == "POST" and form.is_valid():
        try:
            activity = services.activity_create(
                network=network,
                user=request.user,
                data=form.activity_data(),
                organisers=form.cleaned_data["organisers"],
                goals=form.cleaned_data["goals"],
            )
        except DomainError as error:
            show_errors(form, error)
        else:
            messages.success(
                request,
                _("The activity %(title)s has been recorded. Add its participants below.") % {"title": activity.title},
            )
            return created(request, back_to(activity, "participants"))
    return render(request, "networks/trust/activities/form.html", {"form": form, "network": network})


def _detail_context(request, activity) -> dict:
    user = request.user
    may = activity.access(user).rights("manage", "edit", "delete", "reflect", "see_contacts")
    mine = activity.participants.filter(user=user).first() if may["reflect"] else None
    reflections = queries.reflections(activity)
    contacts = queries.new_contacts(activity) if may["see_contacts"] else None
    reflection_form = None
    if may["reflect"]:
        initial = {"reflection": mine.reflection, "usefulness": mine.usefulness} if mine else None
        reflection_form = ReflectionForm(initial=initial)
        reflection_form.helper.form_action = reverse("trust:reflection_edit", kwargs={"pk": activity.pk})
    return {
        "activity": activity,
        "network": activity.network,
        "may": may,
        "today": timezone.localdate(),
        "page_obj": paginate(request, queries.participants(activity)),
        "reflection_form": reflection_form,
        "my_participation": mine,
        "reflections": list(reflections[:SHOWN]),
        "usefulness": queries.usefulness(activity),
        "contacts": list(contacts[:SHOWN]) if contacts is not None else None,
        "shown": SHOWN,
    }


@require_safe
@login_required
def activity_detail(request, pk):
    """The activity: its facts, participants, reflections and the new contacts it made."""
    activity = object_for(request, queries.activity_page(), pk=pk)
    context = _detail_context(request, activity)
    return render(request, "networks/trust/activities/detail.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def activity_edit(request, pk):
    """Edit the activity: its coordinators and the person who recorded it. A stale form is refused."""
    activity = object_for(request, Activity.objects.select_related("network"), "edit", pk=pk)
    form = ActivityForm(request.POST or None, instance=copy.copy(activity))
    if request.method == "POST" and form.is_valid():
        try:
            services.activity_update(
                activity=activity,
                data=form.activity_data(),
                organisers=form.cleaned_data["organisers"],
                goals=form.cleaned_data["goals"],
                version=form.edit_version(),
            )
        except DomainError as error:
            if refusal := refuse_or_show(request, form, activity, error):
                return refusal
        else:
            messages.success(request, _("The activity has been saved."))
            return back_to(activity)
    context = {"form": form, "activity": activity, "network": activity.network}
    return render(request, "networks/trust/activities/form.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def activity_delete(request, pk):
    """Delete the activity with its participants and reflections, after a confirmation."""
    activity = object_for(request, Activity.objects.select_related("network"), "delete", pk=pk)
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        title, network = activity.title, activity.network
        try:
            services.activity_delete(activity=activity)
        except DomainError as error:
            return refuse(request, activity, error)
        messages.success(request, _("The activity %(title)s has been deleted.") % {"title": title})
        return redirect("trust:activity_list", slug=network.slug)
    return render(request, "networks/trust/activities/confirm_delete.html", {"activity": activity})

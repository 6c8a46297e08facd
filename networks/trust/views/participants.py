"""The participants of a joint activity: adding and removing them (its coordinators and recorder), and a
participant's own reflection afterwards."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from networks.trust import activities as services
from networks.trust.forms.activities import ParticipantForm, PersonFilterForm, ReflectionForm
from networks.trust.models import Activity, Participant
from portal.lib.errors import DomainError
from portal.lib.once import created, creates_once, with_token
from portal.lib.views import back_to, object_for, refuse, refuse_or_show


def _activity(request, pk, action):
    return object_for(request, Activity.objects.select_related("network"), action, pk=pk)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
@creates_once
def participant_add(request, pk):
    """Add a participant: find a person of the network by name or e-mail (``?q=``) and choose them, or name a
    person without an account. The search stays in the address, so an error shows the same choices."""
    activity = _activity(request, pk, "manage")
    search = PersonFilterForm(request.GET or None)
    query = search.query()
    data = request.POST if request.method == "POST" else None
    form = with_token(ParticipantForm)(data, activity=activity, query=query)
    form.helper.form_action = request.get_full_path()
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            participant = services.participant_add(
                activity=activity,
                person=data["person"],
                name=data["name"],
                organisation=data["organisation"],
                is_organiser=data["is_organiser"],
            )
        except DomainError as error:
            if refusal := refuse_or_show(request, form, activity, error):
                return refusal
        else:
            messages.success(request, _("%(name)s has been added.") % {"name": participant.display_name})
            return created(request, back_to(activity, "participants"))
    context = {"form": form, "search": search, "query": query, "activity": activity}
    return render(request, "networks/trust/activities/participant_form.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def participant_remove(request, pk, participant):
    """Remove a participant, after a confirmation."""
    activity = _activity(request, pk, "manage")
    participant = get_object_or_404(
        Participant.objects.select_related("user", "organisation"), pk=participant, activity=activity
    )
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        try:
            services.participant_remove(activity=activity, participant=participant)
        except DomainError as error:
            return refuse(request, activity, error, "participants")
        messages.success(request, _("%(name)s has been removed.") % {"name": participant.display_name})
        return back_to(activity, "participants")
    context = {"activity": activity, "participant": participant}
    return render(request, "networks/trust/activities/participant_remove.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def reflection_edit(request, pk):
    """The participant's own reflection and usefulness rating, once the activity has started."""
    activity = _activity(request, pk, "reflect")
    if not activity.permits(request.user, "reflect"):  # an administrator too: not before it has started
        raise PermissionDenied
    mine = activity.participants.filter(user=request.user).first()
    initial = {"reflection": mine.reflection, "usefulness": mine.usefulness} if mine else None
    form = ReflectionForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.reflection_save(
                activity=activity,
                user=request.user,
                reflection=form.cleaned_data["reflection"],
                usefulness=form.cleaned_data["usefulness"],
            )
        except DomainError as error:
            if refusal := refuse_or_show(request, form, activity, error):
                return refusal
        else:
            messages.success(request, _("Your reflection has been saved. Thank you!"))
            return back_to(activity, "reflections")
    return render(request, "networks/trust/activities/reflection_form.html", {"form": form, "activity": activity})

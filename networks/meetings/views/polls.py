"""Finding a time (issue 6): a network's polls, a new poll, its answers table, answering, picking the
time (which creates the meeting) and closing a poll without a meeting."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, F, Prefetch
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from networks.meetings import polls as services
from networks.meetings.access import may_organise
from networks.meetings.forms.polls import PollAnswerForm, PollForm, PollPickForm, slot_formset
from networks.meetings.models import TimePoll, TimeSlot
from networks.memberships.models import Network
from partners.agreements.views.common import add_service_errors
from portal.access import get_for_user
from portal.accounts.models import User
from portal.lib.pagination import paginate


def poll_page():
    """Polls with everything their page shows: the slots with their answers, the invited people by name,
    the invited organisations and the meeting made of it; a fixed number of queries however many."""
    return TimePoll.objects.select_related("network", "organiser", "meeting").prefetch_related(
        Prefetch("slots", queryset=TimeSlot.objects.prefetch_related("answers").order_by("starts_at", "pk")),
        Prefetch("invitees", queryset=User.objects.order_by("last_name", "first_name", "pk")),
        "organisations",
    )


def _to_poll(poll: TimePoll):
    return redirect("meetings:poll_detail", pk=poll.pk)


@require_safe
@login_required
def poll_list(request, slug):
    """A network's time polls, open ones first, each with its number of times and invited people."""
    network = get_for_user(request.user, Network, slug=slug)
    polls = (
        TimePoll.objects.filter(network=network)
        .select_related("organiser", "meeting")
        .annotate(slot_count=Count("slots", distinct=True), invitee_count=Count("invitees", distinct=True))
        .order_by(F("closed_at").desc(nulls_first=True), "-created_at", "pk")
    )
    context = {
        "network": network,
        "page_obj": paginate(request, polls),
        "may_organise": may_organise(network, request.user),
    }
    return render(request, "networks/meetings/poll_list.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def poll_create(request, slug):
    """Find a time: the meeting's details, 2–10 proposed times and the organisations and people to ask."""
    network = get_for_user(request.user, Network, slug=slug)
    if not may_organise(network, request.user):
        raise PermissionDenied
    data = request.POST if request.method == "POST" else None
    form = PollForm(data, instance=TimePoll(network=network), network=network)
    try:
        rows = int(request.GET.get("rows", 5))
    except ValueError:
        rows = 5
    slots = slot_formset(data, rows=rows)
    if request.method == "POST" and form.is_valid() and slots.is_valid():
        try:
            poll = services.poll_create(
                network=network,
                user=request.user,
                data=form.poll_data(),
                slots=slots.slots(),
                organisations=form.cleaned_data["organisations"],
                people=form.cleaned_data["people"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("The poll has been created and the people asked have been e-mailed a link to answer.")
            )
            return _to_poll(poll)
    context = {"network": network, "form": form, "slots": slots, "more_rows": slots.total_form_count() < 10}
    return render(request, "networks/meetings/poll_form.html", context)


def _detail(request, poll: TimePoll, *, answer_form=None, pick_form=None, status=200):
    user = request.user
    access = poll.access(user)
    table = services.poll_table(poll)
    may_answer = access.permits("answer")
    may_manage = poll.is_open and (user.is_superuser or access.permits("manage"))
    if may_answer and answer_form is None:
        mine = next((row["answers"] for row in table["rows"] if row["person"].pk == user.pk), [])
        current = {slot.pk: answer for slot, answer in zip(table["slots"], mine, strict=False) if answer}
        answer_form = PollAnswerForm(poll=poll, slots=table["slots"], current=current)
    if may_manage and pick_form is None:
        best = next((total["slot"].pk for total in table["totals"] if total["best"]), None)
        pick_form = PollPickForm(poll=poll, slots=table["slots"], initial={"slot": best, "chair": poll.organiser_id})
    context = {
        "poll": poll,
        "network": poll.network,
        "table": table,
        "answer_form": answer_form if may_answer else None,
        "pick_form": pick_form if may_manage else None,
        "may_manage": may_manage,
    }
    return render(request, "networks/meetings/poll_detail.html", context, status=status)


@require_safe
@login_required
def poll_detail(request, pk):
    """The poll: people × proposed times with their answers and the totals; the viewer's answer form;
    for its organiser and the coordinators, picking the time."""
    return _detail(request, get_for_user(request.user, poll_page(), pk=pk))


@require_POST
@login_required
def poll_answer(request, pk):
    """Save the viewer's answers (an invited person, while the poll is open)."""
    poll = get_for_user(request.user, poll_page(), action="answer", pk=pk)
    slots = list(poll.slots.all())
    form = PollAnswerForm(request.POST, poll=poll, slots=slots, current={})
    if not form.is_valid():
        return _detail(request, poll, answer_form=form, status=400)
    try:
        services.poll_answer(poll=poll, user=request.user, answers=form.answers())
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Your answers have been saved."))
    return _to_poll(poll)


@require_POST
@login_required
def poll_pick(request, pk):
    """Pick the time: the meeting is created and the poll's people invited; then to the meeting."""
    poll = get_for_user(request.user, poll_page(), action="manage", pk=pk)
    form = PollPickForm(request.POST, poll=poll, slots=list(poll.slots.all()))
    if form.is_valid():
        try:
            meeting = services.poll_pick(
                poll=poll, user=request.user, slot=form.cleaned_data["slot"], chair=form.cleaned_data["chair"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The meeting has been created and the invitations sent."))
            return redirect("meetings:meeting_detail", pk=meeting.pk)
    return _detail(request, poll, pick_form=form, status=400)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def poll_close(request, pk):
    """Close the poll without making a meeting of it (after a confirmation)."""
    poll = get_for_user(request.user, TimePoll.objects.select_related("network"), action="manage", pk=pk)
    if not poll.is_open:
        messages.error(request, _("The poll is already closed."))
        return _to_poll(poll)
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        try:
            services.poll_close(poll=poll, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The poll has been closed."))
        return _to_poll(poll)
    return render(request, "networks/meetings/poll_close.html", {"poll": poll})

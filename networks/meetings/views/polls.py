"""Finding a time: a network's polls, a new poll, its answers table, answering, picking the time (which creates
the meeting) and closing a poll without a meeting."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from networks.meetings import polls as services
from networks.meetings.forms.polls import PollAnswerForm, PollForm, PollPickForm, slot_formset
from networks.meetings.models import TimePoll
from networks.meetings.selectors.lists import network_polls
from networks.meetings.selectors.pages import poll_page
from networks.memberships.models import Network
from portal.lib.errors import DomainError
from portal.lib.once import created, creates_once, with_token
from portal.lib.pagination import paginate
from portal.lib.views import back_to, object_for, refuse, show_errors

MANAGE = "manage"


@require_safe
@login_required
def poll_list(request, slug):
    """A network's time polls, open ones first, each with its number of times and invited people."""
    network = object_for(request, Network, slug=slug)
    context = {
        "network": network,
        "page_obj": paginate(request, network_polls(network)),
        "may_organise": network.permits(request.user, "take_part"),
    }
    return render(request, "networks/meetings/poll_list.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
@creates_once
def poll_create(request, slug):
    """Find a time: the meeting's details, 2–10 proposed times and the organisations and people to ask."""
    network = object_for(request, Network, "take_part", slug=slug)
    data = request.POST if request.method == "POST" else None
    form = with_token(PollForm)(data, instance=TimePoll(network=network), network=network)
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
        except DomainError as error:
            show_errors(form, error)
        else:
            messages.success(
                request, _("The poll has been created and the people asked have been e-mailed a link to answer.")
            )
            return created(request, back_to(poll))
    context = {"network": network, "form": form, "slots": slots, "more_rows": slots.total_form_count() < 10}
    return render(request, "networks/meetings/poll_form.html", context)


def _detail(request, poll: TimePoll, *, answer_form=None, pick_form=None, status=200):
    user = request.user
    access = poll.access(user)
    table = services.poll_table(poll)
    may_answer = access.permits("answer")
    may_manage = access.permits(MANAGE)
    if may_answer and answer_form is None:
        mine = next((row["answers"] for row in table["rows"] if row["person"].pk == user.pk), [])
        current = {slot.pk: answer for slot, answer in zip(table["slots"], mine, strict=False) if answer}
        answer_form = PollAnswerForm(poll=poll, slots=table["slots"], current=current)
    if may_manage and pick_form is None:
        best = next((total["slot"].pk for total in table["totals"] if total["best"]), None)
        pick_form = with_token(PollPickForm)(
            poll=poll, slots=table["slots"], initial={"slot": best, "chair": poll.organiser_id}
        )
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
    return _detail(request, object_for(request, poll_page(), pk=pk))


@require_POST
@login_required
def poll_answer(request, pk):
    """Save the viewer's answers (an invited person, while the poll is open)."""
    poll = object_for(request, poll_page(), "answer", pk=pk)
    slots = list(poll.slots.all())
    form = PollAnswerForm(request.POST, poll=poll, slots=slots, current={})
    if not form.is_valid():
        return _detail(request, poll, answer_form=form, status=400)
    try:
        services.poll_answer(poll=poll, user=request.user, answers=form.answers())
    except DomainError as error:
        return refuse(request, poll, error)
    messages.success(request, _("Your answers have been saved."))
    return back_to(poll)


@require_POST
@login_required
@creates_once
def poll_pick(request, pk):
    """Pick the time: the meeting is created and the poll's people invited; then to the meeting."""
    poll = object_for(request, poll_page(), MANAGE, pk=pk)
    form = with_token(PollPickForm)(request.POST, poll=poll, slots=list(poll.slots.all()))
    if form.is_valid():
        try:
            meeting = services.poll_pick(
                poll=poll, user=request.user, slot=form.cleaned_data["slot"], chair=form.cleaned_data["chair"]
            )
        except DomainError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("The meeting has been created and the invitations sent."))
            return created(request, back_to(meeting))
    return _detail(request, poll, pick_form=form, status=400)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def poll_close(request, pk):
    """Close the poll without making a meeting of it (after a confirmation)."""
    poll = object_for(request, TimePoll.objects.select_related("network"), MANAGE, pk=pk)
    if not poll.is_open:
        return refuse(request, poll, DomainError(_("The poll is already closed.")))
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        try:
            services.poll_close(poll=poll, user=request.user)
        except DomainError as error:
            return refuse(request, poll, error)
        messages.success(request, _("The poll has been closed."))
        return back_to(poll)
    return render(request, "networks/meetings/poll_close.html", {"poll": poll})

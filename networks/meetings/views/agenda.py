"""The pages of a meeting's agenda: editing it (items, order, proposals, what is carried over from earlier
meetings) for those who manage the meeting, and proposing an item for its people."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from networks.meetings import agenda as services
from networks.meetings.forms.agenda import AgendaItemForm, CarryForm, MoveForm
from networks.meetings.models import AgendaItem, Meeting
from portal.lib.errors import DomainError
from portal.lib.once import created, creates_once, with_token
from portal.lib.views import back_to, object_for, show_errors

MANAGE = "manage"


def item_of(meeting: Meeting, item_pk) -> AgendaItem:
    return get_object_or_404(AgendaItem.objects.select_related("meeting"), meeting=meeting, pk=item_pk)


def to_agenda(meeting: Meeting, anchor: str = ""):
    url = reverse("meetings:agenda_edit", kwargs={"pk": meeting.pk})
    return redirect(f"{url}#{anchor}" if anchor else url)


def _refused(request, meeting: Meeting, error: DomainError):
    """A refusal about the meeting's state, said on the agenda editor."""
    messages.error(request, str(error))
    return to_agenda(meeting)


def _not_planned(request, meeting: Meeting):
    return _refused(request, meeting, DomainError(_("The agenda can be changed only while the meeting is planned.")))


def _render_edit(request, meeting: Meeting, *, form=None, carry_form=None, status: int = 200):
    """The agenda editor: the items in order, the proposals, the add form and the offers."""
    planned = meeting.is_planned
    items = list(
        AgendaItem.objects.filter(meeting=meeting)
        .select_related("presenter", "goal", "proposed_by", "source_action", "source_item__meeting")
        .order_by("position", "pk")
    )
    context = {
        "meeting": meeting,
        "planned": planned,
        "items": [item for item in items if item.is_accepted],
        "proposals": [item for item in items if item.is_proposed],
        "form": form,
        "carry_form": carry_form,
    }
    if planned:
        context["form"] = form = form or with_token(AgendaItemForm)(
            meeting=meeting, submit_label=_("Add to the agenda")
        )
        form.helper.form_action = reverse("meetings:agenda_item_add", kwargs={"pk": meeting.pk})
        offers = services.agenda_offers(meeting, request.user)
        context["offers"] = offers
        if carry_form is None and (offers[0] or offers[1]):
            context["carry_form"] = with_token(CarryForm)(offers=offers)
    return render(request, "networks/meetings/agenda_edit.html", context, status=status)


@require_safe
@login_required
def agenda_edit(request, pk):
    """The agenda editor of a planned meeting (a meeting no longer planned shows its agenda read-only)."""
    meeting = object_for(request, Meeting.objects.select_related("network"), MANAGE, pk=pk)
    return _render_edit(request, meeting)


@require_POST
@login_required
@creates_once
def agenda_item_add(request, pk):
    meeting = object_for(request, Meeting.objects.select_related("network"), MANAGE, pk=pk)
    if not meeting.is_planned:
        return _not_planned(request, meeting)
    form = with_token(AgendaItemForm)(request.POST, meeting=meeting, submit_label=_("Add to the agenda"))
    if form.is_valid():
        try:
            item = services.item_add(meeting=meeting, user=request.user, data=form.item_data())
        except DomainError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("%(title)s is on the agenda.") % {"title": item.title})
            return created(request, to_agenda(meeting, f"item-{item.pk}"))
    return _render_edit(request, meeting, form=form)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
@creates_once
def agenda_propose(request, pk):
    """Propose an item: it waits for those who manage the meeting to put it on the agenda."""
    meeting = object_for(request, Meeting.objects.select_related("network"), "propose", pk=pk)
    form = with_token(AgendaItemForm)(request.POST or None, meeting=meeting, submit_label=_("Propose the item"))
    if request.method == "POST" and form.is_valid():
        try:
            item = services.item_propose(meeting=meeting, user=request.user, data=form.item_data())
        except DomainError as error:
            show_errors(form, error)
        else:
            messages.success(
                request,
                _("Your proposal %(title)s has been sent: the organisers decide whether it goes on the agenda.")
                % {"title": item.title},
            )
            return created(request, back_to(meeting, "agenda"))
    return render(request, "networks/meetings/agenda_propose.html", {"meeting": meeting, "form": form})


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def agenda_item_edit(request, pk, item_pk):
    meeting = object_for(request, Meeting.objects.select_related("network"), MANAGE, pk=pk)
    item = item_of(meeting, item_pk)
    form = AgendaItemForm(request.POST or None, instance=item, meeting=meeting)
    if request.method == "POST" and form.is_valid():
        try:
            services.item_update(item=item, user=request.user, data=form.item_data(), version=form.edit_version())
        except DomainError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("The item has been saved."))
            return to_agenda(meeting, f"item-{item.pk}")
    context = {"meeting": meeting, "item": item, "form": form, "planned": meeting.is_planned}
    return render(request, "networks/meetings/agenda_item_form.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def agenda_item_delete(request, pk, item_pk):
    """Take an item off the agenda, or decline a proposal: after a confirmation."""
    meeting = object_for(request, Meeting.objects.select_related("network"), MANAGE, pk=pk)
    item = item_of(meeting, item_pk)
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        try:
            services.item_delete(item=item, user=request.user)
        except DomainError as error:
            return _refused(request, meeting, error)
        if item.is_proposed:
            messages.success(request, _("The proposal %(title)s has been declined.") % {"title": item.title})
        else:
            messages.success(request, _("%(title)s has been taken off the agenda.") % {"title": item.title})
        return to_agenda(meeting)
    return render(request, "networks/meetings/agenda_item_delete.html", {"meeting": meeting, "item": item})


@require_POST
@login_required
def agenda_item_accept(request, pk, item_pk):
    meeting = object_for(request, Meeting.objects.select_related("network"), MANAGE, pk=pk)
    item = item_of(meeting, item_pk)
    try:
        services.item_accept(item=item, user=request.user)
    except DomainError as error:
        return _refused(request, meeting, error)
    messages.success(request, _("%(title)s is on the agenda.") % {"title": item.title})
    return to_agenda(meeting, f"item-{item.pk}")


@require_POST
@login_required
def agenda_item_move(request, pk, item_pk):
    meeting = object_for(request, Meeting.objects.select_related("network"), MANAGE, pk=pk)
    item = item_of(meeting, item_pk)
    form = MoveForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Unknown direction."))
        return to_agenda(meeting)
    try:
        services.item_move(item=item, user=request.user, direction=form.cleaned_data["direction"])
    except DomainError as error:
        return _refused(request, meeting, error)
    return to_agenda(meeting, f"item-{item.pk}")


@require_POST
@login_required
@creates_once
def agenda_carry(request, pk):
    """Put the chosen open action items and unfinished items of earlier meetings on the agenda."""
    meeting = object_for(request, Meeting.objects.select_related("network"), MANAGE, pk=pk)
    if not meeting.is_planned:
        return _not_planned(request, meeting)
    form = with_token(CarryForm)(request.POST, offers=services.agenda_offers(meeting, request.user))
    if form.is_valid():
        try:
            carried = services.agenda_carry(
                meeting=meeting,
                user=request.user,
                actions=form.cleaned_data.get("actions", []),
                items=form.cleaned_data.get("items", []),
            )
        except DomainError as error:
            show_errors(form, error)
        else:
            count = len(carried)
            message = ngettext(
                "%(count)d item was added to the agenda.", "%(count)d items were added to the agenda.", count
            )
            messages.success(request, message % {"count": count})
            return created(request, to_agenda(meeting))
    return _render_edit(request, meeting, carry_form=form)

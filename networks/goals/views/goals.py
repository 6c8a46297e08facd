"""The pages of shared goals: the index, a network's board, a goal's page, proposing, editing, deleting and
moving a goal's status."""

import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from networks.goals import services
from networks.goals.endorsement_panel import endorsement_panel
from networks.goals.filters import GoalFilterForm, filter_goals
from networks.goals.forms.goals import GoalForm, GoalStatusForm
from networks.goals.models import STATUS_ORDER, Goal
from networks.goals.progress import indicator_panels
from networks.goals.selectors import (
    GROUP_AREA,
    goal_group_counts,
    goal_networks,
    goal_page,
    visible_agreements,
)
from networks.goals.selectors import goal_board as board_goals
from networks.memberships.models import Membership, Network
from portal.lib.access import ESTABLISHED
from portal.lib.errors import DomainError
from portal.lib.once import created, creates_once, with_token
from portal.lib.pagination import paginate
from portal.lib.panels import GOAL_PAGE, render_panels
from portal.lib.views import back_to, object_for, refuse, refuse_or_show, show_errors

MANAGE = "manage"


# --- the index and the board ---------------------------------------------------------------------------


@require_safe
@login_required
def goal_index(request):
    """The person's networks, each with its number of goals in every status and a link to its board."""
    networks = list(goal_networks(request.user))
    for network in networks:
        network.status_counts = [
            (status, status.label, getattr(network, f"count_{status}"))
            for status in STATUS_ORDER
            if getattr(network, f"count_{status}")
        ]
    return render(request, "networks/goals/index.html", {"networks": networks})


def _groups(goals, group: str, totals: dict[str, int]) -> list[dict]:
    """The page's goals (already in the board's order) in one group per status or quality area, each with
    the group's total over every page."""
    groups: list[dict] = []
    for goal in goals:
        key = goal.quality_area if group == GROUP_AREA else goal.status
        if not groups or groups[-1]["key"] != key:
            label = goal.area_label if group == GROUP_AREA else goal.status_label
            groups.append({"key": key, "label": label, "total": totals.get(key, 0), "goals": []})
        groups[-1]["goals"].append(goal)
    return groups


@require_safe
@login_required
def goal_board(request, slug):
    """A network's goals grouped by status (or by quality area with ``?group=area``), filtered."""
    network = object_for(request, Network, slug=slug)
    form = GoalFilterForm(request.GET or None, network=network)
    filters = form.filters()
    group = form.grouping()
    goals = filter_goals(Goal.objects.filter(network=network), filters)
    page_obj = paginate(request, board_goals(goals=goals, group=group))
    context = {
        "network": network,
        "form": form,
        "filters": filters,
        "group": group,
        "page_obj": page_obj,
        "groups": _groups(page_obj.object_list, group, goal_group_counts(goals, group)),
        "may_propose": network.permits(request.user, "take_part"),
        "is_coordinator": network.permits(request.user, "edit"),
    }
    return render(request, "networks/goals/board.html", context)


# --- one goal ------------------------------------------------------------------------------------------


def _represented(network: Network, user):
    """The organisation the person speaks for in the network, when there is exactly one (a proposal's
    owner by default)."""
    organisations = list(
        Membership.objects.filter(network=network, status__in=ESTABLISHED)
        .filter(Q(representative=user) | Q(deputy=user))
        .values_list("organisation_id", flat=True)[:2]
    )
    return organisations[0] if len(organisations) == 1 else None


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
@creates_once
def goal_create(request, slug):
    """A new goal: coordinators create one, members propose one; either way it starts as a proposal that
    waits for a coordinator to open endorsement."""
    network = object_for(request, Network, "take_part", slug=slug)
    is_coordinator = network.permits(request.user, "edit")
    initial = {"contact": request.user, "owner_organisation": _represented(network, request.user)}
    form = with_token(GoalForm)(request.POST or None, instance=Goal(network=network), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            goal = services.goal_create(
                network=network, user=request.user, data=form.goal_data(), agreements=form.cleaned_data["agreements"]
            )
        except DomainError as error:
            show_errors(form, error)
        else:
            if is_coordinator:
                message = _(
                    "The goal %(title)s has been created as a proposal. Add its indicators, then open endorsement "
                    "when it is ready."
                )
            else:
                message = _(
                    "Your proposal %(title)s has been saved. It waits for a coordinator of the network to put it "
                    "to the member organisations for endorsement."
                )
            messages.success(request, message % {"title": goal.title})
            return created(request, back_to(goal))
    context = {"form": form, "network": network, "is_coordinator": is_coordinator}
    return render(request, "networks/goals/goal_form.html", context)


@require_safe
@login_required
def goal_detail(request, pk):
    """The goal: its text and facts, status, linked agreements, endorsement and indicators."""
    goal = object_for(request, goal_page(), pk=pk)
    user = request.user
    may = goal.access(user).rights(MANAGE, "edit", "delete")
    can_manage = may[MANAGE]
    context = {
        "goal": goal,
        "can_manage": can_manage,
        "may": may,
        "next_statuses": services.goal_next_statuses(goal) if can_manage else [],
        "agreements": visible_agreements(goal, user),
        "endorsement": endorsement_panel(goal, user),
        "indicators": indicator_panels(goal, user, timezone.localdate()),
        "panels": render_panels(GOAL_PAGE, request, goal=goal),
    }
    return render(request, "networks/goals/goal_detail.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def goal_edit(request, pk):
    """Edit the goal: a proposal freely; once put to endorsement, a change to its text is a revision with a
    summary that reopens endorsement. A save from a form someone else saved over is refused."""
    goal = object_for(request, Goal.objects.select_related("network"), MANAGE, pk=pk)
    if goal.is_finished:
        messages.error(request, _("An achieved or dropped goal can no longer be changed."))
        return back_to(goal)
    # The form works on a copy: the page keeps showing the saved title while the input is being fixed. After a
    # save over someone else's, show_errors puts the saved version into the form, so saving again overwrites.
    data = request.POST if request.method == "POST" else None
    form = GoalForm(data, instance=copy.copy(goal), has_rounds=goal.rounds.exists())
    if request.method == "POST" and form.is_valid():
        try:
            revision = services.goal_update(
                goal=goal,
                user=request.user,
                data=form.goal_data(),
                expected_version=form.cleaned_data["version"],
                summary=form.cleaned_data.get("summary", ""),
                agreements=form.cleaned_data["agreements"],
            )
        except DomainError as error:
            if refusal := refuse_or_show(request, form, goal, error):
                return refusal
        else:
            if revision is not None:
                messages.success(
                    request,
                    _(
                        "The changes have been saved as revision %(number)s. The member organisations are asked "
                        "to endorse the new text."
                    )
                    % {"number": revision.number},
                )
            else:
                messages.success(request, _("The goal has been saved."))
            return back_to(goal)
    return render(request, "networks/goals/goal_form.html", {"form": form, "goal": goal, "network": goal.network})


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def goal_delete(request, pk):
    """Delete a proposal that was never put to endorsement; any later goal is dropped instead."""
    goal = object_for(request, Goal.objects.select_related("network"), MANAGE, pk=pk)
    if not goal.is_new_proposal:
        messages.error(
            request, _("Only a proposal that was never put to endorsement can be deleted. Drop the goal instead.")
        )
        return back_to(goal)
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        title, network = goal.title, goal.network
        try:
            services.goal_delete(goal=goal)
        except DomainError as error:
            return refuse(request, goal, error)
        messages.success(request, _("The goal %(title)s has been deleted.") % {"title": title})
        return redirect("goals:goal_board", slug=network.slug)
    return render(request, "networks/goals/goal_confirm_delete.html", {"goal": goal})


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def goal_status(request, pk):
    """Move the goal by hand: agreed → in progress → achieved, or drop it with a reason."""
    goal = object_for(request, Goal.objects.select_related("network"), MANAGE, pk=pk)
    if not services.goal_next_statuses(goal):
        messages.error(
            request,
            _("A goal that is %(status)s cannot be moved by hand.") % {"status": goal.status_label.lower()},
        )
        return back_to(goal)
    form = GoalStatusForm(request.POST or None, goal=goal)
    if request.method == "POST" and form.is_valid():
        try:
            goal = services.goal_set_status(
                goal=goal, status=form.cleaned_data["status"], user=request.user, reason=form.cleaned_data["reason"]
            )
        except DomainError as error:
            if refusal := refuse_or_show(request, form, goal, error):
                return refusal
        else:
            messages.success(request, _("The goal is now %(status)s.") % {"status": goal.status_label.lower()})
            return back_to(goal)
    return render(request, "networks/goals/goal_status.html", {"goal": goal, "form": form})

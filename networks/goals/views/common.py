"""What the views of one goal share: fetching it for an action, going back to it, showing a service's refusal."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse

from networks.goals.models import Goal
from portal.access import get_for_user


def goal_for(request, pk, action: str) -> Goal:
    """The goal ``pk``, if the person may do ``action`` on it (404 for outsiders, 403 otherwise)."""
    return get_for_user(request.user, Goal.objects.select_related("network"), action=action, pk=pk)


def to_goal(goal: Goal, anchor: str = ""):
    """Back to the goal's page (at ``anchor``, a section's id, when given)."""
    url = reverse("goals:goal_detail", kwargs={"pk": goal.pk})
    return redirect(f"{url}#{anchor}" if anchor else url)


def refuse(request, goal: Goal, error: ValidationError, anchor: str = ""):
    """A refusal that no form input can mend (the goal's state): said on the goal's page."""
    messages.error(request, " ".join(error.messages))
    return to_goal(goal, anchor)

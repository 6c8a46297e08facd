"""Views of the endorsement of shared goals: the network's rule, opening a round, an organisation's answer,
and the goal's endorsement history (every revision and every answer)."""

import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch, prefetch_related_objects
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from networks.goals import endorsement, services
from networks.goals.endorsement_panel import endorsement_panel, for_the_panel
from networks.goals.forms.endorsement import EndorsementAnswerForm, EndorsementOpenForm, GoalRuleForm
from networks.goals.models import Endorsement, EndorsementRound, Goal, GoalRevision, rule_text
from networks.goals.selectors import endorsement_rounds
from networks.memberships.models import Membership, Network
from portal.lib.access import MembershipStatus
from portal.lib.errors import DomainError
from portal.lib.views import REFUSED, back_to, object_for, refuse_or_show, render_partial, show_errors

_GET_OR_POST = require_http_methods(["GET", "HEAD", "POST"])


def _active_member_count(network: Network) -> int:
    return Membership.objects.filter(network=network, status=MembershipStatus.ACTIVE).count()


@_GET_OR_POST
@login_required
def goal_rule(request, slug):
    """How the network agrees its goals: all active members, or a majority of a set number; and the days
    a round gives. Rounds already open keep the rule they opened with."""
    network = object_for(request, Network, "edit", slug=slug)
    # The form works on a copy: the page keeps the saved rule while the input is being fixed.
    form = GoalRuleForm(request.POST or None, instance=copy.copy(network))
    if request.method == "POST" and form.is_valid():
        try:
            services.network_goal_rule_update(network=network, **form.rule_data())
        except DomainError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("The rule for agreeing goals has been saved."))
            return redirect("goals:goal_board", slug=network.slug)
    context = {
        "form": form,
        "network": network,
        "rule": rule_text(network.goal_rule, network.goal_rule_size),
        "active_members": _active_member_count(network),
        "open_rounds": EndorsementRound.objects.open().filter(goal__network=network).count(),
    }
    return render(request, "networks/goals/goal_rule.html", context)


@_GET_OR_POST
@login_required
def endorsement_open(request, pk):
    """A coordinator asks the member organisations to endorse the goal's current text by a deadline."""
    goal = object_for(request, Goal.objects.select_related("network"), "manage", pk=pk)
    if not endorsement.may_open_endorsement(goal):
        messages.error(request, _("Endorsement can be opened for a proposed goal, or again for a revised one."))
        return back_to(goal)
    network = goal.network
    form = EndorsementOpenForm(request.POST or None, network=network)
    if request.method == "POST" and form.is_valid():
        try:
            round_ = endorsement.endorsement_open(goal=goal, user=request.user, deadline=form.cleaned_data["deadline"])
        except DomainError as error:
            if refusal := refuse_or_show(request, form, goal, error):
                return refusal
        else:
            messages.success(
                request,
                _(
                    "Endorsement is open until %(deadline)s. The representatives and deputies of the member "
                    "organisations have been asked by e-mail to answer."
                )
                % {"deadline": date_format(round_.deadline, "SHORT_DATE_FORMAT")},
            )
            return back_to(goal)
    context = {
        "form": form,
        "goal": goal,
        "network": network,
        "revision": goal.current_revision(),
        "rule": rule_text(network.goal_rule, network.goal_rule_size),
        "active_members": _active_member_count(network),
    }
    return render(request, "networks/goals/endorsement_open.html", context)


# The goal page's endorsement panel: the region answering in it renders again with htmx.
PANEL = "networks/goals/includes/endorsement_panel.html"
PANEL_STATUS = "endorsement-status"
# What an answer may have changed in the goal (the status, once the rule is met).
ANSWERED_FIELDS = ["status", "status_changed_at", "revision", "updated_at"]


def _panel(request, goal: Goal, *, form=None, error: str = "", choices=None, message: str = "", fresh=False):
    """The endorsement panel alone, as the goal stands now (``fresh``: the goal's fields have just been read
    again): after an answer (``message`` in its live region), or with the answer ``form``'s errors or a
    refusal (``error``)."""
    if not fresh:
        goal.refresh_from_db(fields=ANSWERED_FIELDS)
    prefetch_related_objects([goal], endorsement_rounds())
    panel = endorsement_panel(goal, request.user)
    if form is not None and "answer_form" in panel:
        panel["answer_form"] = for_the_panel(form, goal, choices)
    context = {"endorsement": panel, "answer_error": error, "answered_here": True}
    status = REFUSED if error or form is not None else 200
    return render_partial(
        request, PANEL, "panel", context, status_id=PANEL_STATUS, message=message or error, status=status
    )


def _answered(request, goal: Goal, organisation):
    """After a saved answer: the panel again with htmx, else the goal's page with messages."""
    said = [_("The answer of %(name)s has been recorded.") % {"name": organisation.name}]
    goal.refresh_from_db(fields=ANSWERED_FIELDS)
    if not goal.is_under_endorsement:
        said.append(_("The rule is met: the member organisations have agreed the goal."))
    if request.htmx:
        return _panel(request, goal, message=" ".join(said), fresh=True)
    for message in said:
        messages.success(request, message)
    return back_to(goal)


@_GET_OR_POST
@login_required
def endorsement_answer(request, pk):
    """The representative or deputy of an active member organisation answers for it: agree, agree with
    reservations, or object. Only their own organisations are offered; the service checks again. The goal
    page's panel sends its form here with htmx: the panel is rendered again in place (with the form's errors,
    or a refusal)."""
    goal = object_for(request, Goal.objects.select_related("network"), "answer", pk=pk)
    round_ = goal.rounds.open().select_related("revision").first()
    if round_ is None:
        if request.htmx:
            return _panel(request, goal, error=_("The goal is not under endorsement now."))
        messages.error(request, _("The goal is not under endorsement now."))
        return back_to(goal)
    organisations = endorsement.answering_organisations(goal, request.user)
    form = EndorsementAnswerForm(request.POST or None, organisations=organisations, round_=round_)
    if request.method == "POST" and form.is_valid():
        organisation = form.cleaned_data["organisation"]
        try:
            endorsement.endorsement_answer(
                goal=goal,
                organisation=organisation,
                user=request.user,
                answer=form.cleaned_data["answer"],
                reason=form.cleaned_data["reason"],
                round_id=form.cleaned_data["round"],
            )
        except DomainError as error:
            if refusal := _refusal(request, goal, form, error, organisations):
                return refusal
        else:
            return _answered(request, goal, organisation)
    if request.method == "POST" and request.htmx:
        summary = " ".join(str(message) for errors in form.errors.values() for message in errors)
        return _panel(request, goal, form=form, choices=_choices(organisations), message=summary)
    return render(request, "networks/goals/endorsement_answer.html", _answer_page(goal, round_, organisations, form))


def _choices(organisations) -> list[tuple[int, str]]:
    return [(organisation.pk, organisation.name) for organisation in organisations]


def _refusal(request, goal: Goal, form, error: DomainError, organisations):
    """A refused answer. From the panel (htmx): about a field, on the form; about the goal's state (the round
    closed meanwhile), above the panel as it is now. Without htmx as ever (:func:`refuse_or_show`): the
    goal's page with the message, or None to show the answer page's form with the errors."""
    if not request.htmx:
        return refuse_or_show(request, form, goal, error)
    if hasattr(error, "error_dict"):
        show_errors(form, error)
        return _panel(request, goal, form=form, choices=_choices(organisations), message=str(error))
    return _panel(request, goal, form=form, error=str(error), choices=_choices(organisations))


def _answer_page(goal: Goal, round_: EndorsementRound, organisations, form) -> dict:
    """The answer page's context: the text to endorse, the rule, and the answers already given."""
    current = {
        answer.organisation_id: answer
        for answer in Endorsement.objects.filter(
            round=round_, is_current=True, organisation__in=[organisation.pk for organisation in organisations]
        ).select_related("organisation")
    }
    return {
        "form": form,
        "goal": goal,
        "round": round_,
        "revision": round_.revision,
        "rule": rule_text(round_.rule, round_.set_size),
        "organisations": organisations,
        "current_answers": [current[organisation.pk] for organisation in organisations if organisation.pk in current],
        "deadline_passed": round_.deadline < timezone.localdate(),
    }


def endorsement_history():
    """Goals with every revision (newest first), each with its rounds (oldest first) and every answer
    given in them (oldest first, replaced ones too): five queries whatever the history's length."""
    answers = Endorsement.objects.select_related("organisation", "answered_by").order_by("answered_at", "pk")
    rounds = (
        EndorsementRound.objects.select_related("opened_by")
        .prefetch_related(Prefetch("answers", queryset=answers))
        .order_by("opened_at", "pk")
    )
    revisions = (
        GoalRevision.objects.select_related("created_by")
        .prefetch_related(Prefetch("rounds", queryset=rounds))
        .order_by("-number")
    )
    return Goal.objects.select_related("network").prefetch_related(Prefetch("revisions", queryset=revisions))


@require_safe
@login_required
def goal_endorsements(request, pk):
    """Every revision of the goal's text and every round of endorsement with every answer: who answered
    for which organisation, when, and to which text."""
    goal = object_for(request, endorsement_history(), pk=pk)
    revisions = list(goal.revisions.all())
    for revision in revisions:
        revision.round_list = list(revision.rounds.all())
        for round_ in revision.round_list:
            round_.rule_text = rule_text(round_.rule, round_.set_size)
    return render(request, "networks/goals/endorsements.html", {"goal": goal, "revisions": revisions})

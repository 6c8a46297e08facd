"""The pages of trust survey rounds: a network's surveys, opening one, a round's page with its live response
rate, answering for an organisation, cancelling and closing a round."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from networks.memberships.models import Network
from networks.trust import answering, rounds
from networks.trust.forms.rounds import RoundOpenForm, TrustAnswerForm
from networks.trust.models import SurveyKind, SurveyResponse, SurveyRound
from networks.trust.results import round_close as close_round
from portal.lib.errors import DomainError
from portal.lib.htmx import vary_on_htmx, wants_region
from portal.lib.once import created, creates_once, with_token
from portal.lib.pagination import paginate
from portal.lib.views import object_for, show_errors

_GET_OR_POST = require_http_methods(["GET", "HEAD", "POST"])
# How often the coordinators' view of the response rate refreshes itself (htmx).
REFRESH_SECONDS = 30
# The organisations asked and where their answers stand, a page at a time (not refreshed by htmx).
STATES_PER_PAGE = 50


def trust_rounds():
    return SurveyRound.objects.filter(kind=SurveyKind.TRUST).select_related("network")


def _to_round(round_: SurveyRound):
    return redirect("trust:round_detail", pk=round_.pk)


def _refuse(request, round_: SurveyRound, error: DomainError):
    messages.error(request, str(error))
    return _to_round(round_)


# --- the network's surveys -----------------------------------------------------------------------------


@require_safe
@login_required
def round_list(request, slug):
    """A network's trust surveys, newest first: status, deadline and, for coordinators, the response rate."""
    network = object_for(request, Network, slug=slug)
    is_coordinator = network.permits(request.user, "edit")
    queryset = rounds.with_response_counts(SurveyRound.objects.filter(network=network, kind=SurveyKind.TRUST))
    page_obj = paginate(request, queryset.order_by("-opened_at", "-pk"), per_page=20)
    for round_ in page_obj.object_list:
        round_.percent = rounds.percent(round_.submitted_count, round_.asked_count)
    has_open = SurveyRound.objects.open().filter(network=network, kind=SurveyKind.TRUST).exists()
    context = {
        "network": network,
        "page_obj": page_obj,
        "is_coordinator": is_coordinator,
        "may_open": is_coordinator and not has_open,
        "has_open": has_open,
    }
    return render(request, "networks/trust/rounds/round_list.html", context)


@_GET_OR_POST
@login_required
@creates_once
def round_open(request, slug):
    """A coordinator opens the network's trust survey: its active member organisations are asked."""
    network = object_for(request, Network, "edit", slug=slug)
    form = with_token(RoundOpenForm)(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            round_ = rounds.round_open(network=network, user=request.user, **form.cleaned_data)
        except DomainError as error:
            show_errors(form, error)
        else:
            messages.success(
                request,
                _(
                    "The survey is open until %(deadline)s. The representatives and deputies of the %(count)s "
                    "member organisations asked have been told by e-mail."
                )
                % {
                    "deadline": date_format(round_.deadline, "SHORT_DATE_FORMAT"),
                    "count": round_.organisations.count(),
                },
            )
            return created(request, _to_round(round_))
    context = {
        "form": form,
        "network": network,
        "active_count": rounds.active_organisation_ids(network).count(),
        "open_round": SurveyRound.objects.open().filter(network=network, kind=SurveyKind.TRUST).first(),
    }
    return render(request, "networks/trust/rounds/round_open.html", context)


# --- one round -----------------------------------------------------------------------------------------


def _my_organisations(round_: SurveyRound, user) -> list[dict]:
    """The organisations the person answers for in the round, each with the state of its answer."""
    mine = answering.answering_organisations(round_, user)
    responses = {
        response.organisation_id: response
        for response in SurveyResponse.objects.filter(round=round_, organisation__in=[o.pk for o in mine])
    }
    rows = []
    for organisation in mine:
        state = rounds.answer_state(responses.get(organisation.pk))
        rows.append({"organisation": organisation, "state": state, "label": rounds.AnswerState.LABELS[state]})
    return rows


@require_safe
@login_required
def round_detail(request, pk):
    """What the round asks and where it stands; for coordinators the live response rate (htmx refreshes it
    every 30 seconds; without JavaScript a reload does), for a respondent their organisation's answer."""
    round_ = object_for(request, trust_rounds(), pk=pk)
    may = round_.access(request.user).rights("manage", "answer", "close", "cancel", "see_results")
    context = {
        "round": round_,
        "network": round_.network,
        "may": may,
        "refresh_seconds": REFRESH_SECONDS,
        "results_url": reverse("trust:round_results", kwargs={"pk": round_.pk}) if may["see_results"] else None,
    }
    if may["manage"]:
        context["rate"] = rounds.response_rate(round_)
        if wants_region(request):  # the live part: the counts and the bar only, whatever the network's size
            return vary_on_htmx(render(request, "networks/trust/rounds/round_detail.html#progress", context))
        states_page = paginate(request, rounds.organisation_states(round_), per_page=STATES_PER_PAGE)
        states_page.object_list = rounds.as_states(states_page.object_list)
        context["states_page"] = states_page
    context.update(
        mine=_my_organisations(round_, request.user) if round_.is_open else [],
        asked_count=context["rate"].asked if may["manage"] else round_.organisations.count(),
        today=timezone.localdate(),
    )
    return vary_on_htmx(render(request, "networks/trust/rounds/round_detail.html", context))


def _confirm(request, pk, *, action: str, service, done: str, template: str):
    round_ = object_for(request, trust_rounds(), pk=pk)
    access = round_.access(request.user)
    if not access.permits(action):
        if not round_.is_open and access.permits("manage"):
            messages.error(request, _("The round is no longer open."))
            return _to_round(round_)
        raise PermissionDenied
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        try:
            service(round_=round_, user=request.user)
        except DomainError as error:
            return _refuse(request, round_, error)
        messages.success(request, done)
        return _to_round(round_)
    context = {"round": round_, "network": round_.network, "asked_count": round_.organisations.count()}
    return render(request, template, context)


@_GET_OR_POST
@login_required
def round_cancel(request, pk):
    """A coordinator cancels an open round (a confirmation page first): no results are computed."""
    done = _("The survey has been cancelled.")
    template = "networks/trust/rounds/round_cancel.html"
    return _confirm(request, pk, action="cancel", service=rounds.round_cancel, done=done, template=template)


@_GET_OR_POST
@login_required
def round_close(request, pk):
    """A coordinator closes an open round before its deadline (a confirmation page first): its results are
    computed from the answers submitted so far."""
    done = _("The survey has been closed and its results computed.")
    template = "networks/trust/rounds/round_close.html"
    return _confirm(request, pk, action="close", service=close_round, done=done, template=template)


# --- answering -----------------------------------------------------------------------------------------


def _chosen(request, organisations):
    """The organisation the person answers for now: the only one, or the one ``?organisation=`` names
    (None: they must choose). An organisation they do not answer for is not found."""
    wanted = request.GET.get("organisation")
    if wanted is None:
        return organisations[0] if len(organisations) == 1 else None
    for organisation in organisations:
        if str(organisation.pk) == wanted:
            return organisation
    raise Http404


def _answer_context(round_, organisation, organisations, form) -> dict:
    return {
        "round": round_,
        "network": round_.network,
        "organisation": organisation,
        "organisations": organisations,
        "form": form,
        "rows": form.rows(),
        "submitted": form.response is not None and form.response.is_submitted,
    }


@_GET_OR_POST
@login_required
def round_answer(request, pk):
    """The representative or deputy answers for their organisation: the relationship with every other
    organisation asked and, for those they work with, trust and value. A draft is saved and resumed;
    a submitted answer can be changed until the deadline."""
    round_ = object_for(request, trust_rounds(), pk=pk)
    if not round_.is_open:
        messages.error(request, _("The survey is no longer open."))
        return _to_round(round_)
    if not round_.permits(request.user, "answer"):
        raise PermissionDenied
    organisations = answering.answering_organisations(round_, request.user)
    organisation = _chosen(request, organisations) if organisations else None
    if organisation is None:
        context = {"round": round_, "network": round_.network, "organisations": organisations}
        return render(request, "networks/trust/rounds/round_answer_choose.html", context)
    response, saved = answering.saved_answer(round_, organisation.pk)
    rated = answering.rated_organisations(round_, organisation.pk)
    form = TrustAnswerForm(request.POST or None, rated=rated, saved=saved, response=response)
    if request.method == "POST" and form.is_valid():
        try:
            response = answering.response_save(
                round_=round_,
                organisation_id=organisation.pk,
                user=request.user,
                answers=form.cleaned_data["answers"],
                submit=form.submitting,
                version=form.edit_version(),
            )
        except DomainError as error:
            show_errors(form, error)
        else:
            if response.is_submitted:
                messages.success(request, _("The answer of %(name)s has been submitted.") % {"name": organisation.name})
                return _to_round(round_)
            messages.success(request, _("The draft has been saved. You can continue later from this page."))
            return redirect(f"{request.path}?organisation={organisation.pk}")
    return render(
        request, "networks/trust/rounds/round_answer.html", _answer_context(round_, organisation, organisations, form)
    )

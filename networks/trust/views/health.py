"""The pages of partnership health checks: a network's list, opening one, its page (the response rate while
open, the aggregate once closed), an organisation's answer, closing and cancelling, and the draft review
meeting made of its reds and ambers."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from networks.memberships.models import Network
from networks.trust import health, review
from networks.trust.forms.health import HealthAnswerForm, HealthOpenForm
from networks.trust.models import RoundStatus, SurveyKind, SurveyResponse, SurveyRound
from networks.trust.results import round_close
from partners.agreements.models import Agreement
from partners.directory.models import Organisation
from portal.lib.errors import DomainError
from portal.lib.once import created, creates_once, with_token
from portal.lib.pagination import paginate
from portal.lib.views import object_for, show_errors

_GET_OR_POST = require_http_methods(["GET", "HEAD", "POST"])
PAGE_RIGHTS = ("manage", "answer", "close", "cancel", "see_results")


def _checks():
    return SurveyRound.objects.filter(kind=SurveyKind.HEALTH).select_related("network", "agreement")


def _back(round_):
    return redirect(health.health_url(round_))


# --- the network's list and opening one ----------------------------------------------------------------


@require_safe
@login_required
def health_list(request, slug):
    """The network's health checks, newest first, with each one's response count; ``?agreement=`` those of
    one agreement."""
    network = object_for(request, Network, slug=slug)
    checks = _checks().filter(network=network)
    agreement = None
    if request.GET.get("agreement"):
        agreement = Agreement.objects.filter(network=network, pk=_number(request.GET["agreement"])).first()
        if agreement is None:
            raise Http404
        checks = checks.filter(agreement=agreement)
    checks = checks.annotate(
        asked_count=Count("organisations", distinct=True),
        responded_count=Count("responses", filter=Q(responses__submitted_at__isnull=False), distinct=True),
    ).order_by("-opened_at", "-pk")
    context = {
        "network": network,
        "agreement": agreement,
        "page_obj": paginate(request, checks),
        "may_open": network.permits(request.user, "edit"),
    }
    return render(request, "networks/trust/health/list.html", context)


def _number(value) -> int | None:
    return int(value) if str(value).isdigit() else None


@_GET_OR_POST
@login_required
@creates_once
def health_create(request, slug):
    """A coordinator opens a health check of one agreement or of the whole network."""
    network = object_for(request, Network, "edit", slug=slug)
    initial = {"agreement": _number(request.GET.get("agreement", ""))}
    form = with_token(HealthOpenForm)(request.POST or None, network=network, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            round_ = health.health_open(network=network, user=request.user, **form.cleaned_data)
        except DomainError as error:
            show_errors(form, error)
        else:
            messages.success(
                request,
                _(
                    "The health check is open until %(deadline)s. The representatives and deputies of the "
                    "%(count)s organisations asked have been told by e-mail."
                )
                % {
                    "deadline": date_format(round_.deadline, "SHORT_DATE_FORMAT"),
                    "count": round_.organisations.count(),
                },
            )
            return created(request, _back(round_))
    return render(request, "networks/trust/health/open.html", {"form": form, "network": network})


# --- one health check -----------------------------------------------------------------------------------


def _states(round_, organisation_ids) -> list[dict]:
    """The answer of each organisation the person speaks for: not started, a draft, or submitted."""
    responses = {
        response.organisation_id: response
        for response in SurveyResponse.objects.filter(round=round_, organisation__in=organisation_ids)
    }
    return [
        {"organisation": organisation, "response": responses.get(organisation.pk)}
        for organisation in Organisation.objects.filter(pk__in=organisation_ids).order_by("name", "pk")
    ]


def _rate(round_) -> dict:
    counts = round_.responses.aggregate(
        submitted=Count("pk", filter=Q(submitted_at__isnull=False)),
        drafts=Count("pk", filter=Q(submitted_at__isnull=True)),
    )
    asked = round_.organisations.count()
    return {**counts, "asked": asked, "percent": round(100 * counts["submitted"] / asked) if asked else 0}


@require_safe
@login_required
def health_detail(request, pk):
    """The health check: while open, the person's own organisations' answers and, for coordinators, the
    response rate; once closed, the counts per aspect and the comments without names."""
    round_ = object_for(request, _checks().select_related("review_meeting"), pk=pk)
    access = round_.access(request.user)
    may = access.rights(*PAGE_RIGHTS)
    context = {"round": round_, "may": may, "is_cancelled": round_.status == RoundStatus.CANCELLED}
    if round_.is_open:
        context["states"] = _states(round_, access.answers_for) if may["answer"] and access.answers_for else []
        context["rate"] = _rate(round_) if may["manage"] else None
    elif may["see_results"]:
        result = getattr(round_, "result", None)
        context["result"] = result
        context["for_parties"] = not access.permits("see_answers")
        context["too_few"] = _too_few(result, may) and not context["for_parties"]
        if result is not None and not context["for_parties"] and not context["too_few"]:
            context["aspects"] = health.aspect_rows(result)
            context["has_comments"] = any(row["comments"] for row in context["aspects"])
            context["review_aspects"] = review.review_aspects(result)
            context["shows_answers"] = True
            context["coordinators_only"] = result.responded < result.threshold
    return render(request, "networks/trust/health/detail.html", context)


def _too_few(result, may) -> bool:
    """Whether too few organisations answered for the counts and comments to be shown to a non-coordinator
    (the network's threshold stored when the check closed); coordinators always see them."""
    return result is not None and not may["manage"] and result.responded < result.threshold


def _answering_organisation(request, organisation_ids):
    """The organisation being answered for: the only one, or the one ``?organisation=`` names."""
    if len(organisation_ids) == 1:
        return Organisation.objects.get(pk=next(iter(organisation_ids)))
    chosen = _number(request.GET.get("organisation", ""))
    if chosen is None:
        return None
    if chosen not in organisation_ids:
        raise Http404
    return Organisation.objects.get(pk=chosen)


@_GET_OR_POST
@login_required
def health_answer(request, pk):
    """The representative or deputy of an asked organisation rates each aspect; a draft is saved and
    resumed, and the answer submitted (again, until the check closes)."""
    round_ = object_for(request, _checks(), "answer", pk=pk)
    if not round_.is_open:  # an administrator passes the access check whatever the state
        messages.error(request, _("The health check is closed: answers can no longer be changed."))
        return _back(round_)
    organisation_ids = round_.access(request.user).answers_for
    organisation = _answering_organisation(request, organisation_ids)
    context = {"round": round_, "organisation": organisation}
    if organisation is None:
        context["states"] = _states(round_, organisation_ids)
        return render(request, "networks/trust/health/answer.html", context)
    responses = SurveyResponse.objects.filter(round=round_, organisation=organisation)
    response = responses.prefetch_related("health_ratings").first()
    submitting = request.POST.get("action") == "submit"
    form = HealthAnswerForm(request.POST or None, response=response, submitting=submitting)
    if request.method == "POST" and form.is_valid():
        try:
            health.health_answer(
                round_=round_,
                organisation=organisation,
                user=request.user,
                ratings=form.ratings(),
                submit=submitting,
                version=form.cleaned_data["version"],
            )
        except DomainError as error:
            show_errors(form, error)
        else:
            if submitting:
                messages.success(request, _("The answer of %(name)s has been submitted.") % {"name": organisation.name})
                return _back(round_)
            messages.success(request, _("The draft has been saved. You can come back to it until the deadline."))
            return redirect(f"{request.path}?organisation={organisation.pk}")
    context.update({"form": form, "response": response, "several": len(organisation_ids) > 1})
    return render(request, "networks/trust/health/answer.html", context)


# --- closing, cancelling and the review meeting ---------------------------------------------------------


def _confirm(request, pk):
    """The check (coordinators only) and whether the step was confirmed; a message when it is no longer open."""
    round_ = object_for(request, _checks(), "manage", pk=pk)
    if round_.status != RoundStatus.OPEN:
        messages.error(request, _("The health check is no longer open."))
        return round_, False
    return round_, request.method == "POST" and request.POST.get("confirm") == "yes"


@_GET_OR_POST
@login_required
def health_close(request, pk):
    """Close the check now (confirmation first) and compute its figures."""
    round_, confirmed = _confirm(request, pk)
    if not round_.is_open:
        return _back(round_)
    if confirmed:
        try:
            round_close(round_=round_, user=request.user)
        except DomainError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The health check has been closed: the results are below."))
        return _back(round_)
    return render(request, "networks/trust/health/confirm.html", {"round": round_, "action": "close"})


@_GET_OR_POST
@login_required
def health_cancel(request, pk):
    """Cancel the check (confirmation first): no results are computed."""
    round_, confirmed = _confirm(request, pk)
    if not round_.is_open:
        return _back(round_)
    if confirmed:
        try:
            health.health_cancel(round_=round_, user=request.user)
        except DomainError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The health check has been cancelled."))
        return _back(round_)
    return render(request, "networks/trust/health/confirm.html", {"round": round_, "action": "cancel"})


@require_POST
@login_required
@creates_once
def health_review_create(request, pk):
    """Make the draft review meeting of a closed check's reds and ambers, or go to the one made before."""
    round_ = object_for(request, _checks(), "manage", pk=pk)
    try:
        meeting, made = review.review_meeting_create(round_=round_, user=request.user)
    except DomainError as error:
        messages.error(request, str(error))
        return _back(round_)
    if made:
        messages.success(
            request,
            _(
                "A draft review meeting has been made with an agenda item for each aspect rated red or amber. "
                "Check its time and place."
            ),
        )
    else:
        messages.info(request, _("The review meeting was made already: here it is."))
    return created(request, redirect(meeting.get_absolute_url()))

"""Views of one partner agreement: its page, creating and editing it, and its lifecycle."""

import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from networks.memberships.models import Network
from partners.agreements import services
from partners.agreements.access import AGREEMENT_PAGE
from partners.agreements.forms.agreements import AgreementForm, AgreementTerminateForm
from partners.agreements.models import Agreement
from partners.agreements.scorecard import agreement_scorecard
from partners.agreements.selectors import agreement_chain, agreement_page
from portal.lib.errors import DomainError
from portal.lib.once import created, creates_once, with_token
from portal.lib.views import back_to, object_for, refuse, refuse_or_show, show_errors

MANAGE = "manage"


def _managed(request, pk) -> Agreement:
    """The agreement ``pk``, if the person may manage it (404 outsiders, 403 others)."""
    return object_for(request, Agreement.objects.select_related("network"), MANAGE, pk=pk)


def _chain(agreement: Agreement) -> list[Agreement]:
    """The versions of the agreement; no query for an agreement that neither renews nor was renewed."""
    if agreement.renewal_of_id is None and not agreement.is_renewed:
        return [agreement]
    return agreement_chain(agreement)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
@creates_once
def agreement_create(request, network):
    """A new draft agreement of the network; the one who creates it is responsible for it unless they choose."""
    network = object_for(request, Network, "edit", slug=network)
    form = with_token(AgreementForm)(
        request.POST or None, instance=Agreement(network=network), initial={"coordinator": request.user}
    )
    if request.method == "POST" and form.is_valid():
        try:
            agreement = services.agreement_create(network=network, created_by=request.user, **form.agreement_data())
        except DomainError as error:
            show_errors(form, error)
        else:
            messages.success(
                request,
                _("The draft agreement %(title)s has been created. Add its parties next.") % {"title": agreement},
            )
            return created(request, back_to(agreement))
    return render(request, "partners/agreements/agreement_form.html", {"form": form, "network": network})


@require_safe
@login_required
def agreement_detail(request, pk):
    """The agreement: its text, parties, signatures and, for those with the right, commitments and documents.

    The page is also the printable document (A4, see static/css/agreements.css).
    """
    agreement = object_for(request, agreement_page(), pk=pk)
    access = agreement.access(request.user)
    may = access.rights(*AGREEMENT_PAGE)
    parties = list(agreement.parties.all())
    for party in parties:
        party.viewer_may_sign = access.offers_signing(party)
    details = may["details"]
    context = {
        "agreement": agreement,
        "parties": parties,
        "may": may,
        "documents": list(agreement.documents.all()) if details else [],
        "amendments": list(agreement.amendments.all()) if details else [],
        "chain": _chain(agreement),
        # The next version, if this one has been renewed (fetched with the agreement).
        "renewal": agreement.renewal if agreement.is_renewed else None,
        "scorecard": agreement_scorecard(agreement, parties) if details else None,
    }
    return render(request, "partners/agreements/agreement_detail.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def agreement_edit(request, pk):
    """Edit the agreement's text: freely as a draft; in negotiation a change clears the signatures; in force
    a change is an amendment with a summary. A save from a form someone else saved over is refused."""
    agreement = _managed(request, pk)
    if not agreement.permits(request.user, "edit"):
        messages.error(request, _("An expired or terminated agreement can no longer be changed. Renew it instead."))
        return back_to(agreement)
    # The form works on a copy: the page keeps showing the saved title while the input is being fixed.
    form = AgreementForm(request.POST if request.method == "POST" else None, instance=copy.copy(agreement))
    if request.method == "POST" and form.is_valid():
        try:
            amendment = services.agreement_update(
                agreement=agreement,
                data=form.agreement_data(),
                user=request.user,
                expected_version=form.cleaned_data["version"],
                amendment_summary=form.cleaned_data.get("amendment_summary", ""),
            )
        except DomainError as error:
            # A stale edit also gives the form the saved version: saving again replaces it.
            show_errors(form, error)
        else:
            if amendment is not None:
                messages.success(
                    request, _("The changes have been saved as amendment %(number)s.") % {"number": amendment.number}
                )
            else:
                messages.success(request, _("The agreement has been saved."))
            return back_to(agreement)
    return render(request, "partners/agreements/agreement_form.html", {"form": form, "agreement": agreement})


def _transition(request, pk, service, success: str):
    agreement = _managed(request, pk)
    try:
        service(agreement=agreement)
    except DomainError as error:
        return refuse(request, agreement, error)
    messages.success(request, success)
    return back_to(agreement)


@require_POST
@login_required
def agreement_negotiate(request, pk):
    """Send a draft to the parties for signing."""
    return _transition(
        request,
        pk,
        services.agreement_start_negotiation,
        _("The agreement has been sent to the parties for signing. It comes into force when every party has signed."),
    )


@require_POST
@login_required
def agreement_back_to_draft(request, pk):
    """Take an agreement in negotiation back to drafting (the signatures given so far are cleared)."""
    return _transition(
        request,
        pk,
        services.agreement_back_to_draft,
        _("The agreement is a draft again. The signatures given so far have been cleared."),
    )


def _confirm(request, agreement, **context):
    """The shared confirmation page (templates/partners/agreements/agreement_confirm.html lists its context)."""
    return render(request, "partners/agreements/agreement_confirm.html", {"agreement": agreement, **context})


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def agreement_terminate(request, pk):
    """End an agreement in negotiation or in force early, with a reason and a date."""
    agreement = _managed(request, pk)
    if not agreement.permits(request.user, "terminate"):
        messages.error(request, _("Only an agreement in negotiation or in force can be terminated."))
        return back_to(agreement)
    form = AgreementTerminateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.agreement_terminate(
                agreement=agreement,
                reason=form.cleaned_data["reason"],
                terminated_on=form.cleaned_data["terminated_on"],
            )
        except DomainError as error:
            if (refusal := refuse_or_show(request, form, agreement, error)) is not None:
                return refusal
        else:
            messages.success(request, _("The agreement has been terminated."))
            return back_to(agreement)
    return _confirm(
        request,
        agreement,
        title=_("Terminate the agreement"),
        message=_(
            "Terminating ends the agreement before its end date. The parties see the date and the reason. "
            "This cannot be undone: to continue the cooperation later, make a new agreement."
        ),
        form=form,
        confirm_label=_("Terminate the agreement"),
        confirm_class="btn-danger",
    )


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
@creates_once
def agreement_renew(request, pk):
    """Start the next version of the agreement: a new draft with the same text, parties and commitments."""
    agreement = _managed(request, pk)
    if request.method != "POST" and not agreement.permits(request.user, "renew"):
        messages.error(request, _("Only an agreement in force or expired, and not yet renewed, can be renewed."))
        return back_to(agreement)
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        try:
            renewal = services.agreement_renew(agreement=agreement, user=request.user)
        except DomainError as error:
            return refuse(request, agreement, error)
        messages.success(
            request,
            _("Version %(version)s has been created as a draft. Check its dates and text, then send it for signing.")
            % {"version": renewal.version},
        )
        return created(request, back_to(renewal))
    return _confirm(
        request,
        agreement,
        title=_("Renew the agreement"),
        message=_(
            "A new version is created as a draft, with the same text, parties and commitments but no signatures. "
            "It runs from the day after this one ends. This version stays as it is until the new one comes into force."
        ),
        confirm_label=_("Create the new version"),
        creates=True,
        confirm_class="btn-primary",
    )


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def agreement_delete(request, pk):
    """Delete a draft; an agreement that has been sent for signing is terminated instead."""
    agreement = _managed(request, pk)
    if not agreement.permits(request.user, "delete"):
        messages.error(request, _("Only a draft can be deleted. Terminate the agreement instead."))
        return back_to(agreement)
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        title = agreement.title
        try:
            services.agreement_delete(agreement=agreement)
        except DomainError as error:
            return refuse(request, agreement, error)
        messages.success(request, _("The draft agreement %(title)s has been deleted.") % {"title": title})
        return redirect("agreements:agreement_list")
    return _confirm(
        request,
        agreement,
        title=_("Delete the draft"),
        message=_("The draft, its parties, commitments and documents are deleted. This cannot be undone."),
        confirm_label=_("Delete the draft"),
        confirm_class="btn-danger",
    )

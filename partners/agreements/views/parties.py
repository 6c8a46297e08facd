"""Views of an agreement's parties: adding, editing (with commitments), removing and signing, and the
agreement's history."""

import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from partners.agreements import history as agreement_history
from partners.agreements import services
from partners.agreements.forms.parties import PartyAddForm, PartyForm, PartySignForm, commitment_formset
from partners.agreements.models import Agreement, AgreementParty
from portal.lib.errors import DomainError
from portal.lib.once import created, creates_once, with_token
from portal.lib.pagination import paginate
from portal.lib.views import back_to, object_for, refuse, refuse_or_show

_GET_OR_POST = require_http_methods(["GET", "HEAD", "POST"])


def _agreement(request, pk, action: str) -> Agreement:
    """The agreement ``pk``, if the person may do ``action`` on it (404 for outsiders, 403 otherwise)."""
    return object_for(request, Agreement.objects.select_related("network"), action, pk=pk)


def _party_of(agreement: Agreement, pk) -> AgreementParty:
    """The party ``pk`` of ``agreement`` (404 when it is another agreement's)."""
    party = get_object_or_404(AgreementParty.objects.select_related("organisation"), pk=pk, agreement=agreement)
    party.agreement = agreement
    return party


def _parties_fixed(request, agreement: Agreement):
    messages.error(request, _("The parties of an agreement in force or ended can no longer change. Renew it instead."))
    return back_to(agreement)


@_GET_OR_POST
@login_required
@creates_once
def party_add(request, pk):
    agreement = _agreement(request, pk, "manage")
    if not agreement.permits(request.user, "edit_parties"):
        return _parties_fixed(request, agreement)
    form = with_token(PartyAddForm)(request.POST or None, agreement=agreement)
    if request.method == "POST" and form.is_valid():
        organisation = form.cleaned_data["organisation"]
        try:
            services.party_add(agreement=agreement, organisation=organisation, **form.service_fields())
        except DomainError as error:
            if (refusal := refuse_or_show(request, form, agreement, error)) is not None:
                return refusal
        else:
            messages.success(request, _("%(name)s has been added as a party.") % {"name": organisation.name})
            if agreement.is_in_negotiation:
                messages.warning(request, _("The signatures given so far have been cleared: the parties sign again."))
            return created(request, back_to(agreement))
    return render(request, "partners/agreements/party_form.html", {"form": form, "agreement": agreement})


@_GET_OR_POST
@login_required
def party_edit(request, pk, party):
    """A party's signatory, objectives, roles and commitments. In negotiation a change clears the
    signatures; in force it is an amendment with a summary."""
    agreement = _agreement(request, pk, "manage")
    party = _party_of(agreement, party)
    if not agreement.permits(request.user, "edit"):
        messages.error(request, _("An expired or terminated agreement can no longer be changed. Renew it instead."))
        return back_to(agreement)
    data = request.POST if request.method == "POST" else None
    # The form works on a copy: the page keeps showing the saved party while the input is being fixed.
    form = PartyForm(data, instance=copy.copy(party))
    formset = commitment_formset(data, party=party)
    if request.method == "POST" and all([form.is_valid(), formset.is_valid()]):
        try:
            services.party_update(
                party=party,
                data=form.service_fields(),
                commitments=formset.commitments(),
                user=request.user,
                expected_version=form.cleaned_data["version"],
                amendment_summary=form.cleaned_data.get("amendment_summary", ""),
            )
        except DomainError as error:
            # A stale edit also gives the form the saved version: saving again replaces it.
            if (refusal := refuse_or_show(request, form, agreement, error)) is not None:
                return refusal
        else:
            messages.success(request, _("The details of %(name)s have been saved.") % {"name": party.organisation.name})
            return back_to(agreement)
    context = {"form": form, "formset": formset, "agreement": agreement, "party": party}
    return render(request, "partners/agreements/party_form.html", context)


@_GET_OR_POST
@login_required
def party_remove(request, pk, party):
    """GET asks for confirmation; a POST from the confirmation button (``confirm=yes``) removes."""
    agreement = _agreement(request, pk, "manage")
    party = _party_of(agreement, party)
    if not agreement.permits(request.user, "edit_parties"):
        return _parties_fixed(request, agreement)
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        name = party.organisation.name
        try:
            services.party_remove(party=party)
        except DomainError as error:
            return refuse(request, agreement, error)
        messages.success(request, _("%(name)s is no longer a party.") % {"name": name})
        return back_to(agreement)
    return render(request, "partners/agreements/party_confirm_remove.html", {"agreement": agreement, "party": party})


@_GET_OR_POST
@login_required
def party_sign(request, pk, party):
    """Record a party's signature: its representative or deputy, or a coordinator."""
    agreement = _agreement(request, pk, "view")
    party = _party_of(agreement, party)
    if not agreement.access(request.user).permits_signing(party):
        raise PermissionDenied
    if not agreement.is_in_negotiation:
        messages.error(request, _("Signatures are recorded while the agreement is in negotiation."))
        return back_to(agreement)
    if party.has_signed:
        messages.info(request, _("%(name)s has already signed.") % {"name": party.organisation.name})
        return back_to(agreement)
    initial = {"signatory_name": party.signatory_name, "signatory_title": party.signatory_title}
    form = PartySignForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.party_sign(party=party, user=request.user, **form.cleaned_data)
        except DomainError as error:
            if (refusal := refuse_or_show(request, form, agreement, error)) is not None:
                return refusal
        else:
            name = party.organisation.name
            messages.success(request, _("The signature of %(name)s has been recorded.") % {"name": name})
            if agreement.is_in_force:
                messages.success(request, _("Every party has signed: the agreement is now in force."))
            return back_to(agreement)
    return render(
        request, "partners/agreements/party_sign.html", {"form": form, "agreement": agreement, "party": party}
    )


@require_safe
@login_required
def history(request, pk):
    """Every change to the agreement, its parties, commitments and documents: who, when and what."""
    agreement = _agreement(request, pk, "history")
    page_obj = paginate(request, agreement_history.agreement_events(agreement))
    context = {
        "agreement": agreement,
        "page_obj": page_obj,
        "entries": agreement_history.describe(page_obj.object_list),
    }
    return render(request, "partners/agreements/agreement_history.html", context)

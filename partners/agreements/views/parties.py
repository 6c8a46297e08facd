"""Views of an agreement's parties (issue 4): adding, editing (with commitments), removing and signing,
and the agreement's history."""

import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from partners.agreements import history as agreement_history
from partners.agreements import services as agreement_services
from partners.agreements.forms.parties import PartyAddForm, PartyForm, PartySignForm, commitment_formset
from partners.agreements.models import Agreement, AgreementParty, AgreementStatus
from partners.agreements.views.common import add_service_errors, agreement_for, refuse, to_detail
from portal.lib.pagination import paginate

_GET_OR_POST = require_http_methods(["GET", "HEAD", "POST"])


def _party_of(agreement: Agreement, pk) -> AgreementParty:
    """The party ``pk`` of ``agreement`` (404 when it is another agreement's)."""
    party = get_object_or_404(AgreementParty.objects.select_related("organisation"), pk=pk, agreement=agreement)
    party.agreement = agreement
    return party


def _parties_fixed(request, agreement: Agreement):
    messages.error(request, _("The parties of an agreement in force or ended can no longer change. Renew it instead."))
    return to_detail(agreement)


@_GET_OR_POST
@login_required
def party_add(request, pk):
    agreement = agreement_for(request, pk, "manage")
    if not agreement.is_open:
        return _parties_fixed(request, agreement)
    form = PartyAddForm(request.POST or None, agreement=agreement)
    if request.method == "POST" and form.is_valid():
        organisation = form.cleaned_data["organisation"]
        try:
            agreement_services.party_add(agreement=agreement, organisation=organisation, **form.service_fields())
        except ValidationError as error:
            if getattr(error, "code", None) == "invalid_state":
                return refuse(request, agreement, error)
            add_service_errors(form, error)
        else:
            messages.success(request, _("%(name)s has been added as a party.") % {"name": organisation.name})
            if agreement.status == AgreementStatus.NEGOTIATION:
                messages.warning(request, _("The signatures given so far have been cleared: the parties sign again."))
            return to_detail(agreement)
    return render(request, "partners/agreements/party_form.html", {"form": form, "agreement": agreement})


@_GET_OR_POST
@login_required
def party_edit(request, pk, party):
    """A party's signatory, objectives, roles and commitments. In negotiation a change clears the
    signatures; in force it is an amendment with a summary."""
    agreement = agreement_for(request, pk, "manage")
    party = _party_of(agreement, party)
    if agreement.is_closed:
        messages.error(request, _("An expired or terminated agreement can no longer be changed. Renew it instead."))
        return to_detail(agreement)
    # A mutable copy: after a refused save the form carries the current version, so saving again overwrites.
    data = request.POST.copy() if request.method == "POST" else None
    # The form works on a copy: the page keeps showing the saved party while the input is being fixed.
    form = PartyForm(data, instance=copy.copy(party))
    formset = commitment_formset(data, party=party)
    if request.method == "POST" and all([form.is_valid(), formset.is_valid()]):
        try:
            agreement_services.party_update(
                party=party,
                data=form.service_fields(),
                commitments=formset.commitments(),
                user=request.user,
                expected_version=form.cleaned_data["version"],
                amendment_summary=form.cleaned_data.get("amendment_summary", ""),
            )
        except agreement_services.AgreementChangedError as error:
            form.data["version"] = error.current_version.isoformat()
            form.add_error(None, str(error))
        except ValidationError as error:
            if getattr(error, "code", None) == "invalid_state":
                return refuse(request, agreement, error)
            add_service_errors(form, error)
        else:
            messages.success(request, _("The details of %(name)s have been saved.") % {"name": party.organisation.name})
            return to_detail(agreement)
    context = {"form": form, "formset": formset, "agreement": agreement, "party": party}
    return render(request, "partners/agreements/party_form.html", context)


@_GET_OR_POST
@login_required
def party_remove(request, pk, party):
    """GET asks for confirmation; a POST from the confirmation button (``confirm=yes``) removes."""
    agreement = agreement_for(request, pk, "manage")
    party = _party_of(agreement, party)
    if not agreement.is_open:
        return _parties_fixed(request, agreement)
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        name = party.organisation.name
        try:
            agreement_services.party_remove(party=party)
        except ValidationError as error:
            return refuse(request, agreement, error)
        messages.success(request, _("%(name)s is no longer a party.") % {"name": name})
        return to_detail(agreement)
    return render(request, "partners/agreements/party_confirm_remove.html", {"agreement": agreement, "party": party})


@_GET_OR_POST
@login_required
def party_sign(request, pk, party):
    """Record a party's signature: its representative or deputy, or a coordinator."""
    agreement = agreement_for(request, pk, "view")
    party = _party_of(agreement, party)
    if not (request.user.is_superuser or agreement.access(request.user).may_sign(party)):
        raise PermissionDenied
    if agreement.status != AgreementStatus.NEGOTIATION:
        messages.error(request, _("Signatures are recorded while the agreement is in negotiation."))
        return to_detail(agreement)
    if party.has_signed:
        messages.info(request, _("%(name)s has already signed.") % {"name": party.organisation.name})
        return to_detail(agreement)
    initial = {"signatory_name": party.signatory_name, "signatory_title": party.signatory_title}
    form = PartySignForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            agreement_services.party_sign(party=party, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            if getattr(error, "code", None) == "invalid_state":
                return refuse(request, agreement, error)
            add_service_errors(form, error)
        else:
            name = party.organisation.name
            messages.success(request, _("The signature of %(name)s has been recorded.") % {"name": name})
            if agreement.is_in_force:
                messages.success(request, _("Every party has signed: the agreement is now in force."))
            return to_detail(agreement)
    return render(
        request, "partners/agreements/party_sign.html", {"form": form, "agreement": agreement, "party": party}
    )


@require_safe
@login_required
def history(request, pk):
    """Every change to the agreement, its parties, commitments and documents: who, when and what."""
    agreement = agreement_for(request, pk, "history")
    page_obj = paginate(request, agreement_history.agreement_events(agreement))
    context = {
        "agreement": agreement,
        "page_obj": page_obj,
        "entries": agreement_history.describe(page_obj.object_list),
    }
    return render(request, "partners/agreements/agreement_history.html", context)

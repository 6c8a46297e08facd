"""Agreeing a term: a coordinator opens a round, and the member organisations' representatives answer on the
term's page (in place with htmx, or a normal POST and redirect)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from networks.glossary import endorsement, selectors
from networks.glossary.models import Term, TermStatus
from networks.glossary.views.state import detail_context, term_for
from networks.goals.forms.endorsement import EndorsementAnswerForm, EndorsementOpenForm
from networks.goals.models import rule_text
from networks.memberships.models import Membership
from portal.lib.access import MembershipStatus
from portal.lib.errors import DomainError
from portal.lib.views import REFUSED, back_to, refuse, refuse_or_show, show_errors


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def endorsement_open(request, pk):
    """A coordinator asks the member organisations to agree the term by a deadline."""
    term = term_for(request, Term.objects.select_related("network"), "open", pk)
    if term.rounds.open().exists():
        messages.error(request, _("The term is already under endorsement."))
        return back_to(term, "endorsement")
    network = term.network
    form = EndorsementOpenForm(request.POST or None, network=network)
    if request.method == "POST" and form.is_valid():
        try:
            round_ = endorsement.round_open(term=term, user=request.user, deadline=form.cleaned_data["deadline"])
        except DomainError as error:
            if refusal := refuse_or_show(request, form, term, error):
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
            return back_to(term, "endorsement")
    context = {
        "form": form,
        "term": term,
        "network": network,
        "rule": rule_text(network.goal_rule, network.goal_rule_size),
        "active_members": Membership.objects.filter(network=network, status=MembershipStatus.ACTIVE).count(),
    }
    return render(request, "networks/glossary/endorsement_open.html", context)


@require_POST
@login_required
def term_answer(request, pk):
    """An active member organisation's representative or deputy answers for it; the rule is counted. The
    endorsement section is rendered again in place (htmx), or the page is shown again."""
    term = term_for(request, selectors.term_page(), "answer", pk)
    round_ = term.rounds.open().first()
    if round_ is None:  # closed meanwhile: with htmx the section as it stands now, with the reason
        error = DomainError(_("The term is not under endorsement now."))
        if not request.htmx:
            return refuse(request, term, error, "endorsement")
        context = {**detail_context(request, term), "answer_error": str(error)}
        return render(request, "networks/glossary/term_detail.html#endorsement", context, status=REFUSED)
    organisations = endorsement.answering_organisations(term, request.user)
    form = EndorsementAnswerForm(request.POST, organisations=organisations, round_=round_)
    if form.is_valid():
        try:
            endorsement.term_answer(
                term=term,
                organisation=form.cleaned_data["organisation"],
                user=request.user,
                answer=form.cleaned_data["answer"],
                reason=form.cleaned_data["reason"],
                round_id=form.cleaned_data["round"],
            )
        except DomainError as error:
            if not request.htmx and not hasattr(error, "error_dict"):
                return refuse(request, term, error, "endorsement")
            show_errors(form, error)
        else:
            term.refresh_from_db(fields=["status", "status_changed_at", "updated_at"])
            message = _("The answer of %(name)s has been recorded.") % {"name": form.cleaned_data["organisation"]}
            if term.status == TermStatus.AGREED:
                message += " " + _("The rule is met: the member organisations have agreed the term.")
            if not request.htmx:
                messages.success(request, message)
                return back_to(term, "endorsement")
            context = detail_context(request, term)
            context["answer_saved"] = message
            return render(request, "networks/glossary/term_detail.html#endorsement", context)
    context = detail_context(request, term, answer_form=form)
    template, status = "networks/glossary/term_detail.html", 200
    if request.htmx:  # the section with the form's errors, swapped in (REFUSED)
        template, status = f"{template}#endorsement", REFUSED
    return render(request, template, context, status=status)

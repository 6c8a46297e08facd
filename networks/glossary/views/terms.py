"""The glossary's pages: a network's glossary, proposing a term, a term's page, editing, retiring, and
commenting (in place with htmx, or a normal POST and redirect)."""

import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from networks.glossary import selectors, services
from networks.glossary.forms import GlossaryFilterForm, TermCommentForm, TermForm
from networks.glossary.models import Term
from networks.glossary.views.state import EDIT_WAITS, detail_context, term_for
from networks.memberships.models import Network
from portal.lib.errors import DomainError
from portal.lib.once import created, creates_once, with_token
from portal.lib.pagination import paginate
from portal.lib.views import REFUSED, back_to, object_for, refuse, refuse_or_show, show_errors

_GET_OR_POST = require_http_methods(["GET", "HEAD", "POST"])


def _language() -> str:
    return (get_language() or "fi").split("-")[0]


@require_safe
@login_required
def glossary(request, slug):
    """The network's terms, alphabetically in the reader's language, filtered by status and a search word."""
    network = object_for(request, Network, slug=slug)
    form = GlossaryFilterForm(request.GET or None)
    filters = form.filters()
    terms = selectors.glossary_terms(network, language=_language(), **filters)
    context = {
        "network": network,
        "form": form,
        "filters": {key: value for key, value in filters.items() if value},
        "page_obj": paginate(request, terms),
        "may_propose": network.permits(request.user, "take_part"),
    }
    return render(request, "networks/glossary/glossary.html", context)


@_GET_OR_POST
@login_required
@creates_once
def term_create(request, slug):
    """Propose a term: the network's coordinators and members; the coordinators are told."""
    network = object_for(request, Network, "take_part", slug=slug)
    form = with_token(TermForm)(request.POST or None, instance=Term(network=network), network=network)
    if request.method == "POST" and form.is_valid():
        try:
            term = services.term_propose(
                network=network, user=request.user, data=form.term_data(), related=form.cleaned_data["related"]
            )
        except DomainError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("The term %(term)s has been proposed.") % {"term": term})
            return created(request, back_to(term))
    return render(request, "networks/glossary/term_form.html", {"form": form, "network": network})


@require_safe
@login_required
def term_detail(request, pk):
    """The term: its definition in the reader's language and the others, related terms, where its endorsement
    stands, the discussion and the earlier definitions."""
    term = object_for(request, selectors.term_page(), pk=pk)
    return render(request, "networks/glossary/term_detail.html", detail_context(request, term))


@require_safe
@login_required
def term_history(request, pk):
    """Every earlier definition of the term, newest first, a page at a time."""
    term = object_for(request, Term.objects.select_related("network", "defined_by"), pk=pk)
    versions = selectors.term_versions(term)
    context = {
        "term": term,
        "network": term.network,
        "page_obj": paginate(request, versions, per_page=selectors.VERSIONS_PER_PAGE),
    }
    return render(request, "networks/glossary/term_history.html", context)


@_GET_OR_POST
@login_required
def term_edit(request, pk):
    """Change the term's texts and related terms; the previous text is kept. A stale form is refused. While
    the term is under endorsement only the coordinators change it (a change opens the round again on the new
    text); its proposer is told so on the term's page."""
    term = object_for(request, Term.objects.select_related("network"), pk=pk)
    access = term.access(request.user)
    if access.edit_waits_for_round():
        return refuse(request, term, DomainError(str(EDIT_WAITS)), "endorsement")
    if not access.permits("edit"):
        raise PermissionDenied
    form = TermForm(request.POST or None, instance=copy.copy(term), network=term.network)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.term_update(
                term=term,
                user=request.user,
                data=form.term_data(),
                related=form.cleaned_data["related"],
                version=form.edit_version(),
            )
        except DomainError as error:
            if refusal := refuse_or_show(request, form, term, error):
                return refusal
        else:
            messages.success(request, _saved_message(saved))
            return back_to(term)
    context = {"form": form, "term": term, "network": term.network, "under_endorsement": access.under_endorsement}
    return render(request, "networks/glossary/term_form.html", context)


def _saved_message(term) -> str:
    message = _("The term has been saved.")
    if term.reopened_round is not None:
        deadline = date_format(term.reopened_round.deadline, "SHORT_DATE_FORMAT")
        message += " " + _(
            "The round of endorsement on the earlier text has ended and a new one is open until %(deadline)s: "
            "the representatives and deputies of the member organisations have been asked by e-mail to answer."
        ) % {"deadline": deadline}
    return message


@_GET_OR_POST
@login_required
def term_retire(request, pk):
    """Retire the term after a confirmation: it stays, with its history, but is no longer marked."""
    term = term_for(request, Term.objects.select_related("network"), "retire", pk)
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        try:
            services.term_retire(term=term)
        except DomainError as error:
            return refuse(request, term, error)
        messages.success(request, _("The term %(term)s has been retired.") % {"term": term})
        return redirect("glossary:glossary", slug=term.network.slug)
    return render(request, "networks/glossary/term_retire.html", {"term": term, "network": term.network})


@require_POST
@login_required
@creates_once
def comment_add(request, pk):
    """A comment in the term's discussion: the discussion is rendered again in place (htmx), or the page.
    A second POST of the same form (a double click, a resent request) adds nothing: :mod:`portal.lib.once`."""
    term = term_for(request, selectors.term_page(), "comment", pk)
    form = with_token(TermCommentForm)(request.POST)
    if form.is_valid():
        try:
            services.comment_add(term=term, user=request.user, body=form.cleaned_data["body"])
        except DomainError as error:
            show_errors(form, error)
        else:
            response = created(request, back_to(term, "comments"))
            if not request.htmx:
                messages.success(request, _("Your comment has been added."))
                return response
            form = with_token(TermCommentForm)()
            form.saved = True
    context = detail_context(request, term, comment_form=form)
    template = "networks/glossary/term_detail.html"
    if request.htmx:  # the discussion in place: with the new comment, or with the form's errors (REFUSED)
        return render(request, f"{template}#comments", context, status=REFUSED if form.errors else 200)
    return render(request, template, context)

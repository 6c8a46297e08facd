"""Access-matrix rows of the glossary.

The matrix term is a proposal of the cast's network, made by the coordinator. The network's people read the
glossary; coordinators and members propose and comment; the coordinators edit, retire and open endorsement
(the proposer edits their own proposal too, but not while a round is open on it); the representative of an
active member organisation (the member) answers an open round; observers only read; outsiders get 404.
"""

from tests.access_matrix.rows import NETWORK_READ, NETWORK_WRITE, POST_ONLY, Case, Entry, network_slug, row
from tests.networks.glossary.factories import term

# Coordinators and members propose and comment; observers only read.
TAKE_PART = row(302, 404, 403, 200, 200, 200)
# The representative answers (the member); the coordinator and the observer represent no organisation.
ANSWER = row(302, 404, 403, 200, 403, 200)


def _term(objs):
    if not hasattr(objs, "term"):
        objs.term = term(objs.network, "ohjaus", proposed_by=objs.coordinator)
    return objs.term


def _pk(objs):
    return {"pk": _term(objs).pk}


def _under_endorsement(objs):
    from networks.glossary.endorsement import round_open

    proposal = term(objs.network, "neuvonta", proposed_by=objs.coordinator)
    round_open(term=proposal, user=objs.coordinator)
    return {"pk": proposal.pk}


def _proposed_by_member(objs):
    return {"pk": term(objs.network, "ohjausosaaminen", proposed_by=objs.member).pk}


def _proposed_by_member_under_endorsement(objs):
    from networks.glossary.endorsement import round_open

    proposal = term(objs.network, "ohjauspalvelu", proposed_by=objs.member)
    round_open(term=proposal, user=objs.coordinator)
    return {"pk": proposal.pk}


def _retired(objs):
    return {"pk": term(objs.network, "vanha termi", status="retired", proposed_by=objs.coordinator).pk}


GET = {
    "glossary:glossary": Entry(NETWORK_READ, network_slug, login_redirect=True),
    "glossary:term_create": Entry(TAKE_PART, network_slug, login_redirect=True),
    "glossary:term_detail": Entry(NETWORK_READ, _pk, login_redirect=True),
    "glossary:term_history": Entry(NETWORK_READ, _pk, login_redirect=True),
    "glossary:term_edit": Entry(NETWORK_WRITE, _pk, login_redirect=True),
    "glossary:term_retire": Entry(NETWORK_WRITE, _pk, login_redirect=True),
    "glossary:endorsement_open": Entry(NETWORK_WRITE, _pk, login_redirect=True),
    "glossary:comment_add": Entry(POST_ONLY, _pk),
    "glossary:term_answer": Entry(POST_ONLY, _under_endorsement),
}

# An empty POST: the form back with errors (200) or the question asked again, for whoever may act.
POST = {
    "glossary:term_create": Entry(TAKE_PART, network_slug),
    "glossary:term_edit": Entry(NETWORK_WRITE, _pk),
    "glossary:term_retire": Entry(NETWORK_WRITE, _pk),
    "glossary:endorsement_open": Entry(NETWORK_WRITE, _pk),
    "glossary:comment_add": Entry(TAKE_PART, _pk),
    "glossary:term_answer": Entry(ANSWER, _under_endorsement),
}

READ_ONLY = {"glossary:glossary", "glossary:term_detail", "glossary:term_history"}

CASES = [
    # The member who proposed a term edits it while it is a proposal.
    Case("glossary:term_edit", "proposed by the member", Entry(row(302, 404, 403, 200, 200, 200), _proposed_by_member)),
    # While a round of endorsement is open on it, only the coordinators change it: the proposer is sent back
    # to the term, where they are told so.
    Case(
        "glossary:term_edit",
        "proposed by the member, a round open",
        Entry(row(302, 404, 403, 302, 200, 200), _proposed_by_member_under_endorsement),
    ),
    # A retired term changes no more, whoever asks; nobody comments on it.
    Case("glossary:term_edit", "a retired term", Entry(row(302, 404, 403, 403, 403, 403), _retired)),
    Case("glossary:term_retire", "a retired term", Entry(row(302, 404, 403, 403, 403, 403), _retired)),
    Case("glossary:comment_add", "a retired term", Entry(row(302, 404, 403, 403, 403, 403), _retired), method="post"),
    # Endorsement opens once: with a round open the coordinators are sent back to the term.
    Case("glossary:endorsement_open", "a round open", Entry(row(302, 404, 403, 403, 302, 302), _under_endorsement)),
]

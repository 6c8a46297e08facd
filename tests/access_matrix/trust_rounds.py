"""Access-matrix rows of trust-building: survey rounds: opening and answering.

The matrix round is a trust survey of the cast's network, opened by the coordinator, asking the cast
organisation (the member represents it) and a second active member. Coordinators open, follow, close and
cancel rounds; the member answers for the organisation; the network's people read; outsiders get 404.
"""

from tests import factories
from tests.access_matrix.rows import NETWORK_READ, NETWORK_WRITE, Case, Entry, network_slug, row

# The member represents an organisation the round asks: they answer; the coordinator and the observer speak
# for none (403); the admin may, and is told they answer for no organisation.
ANSWER = row(302, 404, 403, 200, 403, 200)


def _round(objs, **kwargs):
    if not hasattr(objs, "survey_round"):
        other = factories.OrganisationFactory(name="Toinen jäsen")
        factories.MembershipFactory(network=objs.network, organisation=other)
        objs.survey_round = factories.SurveyRoundFactory(
            network=objs.network, opened_by=objs.coordinator, organisations=[objs.organisation, other], **kwargs
        )
    return objs.survey_round


def _round_pk(objs):
    return {"pk": _round(objs).pk}


def _cancelled_round_pk(objs):
    return {"pk": _round(objs, status="cancelled").pk}


def observer_speaks_for_organisation(objs):
    """The observer is the deputy of the cast organisation: they speak for it but only read in the network."""
    from networks.memberships.models import Membership

    Membership.objects.filter(network=objs.network, organisation=objs.organisation).update(deputy=objs.observer)


def _round_pk_observer_deputy(objs):
    observer_speaks_for_organisation(objs)
    return _round_pk(objs)


GET = {
    "trust:round_list": Entry(NETWORK_READ, network_slug, login_redirect=True),
    "trust:round_open": Entry(NETWORK_WRITE, network_slug, login_redirect=True),
    "trust:round_detail": Entry(NETWORK_READ, _round_pk, login_redirect=True),
    "trust:round_answer": Entry(ANSWER, _round_pk, login_redirect=True),
    "trust:round_cancel": Entry(NETWORK_WRITE, _round_pk, login_redirect=True),
    "trust:round_close": Entry(NETWORK_WRITE, _round_pk, login_redirect=True),
}

# An empty POST: the form back with errors (200) or the question asked again, for whoever may act.
POST = {
    "trust:round_open": Entry(NETWORK_WRITE, network_slug),
    "trust:round_answer": Entry(ANSWER, _round_pk),
    "trust:round_cancel": Entry(NETWORK_WRITE, _round_pk),
    "trust:round_close": Entry(NETWORK_WRITE, _round_pk),
}

READ_ONLY = {"trust:round_list", "trust:round_detail"}

CASES = [
    # An observer who represents an asked organisation still only reads: they do not answer.
    Case("trust:round_answer", "GET by an observer who is a deputy", Entry(ANSWER, _round_pk_observer_deputy)),
    Case(
        "trust:round_answer",
        "POST by an observer who is a deputy",
        Entry(ANSWER, _round_pk_observer_deputy),
        method="post",
    ),
    # A round no longer open: those who could have acted are sent to its page; the others refused.
    Case("trust:round_answer", "a cancelled round", Entry(row(302, 404, 302, 302, 302, 302), _cancelled_round_pk)),
    Case("trust:round_cancel", "a cancelled round", Entry(row(302, 404, 403, 403, 302, 302), _cancelled_round_pk)),
    Case("trust:round_close", "a cancelled round", Entry(row(302, 404, 403, 403, 302, 302), _cancelled_round_pk)),
]

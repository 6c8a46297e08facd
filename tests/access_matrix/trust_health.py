"""Access-matrix rows of trust-building: partnership health checks.

The matrix check is an open health check of the whole network asking the cast organisation, whose
representative is the member: the member answers for it; coordinators open, close and cancel checks and make
the review meeting; the observer reads; outsiders get 404. An administrator may open the answer page but
speaks for no organisation (the page says so). An empty POST gives the form or the question back to whoever
may act."""

from tests.access_matrix.rows import NETWORK_READ, NETWORK_WRITE, POST_ONLY, Case, Entry, network_slug, row

# The member represents the asked organisation; the coordinator and the observer speak for none.
ANSWER = row(302, 404, 403, 200, 403, 200)
# Coordinators (and administrators) are led back to the check with a note, or on to the meeting.
REVIEW = row(302, 404, 403, 403, 302, 302)


def _check(objs, **kwargs):
    from tests.networks.trust.health.factories import HealthCheckFactory

    if not hasattr(objs, "health_check"):
        objs.health_check = HealthCheckFactory(network=objs.network, organisations=[objs.organisation], **kwargs)
    return objs.health_check


def _check_pk(objs):
    return {"pk": _check(objs).pk}


def _check_pk_observer_deputy(objs):
    from tests.access_matrix.trust_rounds import observer_speaks_for_organisation

    observer_speaks_for_organisation(objs)
    return _check_pk(objs)


def _closed_with_reds(objs):
    from tests.networks.trust.health.factories import closed_check

    round_ = closed_check(objs.network, [objs.organisation], {objs.organisation: {"goals": "red"}})
    return {"pk": round_.pk}


GET = {
    "trust:health_list": Entry(NETWORK_READ, network_slug, login_redirect=True),
    "trust:health_create": Entry(NETWORK_WRITE, network_slug, login_redirect=True),
    "trust:health_detail": Entry(NETWORK_READ, _check_pk, login_redirect=True),
    "trust:health_answer": Entry(ANSWER, _check_pk, login_redirect=True),
    "trust:health_close": Entry(NETWORK_WRITE, _check_pk, login_redirect=True),
    "trust:health_cancel": Entry(NETWORK_WRITE, _check_pk, login_redirect=True),
    "trust:health_review_create": Entry(POST_ONLY, _check_pk),
}

POST = {
    "trust:health_create": Entry(NETWORK_WRITE, network_slug),
    "trust:health_answer": Entry(ANSWER, _check_pk),
    "trust:health_close": Entry(NETWORK_WRITE, _check_pk),
    "trust:health_cancel": Entry(NETWORK_WRITE, _check_pk),
    "trust:health_review_create": Entry(REVIEW, _check_pk),
}

READ_ONLY = {"trust:health_list", "trust:health_detail"}

CASES = [
    # An observer who represents the asked organisation still only reads: they do not answer.
    Case("trust:health_answer", "GET by an observer who is a deputy", Entry(ANSWER, _check_pk_observer_deputy)),
    Case(
        "trust:health_answer",
        "POST by an observer who is a deputy",
        Entry(ANSWER, _check_pk_observer_deputy),
        method="post",
    ),
    Case(
        "trust:health_review_create",
        "POST on a closed check with reds",
        Entry(REVIEW, _closed_with_reds),
        method="post",
    ),
    Case(
        "trust:health_answer",
        "GET of a closed check",
        Entry(row(302, 404, 403, 403, 403, 302), _closed_with_reds, login_redirect=True),
    ),
]

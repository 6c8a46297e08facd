"""Access-matrix rows of trust-building: closing a round and its results.

The matrix round is a trust survey of the cast's network asking the cast organisation (represented by the
member) and two more, closed: the network's people see its results (the member also its own organisation's,
over the threshold), the coordinators (by their role, not an administrator) the pairs; outsiders get 404. An
open round has no results yet (404).
"""

from tests import factories
from tests.access_matrix.rows import NETWORK_READ, Case, Entry, row

# Not closed yet: no results for anyone (the page says so with a 404).
NOT_YET = row(302, 404, 404, 404, 404, 404)
# Who rated whom: the network's coordinators only, by their role; an administrator's full rights do not stand in
# for it (an administrator must not see who said what of whom).
COORDINATORS_ONLY = row(302, 404, 403, 403, 200, 403)


def _closed_round(objs):
    if not hasattr(objs, "closed_round"):
        from networks.trust.results import round_close
        from tests.networks.trust.results.factories import orgs_in, trust_round

        others = orgs_in(objs.network, 3)
        ratings = {(other, objs.organisation): {"comment": "Hyvä kumppani"} for other in others}
        ratings[objs.organisation, others[0]] = {}
        objs.closed_round = trust_round(objs.network, [objs.organisation, *others], ratings, close=False)
        round_close(round_=objs.closed_round)
    return {"pk": objs.closed_round.pk}


def _open_round(objs):
    round_ = factories.SurveyRoundFactory(network=objs.network, organisations=[objs.organisation])
    return {"pk": round_.pk}


GET = {
    "trust:round_results": Entry(NETWORK_READ, _closed_round, login_redirect=True),
    "trust:round_result_pairs": Entry(COORDINATORS_ONLY, _closed_round, login_redirect=True),
    "trust:round_results_export": Entry(NETWORK_READ, _closed_round, login_redirect=True),
}

POST = {}

READ_ONLY = {"trust:round_results", "trust:round_result_pairs", "trust:round_results_export"}

CASES = [
    Case("trust:round_results", "round still open", Entry(NOT_YET, _open_round, login_redirect=True)),
    Case("trust:round_result_pairs", "round still open", Entry(NOT_YET, _open_round, login_redirect=True)),
    Case("trust:round_results_export", "round still open", Entry(NOT_YET, _open_round, login_redirect=True)),
]

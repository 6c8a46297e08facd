"""The access matrix of decisions and action items, as reported for tests/test_access_matrix.py:
every URL of decisions and action items × every role of the cast → the expected status of a GET."""

import pytest
from django.urls import reverse

from networks.meetings import actions as services
from tests.meetings.records_helpers import approve, meeting_that_took_place

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "outsider", "observer", "member", "coordinator", "admin")


def row(*statuses):
    return dict(zip(ROLES, statuses, strict=True))


READ = row(302, 404, 200, 200, 200, 200)
MANAGE = row(302, 404, 403, 403, 200, 200)
# The member owns the action item: the owner, the organiser and the coordinators change its status.
UPDATE = row(302, 404, 403, 200, 200, 200)
SIGNED_IN = row(302, 200, 200, 200, 200, 200)
# On a planned meeting nothing is recorded yet: those who manage are sent back to the meeting's page.
PLANNED = row(302, 404, 403, 403, 302, 302)


@pytest.fixture
def objs(network, coordinator, member, observer, organisation):
    """A held meeting with a decision and the member's action item; an approved one with a decision; a planned one."""
    held, items = meeting_that_took_place(network, coordinator, organisation)
    decision = services.decision_add(meeting=held, item=items[0], user=coordinator, text="Päätös")
    action = services.action_add(
        meeting=held, item=items[0], user=coordinator, what="Tehtävä", owner=member, due_on=held.starts_at.date()
    )
    approved, approved_items = meeting_that_took_place(network, coordinator, organisation, days_ago=20)
    approved_decision = services.decision_add(
        meeting=approved, item=approved_items[0], user=coordinator, text="Hyväksytty"
    )
    approve(approved, coordinator)
    planned, _items = meeting_that_took_place(network, coordinator, organisation, status="planned")
    return {
        "held": held,
        "decision": decision,
        "action": action,
        "approved_decision": approved_decision,
        "planned": planned,
    }


CASES = [
    ("decision_add", lambda o: {"pk": o["held"].pk}, MANAGE),
    ("decision_add", lambda o: {"pk": o["planned"].pk}, PLANNED),
    ("decision_edit", lambda o: {"pk": o["decision"].pk}, MANAGE),
    ("decision_delete", lambda o: {"pk": o["decision"].pk}, MANAGE),
    ("decision_amend", lambda o: {"pk": o["approved_decision"].pk}, MANAGE),
    ("decision_log", lambda o: {"slug": o["held"].network.slug}, READ),
    ("action_add", lambda o: {"pk": o["held"].pk}, MANAGE),
    ("action_status", lambda o: {"pk": o["action"].pk}, UPDATE),
    ("my_actions", lambda o: {}, SIGNED_IN),
    ("network_actions", lambda o: {"slug": o["held"].network.slug}, READ),
]


@pytest.mark.parametrize(("name", "kwargs", "expected"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_access(client_for, cast, objs, name, kwargs, expected):
    url = reverse(f"meetings:{name}", kwargs=kwargs(objs))
    got = {role: client_for(cast[role]).get(url).status_code for role in ROLES}
    assert got == expected

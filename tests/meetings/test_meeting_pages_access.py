"""Who gets what from the meeting pages (the lists, the meeting, its status and printouts): the rows the access
matrix takes over. The matrix meeting is planned a week ahead in the cast's network, organised and chaired by
the coordinator, with the cast organisation invited (so the coordinator, member and observer are invitees)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from networks.meetings import services

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "outsider", "observer", "member", "coordinator", "admin")


def row(*codes):
    return dict(zip(ROLES, codes, strict=True))


READ = row(302, 404, 200, 200, 200, 200)
ORGANISE = row(302, 404, 403, 200, 200, 200)
MANAGE = row(302, 404, 403, 403, 200, 200)
# A planned meeting's minutes: those who manage it and its chair (here both the coordinator).
MINUTES = row(302, 404, 403, 403, 200, 200)

SLUG, PK = "slug", "pk"
CASES = [
    ("index", None, "get", row(302, 200, 200, 200, 200, 200)),
    ("meeting_list", SLUG, "get", READ),
    ("calendar", SLUG, "get", READ),
    ("meeting_create", SLUG, "get", ORGANISE),
    ("meeting_detail", PK, "get", READ),
    ("meeting_edit", PK, "get", MANAGE),
    ("meeting_cancel", PK, "get", MANAGE),
    ("meeting_status", PK, "get", MANAGE),
    # to=held on a meeting ahead: refused by the service, said on the meeting's page (a redirect).
    ("meeting_status", PK, "post", row(302, 404, 403, 403, 302, 302)),
    ("print_agenda", PK, "get", READ),
    ("print_minutes", PK, "get", MINUTES),
]


@pytest.fixture
def matrix_meeting(network, coordinator, organisation):
    start = (timezone.localtime() + datetime.timedelta(days=7)).replace(hour=13, minute=0, second=0, microsecond=0)
    return services.meeting_create(
        network=network,
        user=coordinator,
        data={"title": "Matriisitapaaminen", "starts_at": start, "ends_at": start + datetime.timedelta(hours=2)}
        | {"chair": coordinator},
        organisations=[organisation],
    )


@pytest.mark.parametrize(("name", "arg", "method", "expected"), CASES, ids=[f"{c[0]}-{c[2]}" for c in CASES])
def test_the_access_matrix_rows(client_for, cast, network, matrix_meeting, name, arg, method, expected):
    kwargs = {SLUG: {"slug": network.slug}, PK: {"pk": matrix_meeting.pk}, None: {}}[arg]
    url = reverse(f"meetings:{name}", kwargs=kwargs)
    got = {}
    for role in ROLES:
        client = client_for(cast[role])
        response = client.post(url, {"to": "held"}) if method == "post" else client.get(url)
        got[role] = response.status_code
    assert got == expected

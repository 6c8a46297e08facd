"""Access-matrix rows of the read API and the pages of a person's API tokens.

The page matrix signs people in with the session: the API's data never answers to it (only a bearer token signs
in to the API), so every data route is a 401 there, while the OpenAPI document and the docs page are open to
all. The bearer matrix (``test_api_matrix.py``) checks the same routes with each role's token: ``BEARER`` below.

The tokens' pages: one's own list and form (signed in), revoking one's own token only (anyone else's is a 404,
an administrator's request too: a token is a key)."""

import datetime

from django.utils import timezone

from tests.access_matrix.rows import PUBLIC, SIGNED_IN, Entry, row


def _member_token(objs):
    from portal.api.tokens import token_create

    if not hasattr(objs, "member_token"):
        objs.member_token, objs.member_secret = token_create(user=objs.member, name="Raportit", scopes=["read"])
    return {"uuid": objs.member_token.uuid}


def records(objs):
    """A meeting of the matrix network with approved minutes, its agenda item, a decision linked to a goal and an
    action item of the member's; made once."""
    from networks.meetings.models import MeetingStatus
    from tests import factories

    if not hasattr(objs, "api_meeting"):
        starts = timezone.now() - datetime.timedelta(days=30)
        objs.api_meeting = factories.MeetingFactory(
            network=objs.network,
            organiser=objs.coordinator,
            starts_at=starts,
            ends_at=starts + datetime.timedelta(hours=2),
            status=MeetingStatus.MINUTES_APPROVED,
        )
        item = factories.AgendaItemFactory(meeting=objs.api_meeting)
        objs.api_goal = factories.GoalFactory(network=objs.network)
        objs.api_decision = factories.DecisionFactory(item=item, goal=objs.api_goal)
        objs.api_action = factories.ActionItemFactory(item=item, owner=objs.member)
    return objs


def public_service(objs):
    """A public service of the matrix organisation (so the organisation has a public profile); made once."""
    from tests import factories

    if not hasattr(objs, "api_public_service"):
        objs.api_public_service = factories.GuidanceServiceFactory(organisation=objs.organisation, is_public=True)
    return objs.api_public_service


NONE_BY_SESSION = row(401, 401, 401, 401, 401, 401)
OWN_TOKEN = row(302, 404, 404, 200, 404, 404)

DATA_ROUTES = {
    "api:network_list": None,
    "api:network_detail": lambda objs: {"slug": objs.network.slug},
    "api:organisation_list": None,
    "api:organisation_detail": lambda objs: {"slug": objs.organisation.slug},
    "api:meeting_list": None,
    "api:meeting_detail": lambda objs: {"id": records(objs).api_meeting.pk},
    "api:goal_list": None,
    "api:goal_detail": lambda objs: {"id": records(objs).api_goal.pk},
    "api:decision_list": None,
    "api:decision_detail": lambda objs: {"id": records(objs).api_decision.pk},
    "api:action_item_list": None,
    "api:action_item_detail": lambda objs: {"id": records(objs).api_action.pk},
}

# The open data: anyone, signed in or not, with a token or without.
PUBLIC_ROUTES = {
    "api:public_service_list": None,
    "api:public_service_detail": lambda objs: {"id": public_service(objs).pk},
    "api:public_organisation_list": None,
    "api:public_organisation_detail": lambda objs: {"slug": public_service(objs).organisation.slug},
}

GET = {
    "api_tokens:token_list": Entry(SIGNED_IN, login_redirect=True),
    "api_tokens:token_create": Entry(SIGNED_IN, login_redirect=True),
    "api_tokens:token_revoke": Entry(OWN_TOKEN, _member_token, login_redirect=True),
    "api:openapi-json": Entry(PUBLIC),
    "api:openapi-view": Entry(PUBLIC),
    # ninja's root of the API (/api/v1/): nothing there
    "api:api-root": Entry(row(404, 404, 404, 404, 404, 404)),
    **{name: Entry(NONE_BY_SESSION, kwargs) for name, kwargs in DATA_ROUTES.items()},
    **{name: Entry(PUBLIC, kwargs) for name, kwargs in PUBLIC_ROUTES.items()},
}

# An empty POST: the form with its errors; revoking one's own token goes back to the list.
POST = {
    "api_tokens:token_create": Entry(SIGNED_IN),
    "api_tokens:token_revoke": Entry(row(302, 404, 404, 302, 404, 404), _member_token),
}

READ_ONLY = {"api_tokens:token_list"}

CASES = []

# --- the bearer matrix: each role with a token of the read scope (anonymous: no token) ------------------------
LIST = row(401, 200, 200, 200, 200, 200)
# The matrix network's objects: its people and the administrator; the outsider (another network's coordinator)
# gets 404, as on the pages.
DETAIL = row(401, 404, 200, 200, 200, 200)
# The matrix organisation is the cast's own employer (and a member of the network): the outsider does not see it.
BEARER = {name: Entry(LIST if kwargs is None else DETAIL, kwargs) for name, kwargs in DATA_ROUTES.items()}
OPEN = {name: Entry(PUBLIC, kwargs) for name, kwargs in PUBLIC_ROUTES.items()}

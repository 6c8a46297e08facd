"""What a row of the access matrix is: the roles, an entry (the expected status per role, the URL's arguments,
whether the anonymous 302 must go to the sign-in page), ``row()`` and the rows many URLs share."""

from dataclasses import dataclass

ROLES = ("anonymous", "outsider", "observer", "member", "coordinator", "admin")


@dataclass(frozen=True)
class Entry:
    expect: dict  # role -> status
    kwargs: object = None  # callable(objs) -> dict of URL kwargs
    login_redirect: bool = False  # the anonymous 302 must go to the sign-in page


@dataclass(frozen=True)
class Case:
    """One URL in a situation the matrix's own objects do not show: another object, or a POST with data."""

    name: str
    situation: str  # what differs from the URL's row in the matrix, for the test's id
    entry: Entry
    method: str = "get"
    data: dict | None = None


def row(anonymous, outsider, observer, member, coordinator, admin_):
    """The expected status for each role, in the order of ``ROLES``."""
    return dict(zip(ROLES, (anonymous, outsider, observer, member, coordinator, admin_), strict=True))


PUBLIC = row(200, 200, 200, 200, 200, 200)
SIGNED_IN = row(302, 200, 200, 200, 200, 200)
NETWORK_READ = row(302, 404, 200, 200, 200, 200)
NETWORK_WRITE = row(302, 404, 403, 403, 200, 200)
ANONYMOUS_ONLY = row(200, 302, 302, 302, 302, 302)
POST_ONLY = row(405, 405, 405, 405, 405, 405)


def network_slug(objs):
    """The URL arguments of the matrix network's pages."""
    return {"slug": objs.network.slug}

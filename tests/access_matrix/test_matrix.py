"""The access matrix (HOUSE-STYLE rule 21): every URL pattern × every role → expected status.

The rows are kept by domain (``directory.py``, ``memberships.py``, ``agreements.py``, ``goals.py``,
``meetings.py``, ``portal.py``, ``trust_*.py``, ``resources.py``, ``glossary.py``, ``news.py``,
``notifications.py``, ``finder.py``, ``api.py`` next to this module; the API's bearer tokens in
``test_api_matrix.py``). The test walks the whole URLconf. A pattern with no entry fails the suite, so a new view
cannot ship without deciding who may open it. Django admin URLs are generated from the admin registry (every
registered model's views), so a newly registered model is covered automatically.

Every URL is checked with a GET, and every view of ours that takes a POST with an empty POST; a few URLs
also in a situation the matrix's objects do not show (a case). ``302`` for the anonymous visitor means "sent
to the sign-in page"; the tests check where a redirect goes when it matters.
"""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.access_matrix import (
    agreements,
    api,
    directory,
    finder,
    glossary,
    goals,
    meetings,
    memberships,
    news,
    notifications,
    portal,
    resources,
    trust_activities,
    trust_health,
    trust_map,
    trust_results,
    trust_rounds,
)
from tests.access_matrix.rows import ROLES

DOMAINS = (
    portal,
    directory,
    memberships,
    agreements,
    goals,
    meetings,
    trust_activities,
    trust_rounds,
    trust_results,
    trust_health,
    trust_map,
    resources,
    glossary,
    news,
    notifications,
    finder,
    api,
)

MATRIX = {name: entry for domain in DOMAINS for name, entry in domain.GET.items()}
POST_MATRIX = {name: entry for domain in DOMAINS for name, entry in domain.POST.items()}
READ_ONLY = {name for domain in DOMAINS for name in domain.READ_ONLY}
CASES = [case for domain in DOMAINS for case in domain.CASES]


def _walk(patterns, prefix="", namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            ns = namespace
            if pattern.namespace:
                ns = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern), ns)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}" if namespace and pattern.name else (pattern.name or "")
            # allauth's old addresses (/accounts/social/…) only redirect to the named pages they moved to
            redirect_to = getattr(pattern.callback, "view_initkwargs", {}).get("pattern_name")
            yield prefix + str(pattern.pattern), name or redirect_to or ""


def all_patterns():
    return list(_walk(get_resolver().url_patterns))


def test_every_url_pattern_has_an_entry():
    missing = []
    for route, name in all_patterns():
        if route.startswith("admin/"):
            continue  # generated from the admin registry, see portal.admin_urls()
        if name not in MATRIX:
            missing.append(f"{route} (name: {name or '—'})")
    assert not missing, "URL patterns without an access-matrix entry:\n" + "\n".join(missing)


def test_matrix_has_no_stale_entries():
    names = {name for _, name in all_patterns()}
    stale = sorted(set(MATRIX) - names)
    assert not stale, f"access-matrix entries for URLs that no longer exist: {stale}"


def test_no_url_has_rows_in_two_domains():
    """Each URL's rows live in one domain's module: merged, a second row would silently replace the first."""
    for part in ("GET", "POST", "READ_ONLY"):
        seen = {}
        for domain in DOMAINS:
            for name in getattr(domain, part):
                assert name not in seen, f"{name} in {part} of both {seen[name]} and {domain.__name__}"
                seen[name] = domain.__name__


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(MATRIX))
def test_access(name, objs, client_for):
    entry = MATRIX[name]
    url = reverse(name, kwargs=entry.kwargs(objs) if entry.kwargs else None)
    failures = []
    for role in ROLES:
        client = client_for(getattr(objs, role))
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)  # read to the end, so a served document's file is closed
        if response.status_code != entry.expect[role]:
            failures.append(f"{role}: expected {entry.expect[role]}, got {response.status_code}")
        elif role == "anonymous" and entry.login_redirect:
            assert response["Location"].startswith(reverse("account_login")), response["Location"]
    assert not failures, f"{url}: " + "; ".join(failures)


# --- Django admin: generated from the registry ------------------------------


@pytest.mark.django_db
def test_admin_access(objs, client_for):
    failures = []
    checked = 0
    for url, expect in portal.admin_urls(objs):
        for role in ROLES:
            response = client_for(getattr(objs, role)).get(url)
            checked += 1
            if response.status_code != expect[role]:
                failures.append(f"{url} as {role}: expected {expect[role]}, got {response.status_code}")
    assert checked > 100
    assert not failures, "\n".join(failures)


def test_admin_patterns_are_all_generated():
    """Every admin pattern is one of the kinds admin_urls() generates (or known extras)."""
    known_suffixes = (
        "",
        "login/",
        "logout/",
        "password_change/",
        "password_change/done/",
        "autocomplete/",
        "jsi18n/",
        "r/<path:content_type_id>/<path:object_id>/",
        "<path:object_id>/password/",
        "add/",
        "<path:object_id>/history/",
        "<path:object_id>/delete/",
        "<path:object_id>/change/",
        "<path:object_id>/",
        "(?P<url>.*)$",
    )
    unknown = []
    for route, _ in all_patterns():
        if not route.startswith("admin/"):
            continue
        rest = route.removeprefix("admin/")
        if rest.startswith("^(?P<app_label>"):
            continue  # app index pages, one per app label: generated above
        if any(rest == s or rest.endswith("/" + s) or (s and rest.endswith(s)) for s in known_suffixes):
            continue
        if rest.count("/") == 2 and rest.endswith("/"):
            continue  # <app>/<model>/ changelist
        unknown.append(route)
    assert not unknown, f"admin patterns the generated matrix does not cover: {unknown}"


@pytest.mark.django_db
def test_admin_login_goes_through_allauth(client, member):
    """The admin's own login form is never shown: the sign-in (with rate limits and MFA) is allauth's."""
    response = client.get(reverse("admin:login"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    client.force_login(member)
    assert client.get(reverse("admin:login")).status_code == 403


@pytest.mark.django_db
def test_view_on_site_and_catch_all(objs, client_for):
    ct = ContentType.objects.get_for_model(objs.organisation)
    url = reverse("admin:view_on_site", args=[ct.pk, objs.organisation.pk])
    assert client_for(objs.member).get(url).status_code == 302
    assert client_for(objs.admin).get(url).status_code == 404  # organisations have no public page of their own
    assert client_for(objs.admin).get("/admin/no-such-page/").status_code == 404


# --- Mutations: the same decision for POST --------------------------------------------------
# A POST with an empty form: whoever may act gets the form back with errors (200); the others are
# stopped before any validation, exactly as for GET.


def test_every_form_view_has_a_post_entry():
    """Views of ours that take a POST are listed in POST_MATRIX (allauth's and the admin's are theirs)."""
    namespaces = {
        "portal",
        "networks",
        "partners",
        "servicemap",
        "agreements",
        "goals",
        "meetings",
        "trust",
        "resources",
        "glossary",
        "news",
        "notifications",
        "api_tokens",
    }
    ours = {name for name in MATRIX if name.split(":")[0] in namespaces}
    assert ours - READ_ONLY == set(POST_MATRIX)


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(POST_MATRIX))
def test_post_access(name, objs, client_for):
    entry = POST_MATRIX[name]
    url = reverse(name, kwargs=entry.kwargs(objs) if entry.kwargs else None)
    failures = []
    for role in ROLES:
        response = client_for(getattr(objs, role)).post(url, {})
        if response.status_code != entry.expect[role]:
            failures.append(f"{role}: expected {entry.expect[role]}, got {response.status_code}")
    assert not failures, f"POST {url}: " + "; ".join(failures)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name",
    ["portal:home", "portal:profile_detail", "portal:accessibility", "portal:privacy", "healthz"],
)
def test_read_only_pages_refuse_post(name, client_for, member):
    assert client_for(member).post(reverse(name)).status_code == 405


@pytest.mark.django_db
def test_read_only_object_pages_refuse_post(objs, client_for):
    client = client_for(objs.member)
    for url in (
        reverse("portal:person_detail", kwargs={"uuid": objs.member.uuid}),
        reverse("networks:network_detail", kwargs={"slug": objs.network.slug}),
        reverse("partners:organisation_detail", kwargs={"slug": objs.organisation.slug}),
    ):
        assert client.post(url).status_code == 405, url


# --- Cases: a URL in a situation of its own -----------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("case", CASES, ids=[f"{case.name}-{case.situation.replace(' ', '-')}" for case in CASES])
def test_case(case, objs, client_for):
    entry = case.entry
    url = reverse(case.name, kwargs=entry.kwargs(objs) if entry.kwargs else None)
    failures = []
    for role in ROLES:
        client = client_for(getattr(objs, role))
        response = client.post(url, case.data or {}) if case.method == "post" else client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)  # read to the end, so a served document's file is closed
        if response.status_code != entry.expect[role]:
            failures.append(f"{role}: expected {entry.expect[role]}, got {response.status_code}")
        elif role == "anonymous" and entry.login_redirect:
            assert response["Location"].startswith(reverse("account_login")), response["Location"]
    assert not failures, f"{case.method.upper()} {url} ({case.situation}): " + "; ".join(failures)

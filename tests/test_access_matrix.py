"""The access matrix (HOUSE-STYLE rule 21): every URL pattern × every role → expected status.

The test walks the whole URLconf. A pattern with no entry here fails the
suite, so a new view cannot ship without deciding who may open it. Django
admin URLs are generated from the admin registry (every registered model's
views), so a newly registered model is covered automatically.

Statuses are for a GET. ``302`` for the anonymous visitor means "sent to the
sign-in page"; the tests check where a redirect goes when it matters.
"""

from dataclasses import dataclass
from types import SimpleNamespace

import pytest
from allauth.mfa.models import Authenticator
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from partners.directory.models import ExpertiseArea
from tests import access_matrix_goals, access_matrix_meetings, factories

ROLES = ("anonymous", "outsider", "observer", "member", "coordinator", "admin")


@dataclass(frozen=True)
class Entry:
    expect: dict  # role -> status
    kwargs: object = None  # callable(objs) -> dict of URL kwargs
    login_redirect: bool = False  # the anonymous 302 must go to the sign-in page


def row(anonymous, outsider, observer, member, coordinator, admin_):
    return dict(zip(ROLES, (anonymous, outsider, observer, member, coordinator, admin_), strict=True))


PUBLIC = row(200, 200, 200, 200, 200, 200)
SIGNED_IN = row(302, 200, 200, 200, 200, 200)
NETWORK_READ = row(302, 404, 200, 200, 200, 200)
NETWORK_WRITE = row(302, 404, 403, 403, 200, 200)
ANONYMOUS_ONLY = row(200, 302, 302, 302, 302, 302)


def _slug(objs):
    return {"slug": objs.network.slug}


# Organisations and their guidance services (issue 3): edited by the organisation's representative or
# deputy (the member) and its networks' coordinators; the observer works there too, but working for an
# organisation is not enough (people add affiliations themselves): 403.
_ORG_STAFF = row(302, 404, 403, 200, 200, 200)


def _service(objs):
    service = factories.GuidanceServiceFactory(organisation=objs.organisation)
    return {"slug": objs.organisation.slug, "pk": service.pk}


# people directory, affiliations, expertise vocabulary, contacts (issue 3, part 3)
_OWN_ONLY = row(302, 404, 404, 200, 404, 404)  # the member's own affiliation: nobody else's, not even an admin's


def _member_affiliation(objs):
    return {"pk": objs.member.affiliations.get().pk}


def _network_term(objs):
    term, _ = ExpertiseArea.objects.get_or_create(
        network=objs.network, slug="matrix-term", defaults={"name": "Matrix term"}
    )
    return {"slug": objs.network.slug, "pk": term.pk}


# membership and joining (issue 3, parts 5 and 6)
def _own_membership(objs):
    """The cast organisation's active membership (the observer, member and coordinator work there)."""
    return {"slug": objs.network.slug, "pk": objs.network.memberships.get(organisation=objs.organisation).pk}


def _application(objs):
    """An application from an organisation nobody in the cast works for: coordinators only."""
    membership = factories.MembershipFactory(
        network=objs.network, organisation__slug="matrix-hakija", status="applied", level="networking"
    )
    return {"slug": objs.network.slug, "pk": membership.pk}


def _invitation_to_outsiders_org(objs):
    """The network has invited the outsider's organisation, which the outsider represents elsewhere: they may accept."""
    organisation = objs.outsider.affiliations.get().organisation
    organisation.memberships.update(representative=objs.outsider)
    membership = factories.MembershipFactory(network=objs.network, organisation=organisation, status="invited")
    return {"slug": objs.network.slug, "pk": membership.pk}


_APPLICATION_MANAGE = row(302, 404, 404, 404, 200, 200)
_INVITED_STAFF = row(302, 200, 404, 404, 403, 200)


# Partner agreements (issue 4). ``objs.agreement`` is in negotiation between the member's organisation
# and a partner: the coordinators manage it, the member (its party's representative) reads everything
# and signs for that party, the observer sees that it exists, its parties and status (403 for
# commitments, documents and history), outsiders get 404.
_PARTY_REP = row(302, 404, 403, 200, 200, 200)


def _agreement(objs):
    return {"pk": objs.agreement.pk}


def _agreement_in_state(objs, status):
    """Another agreement of the network, in ``status``, with the same two parties (signed when in force)."""
    agreement = factories.AgreementFactory(network=objs.network, status=status)
    for party in objs.agreement.parties.all():
        factories.AgreementPartyFactory(
            agreement=agreement,
            organisation=party.organisation,
            signed_on=None if status == "draft" else objs.agreement.created_at.date(),
        )
    return {"pk": agreement.pk}


def _member_party(objs):
    party = objs.agreement.parties.get(organisation=objs.organisation)
    return {"pk": objs.agreement.pk, "party": party.pk}


def _document(objs):
    from django.core.files.base import ContentFile

    from partners.agreements.models import AgreementDocument

    document = AgreementDocument.objects.create(
        agreement=objs.agreement,
        file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="x.pdf"),
        original_name="sopimus.pdf",
        content_type="application/pdf",
        size=14,
    )
    return {"pk": objs.agreement.pk, "document": document.pk}


MATRIX: dict[str, Entry] = {
    # --- portal ---
    "portal:home": Entry(PUBLIC),
    "portal:profile_detail": Entry(SIGNED_IN, login_redirect=True),
    "portal:profile_edit": Entry(SIGNED_IN, login_redirect=True),
    "portal:person_detail": Entry(NETWORK_READ, lambda o: {"uuid": o.member.uuid}, login_redirect=True),
    # Anyone holding the link may accept; a signed-in person is told to sign out first (409).
    "portal:invitation_accept": Entry(row(200, 409, 409, 409, 409, 409), lambda o: {"token": o.invitation.token}),
    "portal:accessibility": Entry(PUBLIC),
    "portal:privacy": Entry(PUBLIC),
    "healthz": Entry(PUBLIC),
    # Switching language is a POST; a GET just goes back.
    "set_language": Entry(row(302, 302, 302, 302, 302, 302)),
    # --- networks and organisations ---
    "networks:network_detail": Entry(NETWORK_READ, _slug, login_redirect=True),
    "networks:network_edit": Entry(NETWORK_WRITE, _slug, login_redirect=True),
    "networks:invitation_create": Entry(NETWORK_WRITE, _slug, login_redirect=True),
    "partners:organisation_detail": Entry(NETWORK_READ, lambda o: {"slug": o.organisation.slug}, login_redirect=True),
    # --- guidance services and the service map (issue 3, part 2) ---
    # The organisation's people (the observer and the member work there too) and its networks' coordinators.
    "partners:service_create": Entry(_ORG_STAFF, lambda o: {"slug": o.organisation.slug}, login_redirect=True),
    "partners:service_edit": Entry(_ORG_STAFF, _service, login_redirect=True),
    "partners:service_delete": Entry(_ORG_STAFF, _service, login_redirect=True),
    # Every signed-in person: each sees the services of the organisations visible to them.
    "servicemap:service_map": Entry(SIGNED_IN, login_redirect=True),
    # Only the services the person may see (tests/partners/test_export.py).
    "servicemap:service_export": Entry(SIGNED_IN, lambda o: {"fmt": "xlsx"}, login_redirect=True),
    # --- organisation directory, organisation editing, networks list and public pages (issue 3, parts 1, 4) ---
    "partners:organisation_list": Entry(SIGNED_IN, login_redirect=True),
    "partners:organisation_edit": Entry(_ORG_STAFF, lambda o: {"slug": o.organisation.slug}, login_redirect=True),
    # The matrix organisation has no logo: 404 even for those who may see it (served logos:
    # tests/partners/test_organisations_directory.py).
    "partners:organisation_logo": Entry(
        row(302, 404, 404, 404, 404, 404), lambda o: {"slug": o.organisation.slug}, login_redirect=True
    ),
    "networks:network_list": Entry(PUBLIC),
    # The matrix network is not public: members only, 404 for everyone else
    # (public networks: tests/networks/test_network_public.py).
    "networks:network_public": Entry(row(404, 404, 200, 200, 200, 200), _slug),
    "networks:network_logo": Entry(row(404, 404, 404, 404, 404, 404), _slug),
    # --- people directory, affiliations, expertise vocabulary, contacts (issue 3, part 3) ---
    "portal:people_list": Entry(SIGNED_IN, login_redirect=True),
    "portal:affiliation_create": Entry(SIGNED_IN, login_redirect=True),
    "portal:affiliation_end": Entry(_OWN_ONLY, _member_affiliation, login_redirect=True),
    "networks:expertise_list": Entry(NETWORK_READ, _slug, login_redirect=True),
    "networks:expertise_create": Entry(NETWORK_WRITE, _slug, login_redirect=True),
    "networks:expertise_edit": Entry(NETWORK_WRITE, _network_term, login_redirect=True),
    "networks:expertise_delete": Entry(NETWORK_WRITE, _network_term, login_redirect=True),
    "networks:contact_create": Entry(NETWORK_WRITE, _slug, login_redirect=True),
    # --- import and export (issue 3, part 8) ---
    "networks:organisation_import": Entry(NETWORK_WRITE, _slug, login_redirect=True),
    "networks:organisation_import_template": Entry(
        NETWORK_WRITE, lambda o: {"slug": o.network.slug, "fmt": "xlsx"}, login_redirect=True
    ),
    # Everyone signed in exports the organisations they may see (tests/partners/test_export.py).
    "partners:organisation_export": Entry(SIGNED_IN, lambda o: {"fmt": "csv"}, login_redirect=True),
    # --- search (issue 3, part 7): every signed-in person searches what they may see ---
    "portal:search": Entry(SIGNED_IN, login_redirect=True),
    # --- membership and joining (issue 3, parts 5 and 6) ---
    # The matrix network is not public and invited nobody: its people may open the form, others 404.
    "networks:membership_apply": Entry(NETWORK_READ, _slug, login_redirect=True),
    "networks:membership_invite": Entry(NETWORK_WRITE, _slug, login_redirect=True),
    "networks:membership_detail": Entry(NETWORK_READ, _own_membership, login_redirect=True),
    "networks:membership_edit": Entry(NETWORK_WRITE, _own_membership, login_redirect=True),
    "networks:membership_approve": Entry(row(405, 405, 405, 405, 405, 405), _application),  # POST only
    "networks:membership_reject": Entry(_APPLICATION_MANAGE, _application, login_redirect=True),
    "networks:membership_accept": Entry(_INVITED_STAFF, _invitation_to_outsiders_org, login_redirect=True),
    # --- partner agreements (issue 4) ---
    # Everyone signed in lists (and exports) the agreements they may see (tests/partners/test_agreement_list.py).
    "agreements:agreement_list": Entry(SIGNED_IN, login_redirect=True),
    "agreements:agreement_export": Entry(SIGNED_IN, lambda o: {"fmt": "csv"}, login_redirect=True),
    "agreements:agreement_create": Entry(NETWORK_WRITE, lambda o: {"network": o.network.slug}, login_redirect=True),
    "agreements:agreement_detail": Entry(NETWORK_READ, _agreement, login_redirect=True),
    "agreements:agreement_edit": Entry(NETWORK_WRITE, _agreement, login_redirect=True),
    "agreements:agreement_negotiate": Entry(row(405, 405, 405, 405, 405, 405), _agreement),  # POST only
    "agreements:agreement_back_to_draft": Entry(row(405, 405, 405, 405, 405, 405), _agreement),  # POST only
    "agreements:agreement_terminate": Entry(NETWORK_WRITE, _agreement, login_redirect=True),
    "agreements:agreement_renew": Entry(NETWORK_WRITE, lambda o: _agreement_in_state(o, "active"), login_redirect=True),
    "agreements:agreement_delete": Entry(NETWORK_WRITE, lambda o: _agreement_in_state(o, "draft"), login_redirect=True),
    "agreements:agreement_history": Entry(NETWORK_WRITE, _agreement, login_redirect=True),
    "agreements:party_add": Entry(NETWORK_WRITE, _agreement, login_redirect=True),
    "agreements:party_edit": Entry(NETWORK_WRITE, _member_party, login_redirect=True),
    "agreements:party_remove": Entry(NETWORK_WRITE, _member_party, login_redirect=True),
    "agreements:party_sign": Entry(_PARTY_REP, _member_party, login_redirect=True),
    "agreements:document_upload": Entry(NETWORK_WRITE, _agreement, login_redirect=True),
    # An outsider guessing a document's address gets 404 (tests/partners/test_agreement_documents.py).
    "agreements:document_download": Entry(_PARTY_REP, _document, login_redirect=True),
    "agreements:document_delete": Entry(NETWORK_WRITE, _document, login_redirect=True),
    # --- accounts (django-allauth) ---
    "account_login": Entry(ANONYMOUS_ONLY),
    "account_logout": Entry(row(302, 200, 200, 200, 200, 200)),
    "account_inactive": Entry(PUBLIC),
    # Sign-up is closed: the page explains that accounts come by invitation.
    "account_signup": Entry(ANONYMOUS_ONLY),
    "account_reauthenticate": Entry(SIGNED_IN, login_redirect=True),
    "account_request_reauthentication_code": Entry(SIGNED_IN, login_redirect=True),
    # Without a code requested first, confirming sends the person back to request one.
    "account_confirm_reauthentication_code": Entry(row(302, 302, 302, 302, 302, 302)),
    "account_email": Entry(SIGNED_IN, login_redirect=True),
    "account_email_verification_sent": Entry(PUBLIC),
    "account_change_password": Entry(SIGNED_IN, login_redirect=True),
    "account_set_password": Entry(row(302, 302, 302, 302, 302, 302)),
    "account_reset_password": Entry(PUBLIC),
    "account_confirm_login_code": Entry(row(302, 302, 302, 302, 302, 302)),
    "account_confirm_email": Entry(row(200, 200, 200, 200, 200, 200), lambda o: {"key": "not-a-real-key"}),
    "account_reset_password_from_key_done": Entry(PUBLIC),
    "account_reset_password_from_key": Entry(PUBLIC, lambda o: {"uidb36": "zz", "key": "not-a-real-key"}),
    "account_reset_password_done": Entry(PUBLIC),
    # --- two-factor authentication (allauth.mfa) ---
    "mfa_index": Entry(SIGNED_IN, login_redirect=True),
    "mfa_authenticate": Entry(row(302, 302, 302, 302, 302, 302)),
    "mfa_reauthenticate": Entry(row(302, 302, 302, 302, 302, 200)),
    # Changing authenticators asks for the password again first (a test session has no fresh sign-in).
    "mfa_activate_totp": Entry(row(302, 302, 302, 302, 302, 302)),
    # Nothing to deactivate or show for people without an authenticator app: 404.
    "mfa_deactivate_totp": Entry(row(302, 404, 404, 404, 404, 302)),
    "mfa_view_recovery_codes": Entry(row(302, 404, 404, 404, 404, 404)),
    "mfa_generate_recovery_codes": Entry(row(302, 302, 302, 302, 302, 302)),
    "mfa_download_recovery_codes": Entry(row(302, 404, 404, 404, 404, 404)),
    "mfa_list_webauthn": Entry(SIGNED_IN, login_redirect=True),
    "mfa_add_webauthn": Entry(row(302, 302, 302, 302, 302, 302)),
    "mfa_reauthenticate_webauthn": Entry(row(302, 302, 302, 302, 302, 302)),
    # Another person's security key: allauth first asks to re-authenticate (302); that the key itself
    # is out of reach is allauth's own check (keys are looked up among the person's own).
    "mfa_remove_webauthn": Entry(row(302, 302, 302, 302, 302, 302), lambda o: {"pk": o.foreign_key_pk}),
    "mfa_edit_webauthn": Entry(row(302, 302, 302, 302, 302, 302), lambda o: {"pk": o.foreign_key_pk}),
    # Passkey sign-in is a POST from the sign-in page; a GET goes back there.
    "mfa_login_webauthn": Entry(row(302, 302, 302, 302, 302, 302)),
}
# --- shared goals (issue 5): tests/access_matrix_goals.py ---
_GOALS_GET, _GOALS_POST, _GOALS_READ_ONLY = access_matrix_goals.entries(Entry)
MATRIX.update(_GOALS_GET)
# --- meetings (issue 6): tests/access_matrix_meetings.py ---
_MEETINGS_GET, _MEETINGS_POST, _MEETINGS_READ_ONLY = access_matrix_meetings.entries(Entry)
MATRIX.update(_MEETINGS_GET)


def _walk(patterns, prefix="", namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            ns = namespace
            if pattern.namespace:
                ns = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern), ns)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}" if namespace and pattern.name else (pattern.name or "")
            yield prefix + str(pattern.pattern), name


def all_patterns():
    return list(_walk(get_resolver().url_patterns))


def test_every_url_pattern_has_an_entry():
    missing = []
    for route, name in all_patterns():
        if route.startswith("admin/"):
            continue  # generated from the admin registry, see admin_urls()
        if name not in MATRIX:
            missing.append(f"{route} (name: {name or '—'})")
    assert not missing, "URL patterns without an access-matrix entry:\n" + "\n".join(missing)


def test_matrix_has_no_stale_entries():
    names = {name for _, name in all_patterns()}
    stale = sorted(set(MATRIX) - names)
    assert not stale, f"access-matrix entries for URLs that no longer exist: {stale}"


@pytest.fixture
def objs(cast, network, organisation, other_network, agreement, settings, tmp_path):
    from partners.agreements import services as agreement_services

    settings.MEDIA_ROOT = tmp_path
    agreement_services.agreement_start_negotiation(agreement=agreement)
    invitation = factories.InvitationFactory(organisation=organisation, network=network)
    other = factories.UserFactory(email="avain@example.fi")
    key = Authenticator.objects.create(user=other, type=Authenticator.Type.WEBAUTHN, data={"name": "x"})
    factories.ExpertiseAreaFactory()
    return SimpleNamespace(
        network=network,
        organisation=organisation,
        agreement=agreement,
        invitation=invitation,
        foreign_key_pk=key.pk,
        **cast,
    )


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


def admin_urls(objs):
    """(url, expected status per role) for every admin view of every registered model."""
    staff_only = {"anonymous": 302, "outsider": 302, "observer": 302, "member": 302, "coordinator": 302}
    urls = [
        (reverse("admin:index"), 200),
        (reverse("admin:password_change"), 200),
        (reverse("admin:password_change_done"), 200),
        (reverse("admin:jsi18n"), 200),
    ]
    for model, model_admin in admin.site._registry.items():
        info = (model._meta.app_label, model._meta.model_name)
        urls.append((reverse("admin:app_list", kwargs={"app_label": info[0]}), 200))
        urls.append((reverse(f"admin:{info[0]}_{info[1]}_changelist"), 200))
        can_add = model_admin.has_add_permission(_FakeRequest)
        urls.append((reverse(f"admin:{info[0]}_{info[1]}_add"), 200 if can_add else 403))
        instance = model._default_manager.order_by("pk").first()
        if instance is None:
            continue
        for view in ("change", "history", "delete"):
            urls.append((reverse(f"admin:{info[0]}_{info[1]}_{view}", args=[instance.pk]), 200))
    for url, admin_status in urls:
        yield url, {**staff_only, "admin": admin_status}


class _FakeRequest:
    """Enough of a request for ModelAdmin.has_add_permission with a superuser."""

    class user:  # noqa: N801 - mimics request.user
        is_active = is_staff = is_superuser = True

        @staticmethod
        def has_perm(perm, obj=None):
            return True


@pytest.mark.django_db
def test_admin_access(objs, client_for):
    failures = []
    checked = 0
    for url, expect in admin_urls(objs):
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

POST_MATRIX: dict[str, Entry] = {
    # --- membership and joining (issue 3, parts 5 and 6); approving needs no form: it approves (302), and the
    # admin, after the coordinator, gets the "already a member" message (302) ---
    "networks:membership_apply": Entry(row(302, 404, 200, 200, 200, 200), _slug),
    "networks:membership_invite": Entry(NETWORK_WRITE, _slug),
    "networks:membership_edit": Entry(NETWORK_WRITE, _own_membership),
    "networks:membership_approve": Entry(row(302, 404, 404, 404, 302, 302), _application),
    "networks:membership_reject": Entry(_APPLICATION_MANAGE, _application),
    "networks:membership_accept": Entry(_INVITED_STAFF, _invitation_to_outsiders_org),
    # --- organisation editing (issue 3, part 1): an empty POST gives the form back with errors ---
    "partners:organisation_edit": Entry(_ORG_STAFF, lambda o: {"slug": o.organisation.slug}),
    "portal:profile_edit": Entry(row(302, 200, 200, 200, 200, 200)),
    "networks:network_edit": Entry(NETWORK_WRITE, _slug),
    "networks:invitation_create": Entry(NETWORK_WRITE, _slug),
    "portal:invitation_accept": Entry(row(200, 409, 409, 409, 409, 409), lambda o: {"token": o.invitation.token}),
    # --- people directory (issue 3, part 3): an empty POST gives the form (or the delete confirmation) back ---
    "portal:affiliation_create": Entry(row(302, 200, 200, 200, 200, 200)),
    "portal:affiliation_end": Entry(_OWN_ONLY, _member_affiliation),
    "networks:expertise_create": Entry(NETWORK_WRITE, _slug),
    "networks:expertise_edit": Entry(NETWORK_WRITE, _network_term),
    "networks:expertise_delete": Entry(NETWORK_WRITE, _network_term),
    "networks:contact_create": Entry(NETWORK_WRITE, _slug),
    # --- guidance services (issue 3, part 2); an empty POST to delete asks again (no confirm=yes) ---
    "partners:service_create": Entry(_ORG_STAFF, lambda o: {"slug": o.organisation.slug}),
    "partners:service_edit": Entry(_ORG_STAFF, _service),
    "partners:service_delete": Entry(_ORG_STAFF, _service),
    # --- import (issue 3, part 8): an empty POST gives the upload form back with an error ---
    "networks:organisation_import": Entry(NETWORK_WRITE, _slug),
    # --- partner agreements (issue 4): an empty POST gives the form back with errors, or asks again
    # (no confirm=yes); negotiate/back-to-draft act at once (302, and the admin after the coordinator
    # is told the state no longer allows it: 302) ---
    "agreements:agreement_create": Entry(NETWORK_WRITE, lambda o: {"network": o.network.slug}),
    "agreements:agreement_edit": Entry(NETWORK_WRITE, _agreement),
    "agreements:agreement_negotiate": Entry(row(302, 404, 403, 403, 302, 302), _agreement),
    "agreements:agreement_back_to_draft": Entry(row(302, 404, 403, 403, 302, 302), _agreement),
    "agreements:agreement_terminate": Entry(NETWORK_WRITE, _agreement),
    "agreements:agreement_renew": Entry(NETWORK_WRITE, lambda o: _agreement_in_state(o, "active")),
    "agreements:agreement_delete": Entry(NETWORK_WRITE, lambda o: _agreement_in_state(o, "draft")),
    "agreements:party_add": Entry(NETWORK_WRITE, _agreement),
    "agreements:party_edit": Entry(NETWORK_WRITE, _member_party),
    "agreements:party_remove": Entry(NETWORK_WRITE, _member_party),
    "agreements:party_sign": Entry(_PARTY_REP, _member_party),
    "agreements:document_upload": Entry(NETWORK_WRITE, _agreement),
    "agreements:document_delete": Entry(NETWORK_WRITE, _document),
    **_GOALS_POST,
    **_MEETINGS_POST,
}


def test_every_form_view_has_a_post_entry():
    """Views of ours that take a POST are listed in POST_MATRIX (allauth's and the admin's are theirs)."""
    namespaces = {"portal", "networks", "partners", "servicemap", "agreements", "goals", "meetings"}
    ours = {name for name in MATRIX if name.split(":")[0] in namespaces}
    read_only = {
        "portal:home",
        "portal:profile_detail",
        "portal:person_detail",
        "portal:accessibility",
        "portal:privacy",
        "networks:network_detail",
        "partners:organisation_detail",
        "networks:membership_detail",  # membership and joining (issue 3, parts 5 and 6)
        # import template and export (issue 3, part 8)
        "networks:organisation_import_template",
        "partners:organisation_export",
        # organisation directory, networks list and public pages (issue 3, parts 1, 4)
        "partners:organisation_list",
        "partners:organisation_logo",
        "networks:network_list",
        "networks:network_public",
        "networks:network_logo",
        "servicemap:service_map",  # guidance services (issue 3, part 2)
        "servicemap:service_export",
        "portal:people_list",  # people directory and expertise vocabulary (issue 3, part 3)
        "networks:expertise_list",
        "portal:search",  # search (issue 3, part 7)
        # partner agreements (issue 4)
        "agreements:agreement_list",
        "agreements:agreement_export",
        "agreements:agreement_detail",
        "agreements:agreement_history",
        "agreements:document_download",
        *_GOALS_READ_ONLY,
        *_MEETINGS_READ_ONLY,
    }
    assert ours - read_only == set(POST_MATRIX)


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

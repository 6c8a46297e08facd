"""Writes of the partners app."""

import datetime
from typing import Literal

from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from partners.directory.models import Affiliation, ExpertiseArea, GuidanceService, Organisation
from portal.accounts.models import User
from portal.lib.errors import DomainError, StaleEditError, check_version
from portal.lib.slugs import free_slugs
from portal.lib.translated import column_names

# --- guidance services --------------------------------------------------------------------------------------

# What the organisation's people and its networks' coordinators may set on a service: the name and the
# description in each language (``name_fi``…; the Finnish ones also fill the original columns).
SERVICE_FIELDS = (
    *column_names("name"),
    "level",
    "channels",
    "target_groups",
    "languages",
    "regions",
    *column_names("description"),
    "contact_email",
    "contact_phone",
    "contact_url",
    "is_public",
    "topics",
    "municipalities",
    *column_names("opening_hours"),
    *column_names("accessibility"),
)
# The texts a service has in each language (``name_fi``, ``opening_hours_sv``…).
SERVICE_TEXTS = ("name", "description", "opening_hours", "accessibility")


def service_create(
    *,
    organisation: Organisation,
    level: str,
    channels: list[str],
    languages: list[str],
    target_groups: list[str] = (),
    regions: list[str] = (),
    contact_email: str = "",
    contact_phone: str = "",
    contact_url: str = "",
    is_public: bool = False,
    topics: list[str] = (),
    municipalities: list[str] = (),
    **texts: str,
) -> GuidanceService:
    """Add a guidance service to ``organisation``; the model's validation (vocabularies, lengths) applies.

    ``texts``: the name, description, opening hours and accessibility in each language (``name_fi``,
    ``description_sv``…), or ``name``… for the Finnish ones."""
    known = {text: f"{text}_fi" for text in SERVICE_TEXTS}
    unknown = set(texts) - {*known, *(column for text in SERVICE_TEXTS for column in column_names(text))}
    if unknown:
        raise TypeError(f"service_create() cannot set {sorted(unknown)}")
    texts = {known.get(key, key): value for key, value in texts.items()}
    service = GuidanceService(
        organisation=organisation,
        level=level,
        channels=list(channels),
        target_groups=list(target_groups),
        languages=list(languages),
        regions=list(regions),
        contact_email=contact_email,
        contact_phone=contact_phone,
        contact_url=contact_url,
        is_public=is_public,
        topics=list(topics),
        municipalities=list(municipalities),
        **texts,
    )
    service.full_clean()
    with transaction.atomic():
        service.save()
    return service


def service_update(*, service: GuidanceService, version=None, **changes) -> GuidanceService:
    """Change a service's own fields (those of ``SERVICE_FIELDS``, or ``name`` and ``description`` in the
    reader's language) and save only them. ``version``: the
    service's when the form was opened; a stale one raises :class:`~portal.lib.errors.StaleEditError`."""
    unknown = set(changes) - {*SERVICE_FIELDS, *SERVICE_TEXTS}
    if unknown:
        raise TypeError(f"service_update() cannot change {sorted(unknown)}")
    for field, value in changes.items():
        setattr(service, field, list(value) if isinstance(value, tuple) else value)
    service.full_clean()
    with transaction.atomic():
        check_version(GuidanceService.objects.select_for_update().get(pk=service.pk), version)
        service.save(update_fields=[*changes, "updated_at"])
    return service


def service_delete(*, service: GuidanceService) -> None:
    """Remove a guidance service."""
    with transaction.atomic():
        service.delete()


# --- an organisation's own details --------------------------------------------------------------------------

# What the organisation's people and its networks' coordinators may change (the slug stays); the name and
# the description in each language.
ORGANISATION_FIELDS = (
    *column_names("name"),
    "short_name",
    "kind",
    "business_id",
    "regions",
    "municipality",
    "address",
    "website",
    "email",
    "phone",
    "languages",
    *column_names("description"),
    "embed_origins",
)


def organisation_update(
    *,
    organisation: Organisation,
    data: dict,
    expected_version: datetime.datetime,
    logo: UploadedFile | Literal[False] | None = None,
) -> Organisation:
    """Save an organisation's details (``ORGANISATION_FIELDS`` in ``data``, validated by the form; ``name`` and
    ``description`` write the reader's language).

    ``expected_version`` is the ``updated_at`` the editor started from; when the row has changed
    since, nothing is saved and a :class:`~portal.lib.errors.StaleEditError` is raised. ``logo``: a new
    upload replaces the logo, ``False`` removes it, ``None`` leaves it. A replaced file is deleted
    from storage once the change is committed.
    """
    unknown = set(data) - {*ORGANISATION_FIELDS, "name", "description"}
    if unknown:
        raise TypeError(f"organisation_update() cannot change {sorted(unknown)}")
    try:
        return _organisation_save(organisation=organisation, data=data, expected_version=expected_version, logo=logo)
    except IntegrityError:
        # The form checked the business ID; another organisation took it in the same moment.
        raise DomainError({"business_id": _("An organisation with this business ID already exists.")}) from None


def _organisation_save(*, organisation, data, expected_version, logo) -> Organisation:
    with transaction.atomic():
        locked = Organisation.objects.select_for_update().get(pk=organisation.pk)
        if locked.updated_at != expected_version:
            raise StaleEditError(
                _(
                    "Someone else saved this organisation's details while you were editing them. "
                    "Your changes have not been saved: check them against the saved details below and save again."
                ),
                current_version=locked.updated_at,
            )
        for field, value in data.items():
            setattr(locked, field, value)
        fields = [*data, "updated_at"]
        old_logo = locked.logo.name
        if logo is not None:
            locked.logo = logo or ""
            fields.append("logo")
        locked.save(update_fields=fields)
        if "logo" in fields and old_logo and old_logo != locked.logo.name:
            storage = locked.logo.storage
            transaction.on_commit(lambda: storage.delete(old_logo))
    return locked


# --- people: their profiles and affiliations, and the expertise vocabulary ----------------------------------


def profile_update(*, user: User, data: dict, expertise, version=None) -> User:
    """Save a person's own profile fields and areas of expertise. ``version``: the profile's when the form
    was opened; a stale one (saved since in another tab) raises :class:`~portal.lib.errors.StaleEditError`."""
    with transaction.atomic():
        check_version(User.objects.select_for_update().get(pk=user.pk), version)
        for field, value in data.items():
            setattr(user, field, value)
        user.save(update_fields=[*data, "updated_at"])
        user.expertise.set(expertise)
    return user


def affiliation_create(*, user: User, organisation: Organisation, title: str, since, primary: bool) -> Affiliation:
    """Add a current affiliation to a person's own profile.

    The database holds "one current affiliation per organisation" and "one primary"; a request
    that races past the form's checks gets a DomainError, never a 500.
    """
    try:
        with transaction.atomic():
            return Affiliation.objects.create(
                user=user, organisation=organisation, title=title, since=since, primary=primary
            )
    except IntegrityError:
        raise DomainError(
            _("You already work for this organisation, or already have a primary organisation.")
        ) from None


def affiliation_end(*, affiliation: Affiliation, until) -> Affiliation:
    """End a current affiliation on ``until`` (it stays in the person's history); the domains that rest on it hear
    of it (:data:`partners.directory.signals.affiliation_ended`)."""
    if affiliation.since and until < affiliation.since:
        raise DomainError(_("The end date must not be before the start date."))
    with transaction.atomic():
        affiliation.until = until
        affiliation.save(update_fields=["until"])  # sends affiliation_ended (partners.directory.signals)
    return affiliation


def expertise_area_save(*, area: ExpertiseArea, version=None) -> ExpertiseArea:
    """Save a term of a network's vocabulary; a new term gets a unique identifier from its name. ``version``:
    an edited term's when the form was opened; a stale one raises :class:`~portal.lib.errors.StaleEditError`."""
    for _attempt in range(3):
        try:
            with transaction.atomic():
                if area.pk is not None:
                    check_version(ExpertiseArea.objects.select_for_update().get(pk=area.pk), version)
                if not area.slug:
                    [area.slug] = free_slugs(ExpertiseArea, [area.name], fallback="term")
                area.save()
            return area
        except IntegrityError:
            if area.pk is None and ExpertiseArea.objects.filter(slug=area.slug).exists():
                area.slug = ""  # another term took the identifier at the same moment: try the next one
                continue
            break
    raise DomainError(_("This vocabulary already has a term with this name."))

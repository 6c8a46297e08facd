"""Writes of the resource library: adding a resource (a document with its first version, or a link), editing it,
uploading a new version of a document, and deleting a resource with its files.

An uploaded file is checked as every document of the portal is (:func:`portal.lib.uploads.check_document`: by
what it contains, its size, and that its name's extension matches its content) and stored under a
server-generated name in the private media folder; its uploaded name, cleaned, is kept only to be shown and
offered when downloading. A refusal is a :class:`~portal.lib.errors.DomainError`: ``{field: message}`` when the
input is wrong, one message when the resource is gone. Adding a resource tells the network's people
(:mod:`networks.resources.mail`).
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from networks.memberships.models import Network
from networks.resources.mail import mail_resource_added
from networks.resources.models import Resource, ResourceKind, ResourceVersion, Visibility
from portal.lib.errors import DomainError, check_version, validated
from portal.lib.uploads import check_document, clean_filename

TRANSLATED_FIELDS = tuple(f"{field}_{code}" for field in ("title", "description") for code in ("fi", "sv", "en"))
# What the add and edit forms write: the texts in three languages, a link's address and who may read it.
RESOURCE_FIELDS = (*TRANSLATED_FIELDS, "url", "visibility")


def _checked_file(uploaded_file) -> tuple[str, str]:
    """The cleaned name and the content type of an upload, or a refusal next to the ``file`` field."""
    original_name = clean_filename(getattr(uploaded_file, "name", ""))
    try:
        content_type = check_document(uploaded_file, original_name)
    except ValidationError as error:
        raise DomainError({"file": error.error_list}) from None
    return original_name, content_type


def _store(version: ResourceVersion, uploaded_file) -> None:
    """Save the version's row with its file; the file goes again if the row cannot be saved."""
    uploaded_file.seek(0)
    version.file.save(version.original_name, uploaded_file, save=False)
    try:
        version.save()
    except BaseException:
        version.file.storage.delete(version.file.name)
        raise


def _set_fields(resource: Resource, data: dict) -> None:
    unknown = set(data) - set(RESOURCE_FIELDS)
    if unknown:
        raise TypeError(f"cannot set {sorted(unknown)}")
    for field, value in data.items():
        setattr(resource, field, ((value or "").strip() or None) if field in TRANSLATED_FIELDS else value)
    # The untranslated column holds the Finnish text (modeltranslation's default language).
    resource.title = resource.title_fi or ""
    resource.description = resource.description_fi or ""


def _check_tags(network: Network, expertise, goals) -> tuple[list, list]:
    expertise, goals = list(expertise or []), list(goals or [])
    if any(area.network_id not in (None, network.pk) for area in expertise):
        raise DomainError({"expertise": _("Only the portal's and the network's own areas of expertise can be used.")})
    if any(goal.network_id != network.pk for goal in goals):
        raise DomainError({"goals": _("Only the network's own goals can be linked.")})
    return expertise, goals


def resource_create(
    *,
    network: Network,
    user,
    kind: str,
    data: dict,
    uploaded_file=None,
    note: str = "",
    expertise=(),
    goals=(),
    quality_areas=(),
) -> Resource:
    """A document (with ``uploaded_file`` as its first version) or a link of ``network``, added by ``user``;
    the network's other people are told once it is saved."""
    resource = Resource(network=network, kind=kind, added_by=user, quality_areas=list(quality_areas or []))
    _set_fields(resource, {"visibility": Visibility.NETWORK, **data})
    if kind == ResourceKind.DOCUMENT:
        resource.url = ""
        if uploaded_file is None:
            raise DomainError({"file": _("Choose the file to upload.")})
        original_name, content_type = _checked_file(uploaded_file)
    elif not resource.url:
        raise DomainError({"url": _("Enter the link's web address.")})
    expertise, goals = _check_tags(network, expertise, goals)
    validated(resource, exclude=["network", "added_by", "expertise", "goals"])
    with transaction.atomic():
        resource.save()
        resource.expertise.set(expertise)
        resource.goals.set(goals)
        if kind == ResourceKind.DOCUMENT:
            version = ResourceVersion(
                resource=resource,
                number=1,
                original_name=original_name,
                content_type=content_type,
                size=uploaded_file.size,
                note=(note or "").strip(),
                uploaded_by=user,
            )
            _store(version, uploaded_file)
        mail_resource_added(resource=resource, added_by=user)
    return resource


def resource_update(
    *, resource: Resource, data: dict, expertise=None, goals=None, quality_areas=None, version=None
) -> Resource:
    """Save an edit of the resource's texts, address, visibility and tags; refused when someone saved it after
    ``version`` (the form's ``updated_at``)."""
    with transaction.atomic():
        try:
            locked = Resource.objects.select_for_update().select_related("network").get(pk=resource.pk)
        except Resource.DoesNotExist:
            raise DomainError(_("This resource no longer exists.")) from None
        check_version(locked, version)
        _set_fields(locked, data)
        if locked.kind == ResourceKind.DOCUMENT:
            locked.url = ""
        elif not locked.url:
            raise DomainError({"url": _("Enter the link's web address.")})
        if quality_areas is not None:
            locked.quality_areas = list(quality_areas)
        validated(locked, exclude=["network", "added_by", "expertise", "goals"])
        locked.save()
        if expertise is not None or goals is not None:
            checked_expertise, checked_goals = _check_tags(locked.network, expertise, goals)
            if expertise is not None:
                locked.expertise.set(checked_expertise)
            if goals is not None:
                locked.goals.set(checked_goals)
    return locked


def version_add(*, resource: Resource, uploaded_file, user, note: str = "") -> ResourceVersion:
    """A new version of a document: checked, stored, numbered after the newest. The older ones are kept."""
    if resource.kind != ResourceKind.DOCUMENT:
        raise DomainError(_("A link has no versions."))
    original_name, content_type = _checked_file(uploaded_file)
    with transaction.atomic():
        # Two uploads at once get the next numbers one after the other.
        if not Resource.objects.select_for_update().filter(pk=resource.pk).exists():
            raise DomainError(_("This resource no longer exists."))
        newest = resource.versions.aggregate(newest=Max("number"))["newest"] or 0
        version = ResourceVersion(
            resource=resource,
            number=newest + 1,
            original_name=original_name,
            content_type=content_type,
            size=uploaded_file.size,
            note=(note or "").strip(),
            uploaded_by=user,
        )
        validated(version, exclude=["resource", "file", "uploaded_by"])
        _store(version, uploaded_file)
    return version


def resource_delete(*, resource: Resource) -> None:
    """Delete the resource with its versions; their stored files go once the deletion is committed."""
    files = [(version.file.storage, version.file.name) for version in resource.versions.all()]
    with transaction.atomic():
        resource.delete()
        for storage, name in files:
            transaction.on_commit(lambda storage=storage, name=name: storage.delete(name))

"""Keep the search index current: a decoupled hook on the saves and deletes of searchable objects.

Indexing runs after the transaction commits (``transaction.on_commit``, robust: a failure is
logged and never undoes or breaks the save); ``rebuild_search_index`` repairs anything missed,
such as bulk inserts, which send no signals. Saves that change none of the indexed fields
(``update_fields``, e.g. ``last_login`` on every sign-in) do nothing.
"""

from functools import partial

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.dispatch import receiver

from networks.memberships.models import Network
from partners.directory.models import Affiliation, ExpertiseArea, GuidanceService, Organisation
from portal.accounts.models import User
from portal.search import index
from portal.search.models import SearchKind

INDEXED_FIELDS = {
    Organisation: {"slug", "name", "short_name", "kind", "municipality", "regions", "description"},
    GuidanceService: {
        "name",
        "level",
        "channels",
        "target_groups",
        "regions",
        "description",
        "organisation",
        "organisation_id",
    },
    User: {"first_name", "last_name", "title"},
    Network: {"slug", "name", "field", "description", "public_description", "regions"},
}


def _later(function, *args) -> None:
    transaction.on_commit(partial(function, *args), robust=True)


def _changes_index(sender, update_fields) -> bool:
    return update_fields is None or bool(INDEXED_FIELDS[sender] & set(update_fields))


@receiver(post_save, sender=Organisation, dispatch_uid="search_organisation_saved")
def organisation_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if not raw and _changes_index(sender, update_fields):
        _later(index.index_organisation, instance.pk)


@receiver(post_save, sender=GuidanceService, dispatch_uid="search_service_saved")
@receiver(post_save, sender=User, dispatch_uid="search_person_saved")
@receiver(post_save, sender=Network, dispatch_uid="search_network_saved")
def object_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if not raw and _changes_index(sender, update_fields):
        _later(index.index_objects, _KIND[sender], [instance.pk])


@receiver(post_delete, sender=Organisation, dispatch_uid="search_organisation_deleted")
@receiver(post_delete, sender=GuidanceService, dispatch_uid="search_service_deleted")
@receiver(post_delete, sender=User, dispatch_uid="search_person_deleted")
@receiver(post_delete, sender=Network, dispatch_uid="search_network_deleted")
def object_deleted(sender, instance, **kwargs):
    _later(index.remove, _KIND[sender], [instance.pk])


@receiver(post_save, sender=Affiliation, dispatch_uid="search_affiliation_saved")
@receiver(post_delete, sender=Affiliation, dispatch_uid="search_affiliation_deleted")
def affiliation_changed(sender, instance, raw=False, **kwargs):
    """A person's entry lists their organisations."""
    if not raw:
        _later(index.index_objects, SearchKind.PERSON, [instance.user_id])


@receiver(m2m_changed, sender=User.expertise.through, dispatch_uid="search_expertise_changed")
def expertise_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """A person's entry lists their areas of expertise."""
    if action in ("post_add", "post_remove", "post_clear") and not reverse:
        _later(index.index_objects, SearchKind.PERSON, [instance.pk])
    elif action in ("post_add", "post_remove") and reverse:
        _later(index.index_objects, SearchKind.PERSON, list(pk_set))
    elif action == "pre_clear" and reverse:
        _later(index.index_objects, SearchKind.PERSON, list(instance.people.values_list("pk", flat=True)))


@receiver(post_save, sender=ExpertiseArea, dispatch_uid="search_expertise_area_saved")
def expertise_area_saved(sender, instance, created=False, raw=False, update_fields=None, **kwargs):
    """A renamed term: the people who have it."""
    if not raw and not created and (update_fields is None or "name" in update_fields):
        _later(index.index_objects, SearchKind.PERSON, list(instance.people.values_list("pk", flat=True)))


@receiver(pre_delete, sender=ExpertiseArea, dispatch_uid="search_expertise_area_deleted")
def expertise_area_deleted(sender, instance, **kwargs):
    """A deleted term: the people who had it (known only before the delete)."""
    _later(index.index_objects, SearchKind.PERSON, list(instance.people.values_list("pk", flat=True)))


_KIND = {
    Organisation: SearchKind.ORGANISATION,
    GuidanceService: SearchKind.SERVICE,
    User: SearchKind.PERSON,
    Network: SearchKind.NETWORK,
}

"""Signals of the directory, for the domains built on it to act on without the directory knowing them.

``affiliation_ended`` is sent inside the transaction that ended a person's affiliation with an organisation
(``affiliation``, its ``until`` set, or the row deleted); receivers run in that transaction, so what they
change (the person's roles in networks, the memberships they represented the organisation in) is committed or
rolled back with it. It is sent from the model's own save and delete, so every way of ending an affiliation
(the service, the Django admin, a script) is heard, not only the directory's pages.

A save of a guidance service or an organisation rewrites the finder's search document of the services concerned
(:func:`partners.directory.public.refresh_public_documents`).
"""

from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import Signal, receiver

from partners.directory.models import Affiliation, GuidanceService, Organisation
from partners.directory.public import refresh_public_documents

affiliation_ended = Signal()


@receiver(pre_save, sender=Affiliation, dispatch_uid="directory_affiliation_until_before")
def _until_before(sender, instance, raw=False, **kwargs):
    """Whether the row was current before this save (one query, only for a saved row)."""
    instance._was_current = (
        not raw and instance.pk is not None and sender.objects.filter(pk=instance.pk, until__isnull=True).exists()
    )


@receiver(post_save, sender=Affiliation, dispatch_uid="directory_affiliation_ended_by_save")
def _ended_by_save(sender, instance, created, raw=False, **kwargs):
    if not raw and not created and instance.until is not None and getattr(instance, "_was_current", False):
        affiliation_ended.send(sender=Affiliation, affiliation=instance)


@receiver(post_delete, sender=Affiliation, dispatch_uid="directory_affiliation_ended_by_delete")
def _ended_by_delete(sender, instance, **kwargs):
    if instance.until is None:
        affiliation_ended.send(sender=Affiliation, affiliation=instance)


@receiver(post_save, sender=GuidanceService, dispatch_uid="directory_service_public_document")
def _service_saved(sender, instance, raw=False, **kwargs):
    """The finder's search document of the service, from its public fields (:mod:`partners.directory.public`)."""
    if not raw:
        refresh_public_documents([instance.pk])


@receiver(post_save, sender=Organisation, dispatch_uid="directory_organisation_public_document")
def _organisation_saved(sender, instance, raw=False, created=False, **kwargs):
    """The organisation's names are in its services' search documents."""
    if not raw and not created:
        refresh_public_documents(instance.services.values_list("pk", flat=True))

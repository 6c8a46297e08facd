"""The finder forgets its cached result lists whenever what they show may have changed: a service, an
organisation, a network (an embed's allowed sites) or a membership (an embed's organisations) saved or deleted,
and at every ``migrate``, which a deployment runs: a new release's templates and translations show at once."""

import logging

from django.db.models.signals import post_delete, post_migrate, post_save

from networks.finder import cache
from networks.memberships.models import Membership, Network
from partners.directory.models import GuidanceService, Organisation

logger = logging.getLogger(__name__)


def _changed(sender, raw=False, **kwargs):
    cache.bump()


for _model in (GuidanceService, Organisation, Network, Membership):
    post_save.connect(_changed, sender=_model, dispatch_uid=f"finder_changed_save_{_model.__name__}")
    post_delete.connect(_changed, sender=_model, dispatch_uid=f"finder_changed_delete_{_model.__name__}")


def _migrated(sender, **kwargs):
    if sender.label != "networks":  # once per migrate, after the app whose tables the finder's receivers watch
        return
    try:
        cache.bump()
    except Exception:  # no cache table yet (createcachetable runs after the first migrate), Redis unreachable
        logger.warning("The finder's cached lists could not be forgotten after migrate.", exc_info=True)


post_migrate.connect(_migrated, dispatch_uid="finder_changed_migrate")

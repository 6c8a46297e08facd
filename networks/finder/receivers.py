"""The finder forgets its cached result lists whenever what they show may have changed: a service, an
organisation, a network (an embed's allowed sites) or a membership (an embed's organisations) saved or deleted."""

from django.db.models.signals import post_delete, post_save

from networks.finder import cache
from networks.memberships.models import Membership, Network
from partners.directory.models import GuidanceService, Organisation


def _changed(sender, raw=False, **kwargs):
    cache.bump()


for _model in (GuidanceService, Organisation, Network, Membership):
    post_save.connect(_changed, sender=_model, dispatch_uid=f"finder_changed_save_{_model.__name__}")
    post_delete.connect(_changed, sender=_model, dispatch_uid=f"finder_changed_delete_{_model.__name__}")

"""The e-mail of the resource library: a resource has been added → the network's other people.

Each person gets one message of their own, in their language, after the transaction commits
(:func:`portal.lib.mail.send_personal_mail`); the templates are templates/networks/resources/email/*.txt. The
context's ``url`` is the resource page's absolute path, ``link`` the same on the portal's public address.
"""

from django.conf import settings

from networks.memberships.models import NetworkRole
from networks.resources.models import Resource
from portal.lib.mail import mailable_people, send_personal_mail


def network_people(resource: Resource, *, but=None):
    """The people with a role in the resource's network (coordinators, members and observers), but ``but``."""
    people = mailable_people().filter(pk__in=NetworkRole.objects.filter(network_id=resource.network_id).values("user"))
    return people.exclude(pk=but.pk) if but is not None else people


def mail_resource_added(*, resource: Resource, added_by) -> int:
    """A resource has been added to the library: the network's other people may want to read it."""
    url = resource.get_absolute_url()
    return send_personal_mail(
        template_prefix="networks/resources/email/added",
        recipients=network_people(resource, but=added_by),
        context={
            "resource": resource,
            "network": resource.network,
            "added_by": added_by,
            "url": url,
            "link": settings.SITE_URL + url,
        },
        network=resource.network_id,
        about=resource,
    )

"""Access-matrix rows of the resource library.

The matrix resource is a private document of the cast's network, added by the coordinator: the network's people
read it and download its versions, coordinators and the person who added it manage it (edit, delete, upload a
new version); members and coordinators add resources, observers only read; outsiders get 404 and an anonymous
visitor is asked to sign in. A public resource is read by anyone, its earlier versions only by the network's
people; one the member added, the member manages too, until it is public: then only the coordinators change it
(the member is sent back to its page with a message); a link has no versions to upload.
"""

from networks.resources import services
from tests.access_matrix.rows import NETWORK_READ, NETWORK_WRITE, PUBLIC, Case, Entry, network_slug, row
from tests.networks.resources.factories import document, link, upload

# Members and coordinators add resources; observers only read.
ADD = row(302, 404, 403, 200, 200, 200)
# The member who added a resource manages it, as the coordinators do.
ADDER = row(302, 404, 403, 200, 200, 200)
# ... until a coordinator makes it public: then the member is sent back to its page (and an outsider, who reads
# a public resource, may not change it).
PUBLIC_ADDER = row(302, 403, 403, 302, 200, 200)


def _resource(objs):
    if not hasattr(objs, "resource"):
        objs.resource = document(objs.network, objs.coordinator, title="Matriisin opas")
    return objs.resource


def _uuid(objs):
    return {"uuid": _resource(objs).uuid}


def _version(objs):
    return {"uuid": _resource(objs).uuid, "number": 1}


def _public(objs):
    return {"uuid": document(objs.network, objs.coordinator, title="Julkinen opas", public=True).uuid}


def _added_by_member(objs):
    return {"uuid": document(objs.network, objs.member, title="Jäsenen opas").uuid}


def _public_by_member(objs):
    resource = document(objs.network, objs.member, title="Jäsenen julkinen opas")
    resource.visibility = "public"
    resource.save(update_fields=["visibility"])
    return {"uuid": resource.uuid}


def _earlier_public_version(objs):
    resource = document(objs.network, objs.coordinator, title="Julkinen opas", public=True)
    services.version_add(resource=resource, uploaded_file=upload(), user=objs.coordinator)
    return {"uuid": resource.uuid, "number": 1}


def _link(objs):
    return {"uuid": link(objs.network, objs.coordinator).uuid}


GET = {
    "resources:resource_list": Entry(NETWORK_READ, network_slug, login_redirect=True),
    "resources:resource_create": Entry(ADD, network_slug, login_redirect=True),
    "resources:resource_detail": Entry(NETWORK_READ, _uuid, login_redirect=True),
    "resources:resource_edit": Entry(NETWORK_WRITE, _uuid, login_redirect=True),
    "resources:resource_delete": Entry(NETWORK_WRITE, _uuid, login_redirect=True),
    "resources:version_create": Entry(NETWORK_WRITE, _uuid, login_redirect=True),
    "resources:version_download": Entry(NETWORK_READ, _version, login_redirect=True),
}

# An empty POST: the form back with errors (200) or the question asked again, for whoever may act.
POST = {
    "resources:resource_create": Entry(ADD, network_slug),
    "resources:resource_edit": Entry(NETWORK_WRITE, _uuid),
    "resources:resource_delete": Entry(NETWORK_WRITE, _uuid),
    "resources:version_create": Entry(NETWORK_WRITE, _uuid),
}

READ_ONLY = {"resources:resource_list", "resources:resource_detail", "resources:version_download"}

CASES = [
    # A public resource: anyone reads it, signed in or not.
    Case("resources:resource_detail", "a public resource", Entry(PUBLIC, _public)),
    # The member who added a resource manages it too.
    Case("resources:resource_edit", "added by the member", Entry(ADDER, _added_by_member)),
    Case("resources:resource_delete", "added by the member", Entry(ADDER, _added_by_member)),
    Case("resources:version_create", "added by the member", Entry(ADDER, _added_by_member)),
    # A public resource: changed only by the coordinators; its earlier versions are the network's people's.
    Case("resources:resource_edit", "public, added by the member", Entry(PUBLIC_ADDER, _public_by_member)),
    Case("resources:version_create", "public, added by the member", Entry(PUBLIC_ADDER, _public_by_member)),
    Case(
        "resources:version_download",
        "an earlier version of a public resource",
        Entry(NETWORK_READ, _earlier_public_version, login_redirect=True),
    ),
    # A link has no versions.
    Case("resources:version_create", "a link", Entry(row(302, 404, 403, 403, 403, 403), _link)),
    # Nothing is changed by a GET-only page.
    Case("resources:resource_detail", "a POST", Entry(row(405, 405, 405, 405, 405, 405), _uuid), method="post"),
]

"""URLs of networks and memberships at /networks/ (namespace ``networks``); the directory's export with the
membership levels (``partners``) and accepting an invitation (``portal``) are composed by :mod:`portal.urls`."""

from django.urls import path, re_path

from networks.memberships.views import (
    contacts,
    expertise,
    exporting,
    importing,
    invitations,
    networks,
    public,
    roles,
)
from networks.memberships.views import memberships as membership

app_name = "networks"
urlpatterns = [
    # the list of networks, public pages and logos
    path("", public.network_list, name="network_list"),
    path("<slug:slug>/about/", public.network_public, name="network_public"),
    path("<slug:slug>/logo/", public.network_logo, name="network_logo"),
    path("<slug:slug>/", networks.network_detail, name="network_detail"),
    path("<slug:slug>/edit/", networks.network_edit, name="network_edit"),
    path("<slug:slug>/invite/", networks.invitation_create, name="invitation_create"),
    # membership and joining
    path("<slug:slug>/apply/", membership.membership_apply, name="membership_apply"),
    path("<slug:slug>/members/invite/", membership.membership_invite, name="membership_invite"),
    path("<slug:slug>/members/<int:pk>/", membership.membership_detail, name="membership_detail"),
    path("<slug:slug>/members/<int:pk>/edit/", membership.membership_edit, name="membership_edit"),
    path("<slug:slug>/members/<int:pk>/approve/", membership.membership_approve, name="membership_approve"),
    path("<slug:slug>/members/<int:pk>/reject/", membership.membership_reject, name="membership_reject"),
    path("<slug:slug>/members/<int:pk>/accept/", membership.membership_accept, name="membership_accept"),
    # people's roles in the network
    path("<slug:slug>/roles/", roles.role_list, name="role_list"),
    path("<slug:slug>/roles/add/", roles.role_add, name="role_add"),
    path("<slug:slug>/roles/<int:pk>/change/", roles.role_change, name="role_change"),
    path("<slug:slug>/roles/<int:pk>/remove/", roles.role_remove, name="role_remove"),
    path("<slug:slug>/expertise/", expertise.expertise_list, name="expertise_list"),
    path("<slug:slug>/expertise/add/", expertise.expertise_create, name="expertise_create"),
    path("<slug:slug>/expertise/<int:pk>/edit/", expertise.expertise_edit, name="expertise_edit"),
    path("<slug:slug>/expertise/<int:pk>/delete/", expertise.expertise_delete, name="expertise_delete"),
    path("<slug:slug>/contacts/add/", contacts.contact_create, name="contact_create"),
    # importing organisations from a file
    path("<slug:slug>/import/", importing.organisation_import, name="organisation_import"),
    re_path(
        r"^(?P<slug>[-a-zA-Z0-9_]+)/import/template\.(?P<fmt>csv|xlsx)$",
        importing.organisation_import_template,
        name="organisation_import_template",
    ),
]

# The organisation directory as a file, with each organisation's networks and levels (namespace ``partners``).
directory_patterns = [
    re_path(r"^export\.(?P<fmt>csv|xlsx)$", exporting.organisation_export, name="organisation_export"),
]

# Accepting an invitation (namespace ``portal``).
invitation_patterns = [
    path("invitations/<slug:token>/", invitations.invitation_accept, name="invitation_accept"),
]

"""A coordinator adds people who have no account yet (directory contacts) to the network."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from networks.memberships import contacts, selectors
from networks.memberships.forms import ContactForm
from networks.memberships.models import Network
from partners.directory.models import ExpertiseArea
from portal.access import get_for_user
from portal.lib.errors import DomainError
from portal.lib.once import created, creates_once, with_token


@login_required
@creates_once
def contact_create(request, slug):
    """Add a contact. A person the coordinator can see is named and linked; for every other address the answer
    is the same, whether or not somebody has it (see :func:`contacts.contact_add`)."""
    network = get_for_user(request.user, Network, action="edit", slug=slug)
    form = with_token(ContactForm)(
        request.POST or None,
        organisations=selectors.invitable_organisations(network=network),
        areas=ExpertiseArea.objects.filter(Q(network__isnull=True) | Q(network=network)).order_by("name"),
    )
    known = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        known = contacts.known_person(email=data["email"], viewer=request.user)
        if known is not None:
            form.add_error(
                "email",
                _("This e-mail address belongs to %(name)s, who is already in the directory.")
                % {"name": known.get_full_name() or known.email},
            )
        else:
            try:
                contacts.contact_add(
                    network=network,
                    organisation=data["organisation"],
                    email=data["email"],
                    first_name=data["first_name"],
                    last_name=data["last_name"],
                    title=data["title"],
                    phone=data["phone"],
                    languages=data["languages"],
                    expertise=data["expertise"],
                    added_by=request.user,
                    site_url=settings.SITE_URL,
                    language=get_language(),
                )
            except DomainError as error:
                form.add_error("email", str(error))
            else:
                messages.success(
                    request,
                    _(
                        "%(name)s (%(email)s) has been added to the directory, and told by e-mail. If the address "
                        "already belongs to someone in Verkosto, they are invited to join the network instead."
                    )
                    % {"name": f"{data['first_name']} {data['last_name']}", "email": data["email"]},
                )
                return created(request, redirect("networks:network_detail", slug=network.slug))
    return render(
        request, "networks/memberships/contact_form.html", {"form": form, "network": network, "known_person": known}
    )

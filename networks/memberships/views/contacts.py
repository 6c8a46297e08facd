"""A coordinator adds people who have no account yet (directory contacts) to the network."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.shortcuts import redirect, render
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
    network = get_for_user(request.user, Network, action="edit", slug=slug)
    form = with_token(ContactForm)(
        request.POST or None,
        organisations=selectors.invitable_organisations(network=network),
        areas=ExpertiseArea.objects.filter(Q(network__isnull=True) | Q(network=network)).order_by("name"),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            person = contacts.contact_create(
                network=network,
                organisation=data["organisation"],
                email=data["email"],
                first_name=data["first_name"],
                last_name=data["last_name"],
                title=data["title"],
                phone=data["phone"],
                languages=data["languages"],
                expertise=data["expertise"],
            )
        except DomainError as error:
            form.add_error("email", str(error))
        else:
            messages.success(
                request,
                _("%(name)s has been added to the directory. You can invite them from their page.")
                % {"name": person.get_full_name()},
            )
            return created(request, redirect("portal:person_detail", uuid=person.uuid))
    return render(request, "networks/memberships/contact_form.html", {"form": form, "network": network})

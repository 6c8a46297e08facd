"""Views of a network's expertise vocabulary: members read it, coordinators curate it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from networks.memberships.forms import ExpertiseAreaForm
from networks.memberships.models import Network, NetworkRole
from partners.directory import services
from partners.directory.models import ExpertiseArea
from portal.access import can, get_for_user
from portal.accounts.models import User
from portal.lib.errors import DomainError, StaleEditError
from portal.lib.once import created, creates_once, with_token
from portal.lib.pagination import paginate
from portal.lib.views import show_errors


def _with_people_counts(areas, *, network: Network):
    """Each term with how many people of ``network`` use it: a correlated count, no row multiplication."""
    users = (
        User.expertise.through.objects.filter(
            expertisearea=OuterRef("pk"),
            user__in=NetworkRole.objects.filter(network=network).values("user"),
        )
        .order_by()
        .values("expertisearea")
        .annotate(count=Count("*"))
        .values("count")
    )
    return areas.annotate(people_count=Coalesce(Subquery(users, output_field=IntegerField()), 0))


def _term(request, network: Network, pk: int, *, action: str) -> ExpertiseArea:
    """A term of this network's vocabulary (404 for any other), which ``action`` is checked on."""
    return get_for_user(request.user, ExpertiseArea.objects.filter(network=network), action=action, pk=pk)


@require_safe
@login_required
def expertise_list(request, slug):
    network = get_for_user(request.user, Network, slug=slug)
    terms = _with_people_counts(ExpertiseArea.objects.filter(network=network), network=network).order_by("name")
    shared = _with_people_counts(ExpertiseArea.objects.filter(network__isnull=True), network=network).order_by("name")
    context = {
        "network": network,
        "page_obj": paginate(request, terms),
        "shared_page": paginate(request, shared, param="shared_page"),
        "can_edit": can(request.user, network, "edit"),
    }
    return render(request, "networks/memberships/expertise_list.html", context)


@login_required
@creates_once
def expertise_create(request, slug):
    network = get_for_user(request.user, Network, action="edit", slug=slug)
    form = with_token(ExpertiseAreaForm)(request.POST or None, instance=ExpertiseArea(network=network), network=network)
    if request.method == "POST" and form.is_valid():
        try:
            area = services.expertise_area_save(area=form.instance)
        except DomainError as error:
            form.add_error("name", str(error))
        else:
            messages.success(request, _("The term “%(name)s” has been added.") % {"name": area.name})
            return created(request, redirect("networks:expertise_list", slug=network.slug))
    return render(request, "networks/memberships/expertise_form.html", {"form": form, "network": network})


@login_required
def expertise_edit(request, slug, pk):
    network = get_for_user(request.user, Network, slug=slug)
    area = _term(request, network, pk, action="edit")
    form = ExpertiseAreaForm(request.POST or None, instance=area, network=network)
    if request.method == "POST" and form.is_valid():
        try:
            services.expertise_area_save(area=form.instance, version=form.edit_version())
        except StaleEditError as error:
            show_errors(form, error)
        except DomainError as error:
            form.add_error("name", str(error))
        else:
            messages.success(request, _("The term “%(name)s” has been saved.") % {"name": area.name})
            return redirect("networks:expertise_list", slug=network.slug)
    return render(request, "networks/memberships/expertise_form.html", {"form": form, "network": network, "area": area})


@login_required
def expertise_delete(request, slug, pk):
    network = get_for_user(request.user, Network, slug=slug)
    area = _term(request, network, pk, action="delete")
    # An empty POST (no confirmation) shows the confirmation page again; nothing is removed.
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        name = area.name
        area.delete()
        messages.success(request, _("The term “%(name)s” has been removed.") % {"name": name})
        return redirect("networks:expertise_list", slug=network.slug)
    people_count = _with_people_counts(ExpertiseArea.objects.filter(pk=area.pk), network=network).get().people_count
    context = {"network": network, "area": area, "people_count": people_count}
    return render(request, "networks/memberships/expertise_confirm_delete.html", context)

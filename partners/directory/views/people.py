"""People: the people directory ("who knows what"), a person's page, one's own profile and organisations."""

import copy
import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from partners.directory import selectors, services
from partners.directory.forms.people import AffiliationEndForm, AffiliationForm, PeopleFilterForm, ProfileForm
from partners.directory.models import Affiliation
from portal.access import get_for_user
from portal.accounts.models import User
from portal.lib.errors import DomainError
from portal.lib.once import created, creates_once, with_token
from portal.lib.pagination import paginate
from portal.lib.panels import ACCOUNT_PAGE, PERSON_PAGE, render_panels
from portal.lib.views import show_errors


@require_safe
@login_required
def people_list(request):
    """People the viewer may see, filtered by name, organisation, expertise, language and region."""
    form = PeopleFilterForm(request.GET, viewer=request.user)
    filters = form.filters()
    page_obj = paginate(request, selectors.people_directory(viewer=request.user, **filters))
    context = {"form": form, "page_obj": page_obj, "filtered": any(filters.values())}
    return render(request, "partners/directory/people_list.html", context)


@require_safe
@login_required
def person_detail(request, uuid):
    people = selectors.with_contact_visibility(
        selectors.with_profile(User.objects.all(), viewer=request.user), viewer=request.user
    )
    person = get_for_user(request.user, people, uuid=uuid)
    return render(
        request,
        "partners/directory/person_detail.html",
        {
            "person": person,
            "is_own": person.pk == request.user.pk,
            # What other parts of the portal show here (a contact's invitation, for the coordinators).
            "panels": render_panels(PERSON_PAGE, request, person=person),
        },
    )


@require_safe
@login_required
def profile_detail(request):
    person = selectors.with_contact_visibility(
        selectors.with_profile(User.objects.filter(pk=request.user.pk), viewer=request.user), viewer=request.user
    ).get()
    # What other parts of the portal add to one's own page (downloading one's data, erasing the account).
    context = {"person": person, "is_own": True, "account_panels": render_panels(ACCOUNT_PAGE, request, person=person)}
    return render(request, "partners/directory/person_detail.html", context)


@login_required
def profile_edit(request):
    user = request.user
    # The form works on a copy: the page's header keeps the saved name while the input is being fixed.
    form = ProfileForm(request.POST or None, instance=copy.copy(user))
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in ["first_name", "last_name", "title", "phone", "languages"]}
        try:
            services.profile_update(
                user=user, data=data, expertise=form.cleaned_data["expertise"], version=form.edit_version()
            )
        except DomainError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Your profile has been saved."))
            return redirect("portal:profile_detail")
    return render(request, "partners/directory/profile_form.html", {"form": form})


@login_required
@creates_once
def affiliation_create(request):
    """A person's organisations: the current and past ones, and a form to add one."""
    form = with_token(AffiliationForm)(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.affiliation_create(
                user=request.user,
                organisation=form.cleaned_data["organisation"],
                title=form.cleaned_data["title"],
                since=form.cleaned_data["since"],
                primary=form.cleaned_data["primary"],
            )
        except DomainError as error:
            show_errors(form, error)
        else:
            messages.success(
                request,
                _("%(organisation)s has been added to your organisations.")
                % {"organisation": form.cleaned_data["organisation"].name},
            )
            return created(request, redirect("portal:affiliation_create"))
    context = {"form": form, "affiliations": selectors.own_affiliations(user=request.user)}
    return render(request, "partners/directory/affiliation_list.html", context)


@login_required
def affiliation_end(request, pk):
    """Confirm (GET) and end (POST) one of the person's own current affiliations."""
    affiliation = get_object_or_404(
        Affiliation.objects.filter(user=request.user, until__isnull=True).select_related("organisation"), pk=pk
    )
    today = timezone.localdate()
    form = AffiliationEndForm(
        request.POST or None,
        affiliation=affiliation,
        initial={"until": max(today, affiliation.since or datetime.date.min)},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.affiliation_end(affiliation=affiliation, until=form.cleaned_data["until"])
        except DomainError as error:
            form.add_error("until", str(error))
        else:
            messages.success(
                request,
                _("Your affiliation with %(organisation)s has ended.")
                % {"organisation": affiliation.organisation.name},
            )
            return redirect("portal:affiliation_create")
    return render(request, "partners/directory/affiliation_end.html", {"form": form, "affiliation": affiliation})

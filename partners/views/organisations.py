"""Views of organisations."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_safe

from partners import selectors
from partners.models import Organisation
from portal.access import get_for_user
from portal.lib.pagination import paginate


@require_safe
@login_required
def organisation_detail(request, slug):
    organisation = get_for_user(request.user, Organisation, slug=slug)
    context = {
        "organisation": organisation,
        "people": paginate(request, selectors.organisation_people(organisation=organisation, viewer=request.user)),
        "memberships": selectors.organisation_memberships(organisation=organisation, user=request.user),
    }
    return render(request, "partners/organisation_detail.html", context)

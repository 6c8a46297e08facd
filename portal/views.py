"""Views of the portal app: dashboard, profiles, invitations, static pages, health."""

import datetime

from allauth.account.utils import perform_login
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.db import connection
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from networks.memberships import selectors as network_selectors
from portal import selectors, services
from portal.access import get_for_user
from portal.accounts.models import Invitation, User
from portal.forms import InvitationAcceptForm, ProfileForm
from portal.lib.access import Role

# When the accessibility statement was last reviewed (update with the text).
ACCESSIBILITY_STATEMENT_DATE = datetime.date(2026, 11, 29)


@require_safe
def home(request):
    """Signed-in people get their dashboard; visitors a short introduction and the sign-in link."""
    if not request.user.is_authenticated:
        return render(request, "portal/landing.html")
    networks = list(selectors.dashboard_networks(user=request.user))
    # The coordinator's to-do list (one query, and none for people who coordinate nothing).
    coordinated = [network.pk for network in networks if network.my_role == Role.COORDINATOR]
    context = {
        "networks": networks,
        "affiliations": selectors.current_affiliations(user=request.user),
        "todo": network_selectors.coordinator_todo(network_ids=coordinated) if coordinated else None,
        # The agreements (issue 4): the coordinator's three lists (one query), and for anyone who
        # speaks for an organisation, what waits for its signature (one query).
        "agreement_todo": selectors.coordinator_agreement_todo(network_ids=coordinated) if coordinated else None,
        "awaiting_signature": selectors.agreements_awaiting_signature(user=request.user),
        # Shared goals (issue 5): what waits for an organisation the person answers for (one query), and
        # for coordinators the proposals waiting for endorsement to be opened (one query).
        "goals_awaiting_answer": selectors.goals_awaiting_answer(user=request.user),
        "goal_proposals": selectors.goal_proposals_waiting(network_ids=coordinated) if coordinated else None,
        # Meetings (issue 6): the person's open action items, overdue first (one query), and their next
        # meetings (one query).
        "my_actions": selectors.my_open_actions(user=request.user),
        "next_meetings": selectors.my_next_meetings(user=request.user),
        "today": timezone.localdate(),
    }
    return render(request, "portal/dashboard.html", context)


@require_safe
@login_required
def profile_detail(request):
    person = selectors.with_contact_visibility(
        selectors.with_profile(User.objects.filter(pk=request.user.pk), viewer=request.user), viewer=request.user
    ).get()
    return render(request, "portal/person_detail.html", {"person": person, "is_own": True})


@login_required
def profile_edit(request):
    user = request.user
    form = ProfileForm(request.POST or None, instance=user)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in ["first_name", "last_name", "title", "phone", "languages"]}
        services.profile_update(user=user, data=data, expertise=form.cleaned_data["expertise"])
        messages.success(request, _("Your profile has been saved."))
        return redirect("portal:profile_detail")
    return render(request, "portal/profile_form.html", {"form": form})


@require_safe
@login_required
def person_detail(request, uuid):
    people = selectors.with_contact_visibility(
        selectors.with_profile(User.objects.all(), viewer=request.user), viewer=request.user
    )
    person = get_for_user(request.user, people, uuid=uuid)
    return render(
        request,
        "portal/person_detail.html",
        {
            "person": person,
            "is_own": person.pk == request.user.pk,
            # A contact without an account: the coordinators of their networks may invite them.
            "invitation_targets": selectors.contact_invitation_targets(person=person, viewer=request.user),
        },
    )


@never_cache
def invitation_accept(request, token):
    """The invitee chooses a password and lands signed in.

    Someone who already has an account signs in and confirms (they join the organisation
    and the network); a person signed in with another account is told so.
    """
    invitation = Invitation.objects.select_related("organisation", "network").filter(token=token).first()
    if invitation is None or not invitation.is_usable:
        return render(request, "portal/invitation_invalid.html", status=404)
    owner = services.existing_account(invitation.email)
    if owner is not None:
        return _invitation_join(request, invitation, owner)
    if request.user.is_authenticated:
        return render(
            request,
            "portal/invitation_signed_in.html",
            {"invitation": invitation},
            status=409,
        )
    # A directory contact's names are already known: offered for checking, and the row becomes the account.
    contact = services.existing_contact(invitation.email)
    initial = {"first_name": contact.first_name, "last_name": contact.last_name} if contact else None
    form = InvitationAcceptForm(request.POST or None, email=invitation.email, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.invitation_accept(
                token=token,
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
                password=form.cleaned_data["password1"],
            )
        except services.InvitationError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Welcome to Verkosto! Your account is ready."))
            return perform_login(request, user, email_verification="none", redirect_url="/")
    return render(
        request,
        "portal/invitation_accept.html",
        {"form": form, "invitation": invitation},
    )


def _invitation_join(request, invitation, owner):
    if not request.user.is_authenticated:
        messages.info(request, _("You already have an account: sign in to accept the invitation."))
        return redirect_to_login(request.get_full_path())
    if request.user.pk != owner.pk:
        return render(request, "portal/invitation_signed_in.html", {"invitation": invitation}, status=409)
    if request.method == "POST":
        try:
            services.invitation_join(token=invitation.token, user=request.user)
        except services.InvitationError as error:
            messages.error(request, str(error))
            return redirect("portal:home")
        messages.success(request, _("You have accepted the invitation."))
        if invitation.network_id:
            return redirect("networks:network_detail", slug=invitation.network.slug)
        return redirect("portal:home")
    return render(request, "portal/invitation_join.html", {"invitation": invitation})


@require_safe
def accessibility_statement(request):
    context = {
        "operator": settings.SERVICE_OPERATOR,
        "feedback_email": settings.ACCESSIBILITY_FEEDBACK_EMAIL,
        "prepared_on": date_format(ACCESSIBILITY_STATEMENT_DATE, "SHORT_DATE_FORMAT"),
    }
    return render(request, "portal/accessibility.html", context)


@require_safe
def privacy_notice(request):
    context = {"operator": settings.SERVICE_OPERATOR, "privacy_email": settings.PRIVACY_CONTACT_EMAIL}
    return render(request, "portal/privacy.html", context)


@require_safe
@never_cache
def healthz(request):
    """200 when the database answers, 503 when it does not. No details for outsiders."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")

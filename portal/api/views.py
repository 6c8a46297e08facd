"""A person's personal access tokens: the list (with a new token's secret, shown once), making one and revoking
one (with a confirmation page). Only the person's own tokens: anyone else's is a 404, administrators' too."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from portal.api import tokens as services
from portal.api.forms import CreateTokenForm
from portal.api.models import AccessToken
from portal.lib.once import created, creates_once

# The new token's secret waits in the session for the one page that shows it, and is removed from it there.
NEW_SECRET = "api_token_secret"  # noqa: S105 - the session key's name, not a secret


@require_safe
@login_required
def token_list(request):
    """The person's tokens, newest first; after making one, its secret, this once."""
    tokens = AccessToken.objects.visible_to(request.user).order_by("-created_at", "-pk")[:200]
    secret = request.session.pop(NEW_SECRET, None)
    return render(request, "portal/api/token_list.html", {"tokens": tokens, "secret": secret})


@require_http_methods(["GET", "POST"])
@login_required
@creates_once
def token_create(request):
    form = CreateTokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        _token, secret = services.token_create(
            user=request.user,
            name=form.cleaned_data["name"],
            scopes=form.cleaned_data["scopes"],
            expires_at=form.expires_at(),
        )
        request.session[NEW_SECRET] = secret
        return created(request, redirect("api_tokens:token_list"))
    return render(request, "portal/api/token_form.html", {"form": form})


@require_http_methods(["GET", "POST"])
@login_required
def token_revoke(request, uuid):
    """Ask, then revoke: the token stops working at once."""
    token = get_object_or_404(AccessToken.objects.visible_to(request.user), uuid=uuid)
    if request.method == "POST":
        services.token_revoke(token=token)
        messages.success(request, _("The token has been revoked."))
        return redirect("api_tokens:token_list")
    return render(request, "portal/api/token_revoke.html", {"token": token})

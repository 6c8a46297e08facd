"""The provider's sign-in page (people of the people file, by address and password) and django-oauth-toolkit's
endpoints under ``/o/`` (the issuer is ``http://127.0.0.1:<port>/o``)."""

from django.contrib.auth import get_user_model, login
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect
from django.urls import include, path
from django.utils.html import escape
from django.utils.http import url_has_allowed_host_and_scheme

from tests.oidc_provider.validator import people

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Test identity provider</title></head>
<body><main><h1>Test identity provider</h1>{error}
<form method="post"><input type="hidden" name="csrfmiddlewaretoken" value="{csrf}">
<input type="hidden" name="next" value="{next}">
<p><label for="username">E-mail</label> <input id="username" name="username" type="email" required></p>
<p><label for="password">Password</label> <input id="password" name="password" type="password" required></p>
<p><button type="submit">Sign in to the provider</button></p></form></main></body></html>"""


def sign_in(request):
    next_url = request.POST.get("next") or request.GET.get("next") or "/"
    error = ""
    if request.method == "POST":
        person = people().get(request.POST.get("username", ""))
        if person and person.get("password") == request.POST.get("password"):
            user, _ = get_user_model().objects.get_or_create(username=request.POST["username"])
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
                next_url = "/"
            return redirect(next_url)
        error = "<p role='alert'>Wrong e-mail or password.</p>"
    html = PAGE.format(error=error, csrf=get_token(request), next=escape(next_url))
    return HttpResponse(html)


urlpatterns = [
    path("login/", sign_in),
    path("o/", include("oauth2_provider.urls", namespace="oauth2_provider")),
]

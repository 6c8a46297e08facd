"""One object per create form, however often it is sent.

A create form carries a one-time token (the hidden ``once`` field, made when the form is shown:
:class:`OnceFormMixin`, or ``{% once_token %}`` in a hand-written form). The create view, decorated with
:func:`creates_once`, claims the token by inserting a :class:`CreateToken` row under a unique constraint in
the same transaction as the object it creates, and records where the object is (:func:`created`).

A second POST with the same token (a double click, a reload after a slow answer) either finds the committed
row at once, or waits on the unique index while the first request runs and then finds it: it is led to the
first object with a note and creates nothing, so nothing is e-mailed twice either (e-mail leaves on commit).
A form that does not save (invalid input, a refusal) leaves its token unclaimed: the person mends the form
and sends it again. A POST without a token (a tab opened before tokens existed) is served as before, once;
the form shown again carries a fresh token.

The rows are kept for :data:`KEEP` and removed by :func:`prune` (called by the daily retention job).
"""

import datetime
import functools
import uuid

from django import forms
from django.conf import settings
from django.contrib import messages
from django.db import IntegrityError, models, transaction
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_htmx.http import HttpResponseClientRedirect

from portal.lib.validators import plausible_dates, validate_plausible_date

FIELD = "once"
# How long a used token leads back to its object; a form older than this creates again.
KEEP = datetime.timedelta(days=30)


class CreateToken(models.Model):
    """A create form's token, claimed by the request that saved it; ``url`` is the page of what it made."""

    token = models.UUIDField(gettext_lazy("token"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=gettext_lazy("person")
    )
    kind = models.CharField(gettext_lazy("form"), max_length=100)
    url = models.CharField(gettext_lazy("address"), max_length=2000, blank=True)
    created_at = models.DateTimeField(
        gettext_lazy("created"), default=timezone.now, db_index=True, validators=[validate_plausible_date]
    )

    class Meta:
        app_label = "portal"
        verbose_name = gettext_lazy("create token")
        verbose_name_plural = gettext_lazy("create tokens")
        constraints = [
            models.UniqueConstraint(fields=["user", "token"], name="create_token_once_per_person"),
            *plausible_dates("created_at", datetimes=True),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.token}"


def parse(value) -> uuid.UUID | None:
    """The token in ``value``, or None when it is missing or not a token."""
    try:
        return uuid.UUID(str(value)) if value else None
    except ValueError:
        return None


def new_token() -> str:
    return str(uuid.uuid4())


def _claim(request, token: uuid.UUID) -> CreateToken | None:
    """Insert the token's row; None when it is claimed already. A request holding an uncommitted claim of
    the same token makes the INSERT wait on the unique index until that request commits or rolls back."""
    try:
        with transaction.atomic():
            return CreateToken.objects.create(token=token, user=request.user, kind=_kind(request))
    except IntegrityError:
        return None


def _kind(request) -> str:
    match = getattr(request, "resolver_match", None)
    return (match.view_name if match else request.path)[:100]


def _already_saved(request, token: uuid.UUID):
    """To what the token made, with a note. A form sent in place (htmx) is led there by the browser itself
    (``HX-Redirect``): a redirect its request followed would bring the whole page into the form's region."""
    claim = CreateToken.objects.filter(token=token, user=request.user).first()
    messages.info(request, _("This was already saved: here it is."))
    url = claim.url if claim is not None and claim.url else "/"
    return HttpResponseClientRedirect(url) if getattr(request, "htmx", False) else redirect(url)


def creates_once(view):
    """Decorate a create view (innermost, below ``login_required``): a POST's token is claimed in the
    transaction of the whole view, and a token claimed already leads to what it created. The view says
    that it saved with ``return created(request, response)``; otherwise the claim is let go."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        token = parse(request.POST.get(FIELD)) if request.method == "POST" else None
        if token is None or not request.user.is_authenticated:
            return view(request, *args, **kwargs)
        with transaction.atomic():
            claim = _claim(request, token)
            if claim is None:
                return _already_saved(request, token)
            request.create_token = claim
            response = view(request, *args, **kwargs)
            if claim.url:
                claim.save(update_fields=["url"])
            else:
                claim.delete()
        return response

    wrapper.creates_once = True
    return wrapper


def created(request, response):
    """Mark the request's token as used by what the view created, ``response`` being the redirect to it."""
    claim = getattr(request, "create_token", None)
    if claim is not None:
        claim.url = response.url
    return response


def prune(*, now=None, keep: datetime.timedelta = KEEP) -> int:
    """Remove the tokens older than ``keep``; returns how many. For the daily retention job."""
    cutoff = (now or timezone.now()) - keep
    deleted, _per_model = CreateToken.objects.filter(created_at__lt=cutoff).delete()
    return deleted


def hidden_input():
    """A hand-written create form's token: ``{% once_token %}``."""
    return format_html('<input type="hidden" name="{}" value="{}">', FIELD, new_token())


@functools.cache
def with_token(form_class):
    """``form_class`` carrying the token: a subclass with :class:`OnceFormMixin`, made once per class, so that
    a form shared by the create and the edit page carries it only on the create page."""
    namespace = {"__module__": form_class.__module__, "__doc__": form_class.__doc__}
    return type(form_class)(form_class.__name__, (OnceFormMixin, form_class), namespace)


class OnceFormMixin:
    """A create form's hidden token: fresh when the form is shown, kept when it is shown again with errors
    (the claim was let go), fresh again when a POST came without one. It is not part of ``cleaned_data``."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        token = new_token()
        # An id of its own: two create forms on one page (the agenda's) must not both say id="id_once".
        widget = forms.HiddenInput(attrs={"id": f"{FIELD}-{token}"})
        self.fields[FIELD] = forms.UUIDField(required=False, widget=widget, initial=token)
        name = self.add_prefix(FIELD)
        if self.is_bound and parse(self.data.get(name)) is None:
            self.data = self.data.copy()
            self.data[name] = new_token()

    def clean(self):
        cleaned = super().clean()
        if cleaned is not None:
            cleaned.pop(FIELD, None)
        self.cleaned_data.pop(FIELD, None)
        return cleaned

    # A crispy helper with a layout renders only the fields it names: make it render the hidden token too.
    @property
    def helper(self):
        if "_once_helper" in self.__dict__:
            return self.__dict__["_once_helper"]
        for klass in type(self).__mro__:  # a helper the form class keeps as a class attribute
            found = vars(klass).get("helper")
            if found is not None and not isinstance(found, property):
                found.render_hidden_fields = True
                return found
        raise AttributeError("helper")

    @helper.setter
    def helper(self, helper):
        helper.render_hidden_fields = True
        self.__dict__["_once_helper"] = helper

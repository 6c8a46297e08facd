"""Web origins (``https://host[:port]``): the sites allowed to show a page of the portal in a frame.

An origin is written by a person on a form, so it is normalised (lower-case host, IDNA, the default port left
out, no path) and refused unless it is a plain https origin: no wildcards, no paths, no credentials.
"""

import re
from urllib.parse import urlsplit

from django import forms
from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

MAX_ORIGINS = 20
_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")


def normalise_origin(text: str) -> str:
    """``"https://Example.FI:443/"`` → ``"https://example.fi"``; raises :class:`ValidationError` for anything
    but an https origin."""
    text = (text or "").strip()
    refused = ValidationError(
        _("Enter a web address of the form https://www.example.fi (https, a host name, optionally a port)."),
        code="origin",
    )
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        raise refused from None
    if parts.scheme.lower() != "https" or parts.username or parts.password or parts.query or parts.fragment:
        raise refused
    if parts.path not in ("", "/") or not parts.hostname:
        raise refused
    try:
        host = parts.hostname.encode("idna").decode("ascii").lower()
    except UnicodeError:
        raise refused from None
    labels = host.split(".")
    if len(labels) < 2 or not all(_LABEL.match(label) for label in labels) or labels[-1].isdigit():
        raise refused
    return f"https://{host}" + (f":{port}" if port and port != 443 else "")


def validate_origin(value: str) -> None:
    if normalise_origin(value) != value:
        raise ValidationError(_("Write the address in its normal form: %(origin)s"), params={"origin": value})


def parse_origins(text: str) -> list[str]:
    """The origins of ``text`` (one a line, or separated by spaces or commas), normalised, each once."""
    found = []
    errors = []
    for item in re.split(r"[\s,]+", text or ""):
        if not item:
            continue
        try:
            found.append(normalise_origin(item))
        except ValidationError:
            errors.append(item)
    if errors:
        raise ValidationError(
            _("These are not https web addresses of a site: %(items)s. Write each as https://www.example.fi."),
            params={"items": ", ".join(errors)},
            code="origins",
        )
    found = list(dict.fromkeys(found))
    if len(found) > MAX_ORIGINS:
        raise ValidationError(_("List at most %(count)d sites."), params={"count": MAX_ORIGINS}, code="origins")
    return found


class OriginsFormField(forms.CharField):
    """The origins one a line; normalised, each once (:func:`parse_origins`)."""

    widget = forms.Textarea(attrs={"rows": 3, "autocomplete": "off", "spellcheck": "false"})

    def __init__(self, *, max_length=None, base_field=None, size=None, **kwargs):
        kwargs["required"] = False
        kwargs["help_text"] = kwargs.get("help_text") or _(
            "The web addresses of the sites that may show the public guidance services in a frame, one a line, "
            "e.g. https://www.example.fi. Leave empty to allow no site."
        )
        super().__init__(**kwargs)

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, list | tuple) else value

    def to_python(self, value):
        return parse_origins(super().to_python(value))


class OriginsArrayField(ArrayField):
    """An array of origins, edited as lines of text. To migrations it is a plain ``ArrayField``."""

    def formfield(self, **kwargs):
        return super(ArrayField, self).formfield(
            **{"form_class": OriginsFormField, "help_text": self.help_text, **kwargs}
        )

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.contrib.postgres.fields.ArrayField", args, kwargs


def origins_field():
    """The sites a frame of the portal may be shown on, normalised https origins."""
    return OriginsArrayField(
        models.CharField(max_length=300, validators=[validate_origin]),
        verbose_name=_("sites that may embed the public services"),
        default=list,
        blank=True,
        size=MAX_ORIGINS,
    )

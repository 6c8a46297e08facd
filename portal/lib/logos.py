"""Logos of organisations and networks: the upload field and the view that serves them.

Logos are private media like every upload (there is no public media URL): the views that serve
them check access first and then call :func:`logo_response`.
"""

import uuid

from django import forms
from django.http import FileResponse, Http404
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _

from portal.lib.validators import LOGO_ACCEPT, LOGO_FORMATS, logo_format, validate_logo, validate_logo_size

# A logo's address carries a version (its stored name), so it may be kept for a day.
LOGO_MAX_AGE = 24 * 60 * 60


class LogoField(forms.ImageField):
    """An image upload checked by :func:`validate_logo`: size first (before Pillow reads it), then format."""

    default_error_messages = {
        "invalid_image": _("This file is not an image, or it is damaged. Upload a PNG, JPEG, WebP or GIF image."),
    }
    default_validators = [validate_logo]

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", _("A PNG, JPEG, WebP or GIF image of at most 2 MB."))
        # No "currently: <link>" widget: the stored file has no public URL (the form shows the logo itself).
        kwargs.setdefault("widget", forms.FileInput(attrs={"accept": LOGO_ACCEPT}))
        super().__init__(**kwargs)

    def to_python(self, data):
        if data not in self.empty_values:
            validate_logo_size(data)
        return super().to_python(data)


def logo_response(logo) -> FileResponse:
    """Serve a stored logo (a FieldFile) with the content type of what it really is; 404 when there is none."""
    if not logo:
        raise Http404
    try:
        handle = logo.storage.open(logo.name, "rb")
    except OSError:
        raise Http404 from None
    found = logo_format(handle)
    if found not in LOGO_FORMATS:
        handle.close()
        raise Http404
    response = FileResponse(handle, content_type=LOGO_FORMATS[found])
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Disposition"] = "inline"
    patch_cache_control(response, private=True, max_age=LOGO_MAX_AGE)
    return response


def logo_path(instance, filename: str) -> str:
    """A server-generated name: the uploaded name is never used (only its checked extension)."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    extension = extension if extension in {"png", "jpg", "jpeg", "gif", "webp"} else "img"
    folder = type(instance)._meta.model_name
    return f"logos/{folder}/{uuid.uuid4().hex}.{extension}"

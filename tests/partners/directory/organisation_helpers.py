"""Helpers the organisation tests share: logo images and uploads, the edit form's address and data, the logo's
address, and reading a served file."""

import io
import re

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image


def image_bytes(fmt="PNG", size=(40, 20), color=(10, 80, 160)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format=fmt)
    return buffer.getvalue()


def upload(name="logo.png", content=None, content_type="image/png"):
    return SimpleUploadedFile(name, image_bytes() if content is None else content, content_type=content_type)


def has_checkboxes(html, name) -> bool:
    return bool(
        re.search(rf'<input[^>]*type="checkbox"[^>]*name="{name}"|<input[^>]*name="{name}"[^>]*type="checkbox"', html)
    )


def edit_url(organisation):
    return reverse("partners:organisation_edit", kwargs={"slug": organisation.slug})


def logo_url(organisation):
    return reverse("partners:organisation_logo", kwargs={"slug": organisation.slug})


def fetch(client, url):
    """GET ``url``; a streamed file is read to the end, which closes it (the test client's wrapper does)."""
    response = client.get(url)
    response.body = b"".join(response.streaming_content) if response.streaming else response.content
    return response


def form_data(organisation, **changes):
    """What the edit form posts for ``organisation`` unchanged, with ``changes``."""
    data = {
        "name_fi": organisation.name_fi,
        "name_sv": organisation.name_sv or "",
        "name_en": organisation.name_en or "",
        "short_name": organisation.short_name,
        "kind": organisation.kind,
        "business_id": organisation.business_id,
        "regions": organisation.regions,
        "municipality": organisation.municipality,
        "address": organisation.address,
        "website": organisation.website,
        "email": organisation.email,
        "phone": organisation.phone,
        "languages": organisation.languages,
        "description_fi": organisation.description_fi or "",
        "description_sv": organisation.description_sv or "",
        "description_en": organisation.description_en or "",
        "version": organisation.updated_at.isoformat(),
    }
    data.update(changes)
    return data

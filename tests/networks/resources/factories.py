"""What the tests of the resource library share: documents and links made as the services make them, and the
files they upload (real ones, built by hand in the agreements' tests)."""

from django.core.files.uploadedfile import SimpleUploadedFile

from networks.resources import services
from networks.resources.models import ResourceKind, Visibility
from tests.partners.agreements.document_files import docx_bytes, pdf_bytes

__all__ = ["document", "docx_bytes", "link", "pdf_bytes", "stored_files", "upload"]


def upload(name="opas.pdf", content=None) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, pdf_bytes() if content is None else content, content_type="application/pdf")


def _data(title, description, public):
    return {
        "title_fi": title,
        "description_fi": description,
        "visibility": Visibility.PUBLIC if public else Visibility.NETWORK,
    }


def document(network, user, *, title="Ohjauksen laatuopas", description="", public=False, name="opas.pdf", **tags):
    """A document of ``network`` added by ``user`` with a PDF as its first version."""
    return services.resource_create(
        network=network,
        user=user,
        kind=ResourceKind.DOCUMENT,
        data=_data(title, description, public),
        uploaded_file=upload(name),
        **tags,
    )


def link(network, user, *, title="Työmarkkinatori", url="https://tyomarkkinatori.fi/", public=False, **tags):
    """A link of ``network`` added by ``user``."""
    return services.resource_create(
        network=network,
        user=user,
        kind=ResourceKind.LINK,
        data={**_data(title, "", public), "url": url},
        **tags,
    )


def stored_files(settings) -> list:
    folder = settings.MEDIA_ROOT / "resources"
    return sorted(folder.iterdir()) if folder.exists() else []

"""The upload form of an agreement's documents. What a file must contain is checked by
:func:`partners.agreements.documents.check_document` when the document is added; the form checks the size first."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from partners.agreements import documents
from partners.agreements.models import AgreementDocument, DocumentKind
from portal.lib.uploads import DocumentFileField
from portal.lib.validators import validate_single_line


class DocumentForm(forms.Form):
    """A signed agreement or an annex: the file, its kind and an optional title."""

    file = DocumentFileField(
        label=_("File"),
        widget=forms.FileInput(attrs={"accept": documents.DOCUMENT_ACCEPT}),
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=DocumentKind.choices, widget=forms.RadioSelect)
    title = forms.CharField(
        label=pgettext_lazy("document", "Title"),
        max_length=AgreementDocument._meta.get_field("title").max_length,
        required=False,
        validators=[validate_single_line],
        help_text=_("Optional. Shown instead of the file name, for example “Annex 1: budget”."),
    )

    def __init__(self, *args, agreement, **kwargs):
        super().__init__(*args, **kwargs)
        # After signing, the signed copy is what is usually still missing.
        has_signed_copy = any(document.kind == DocumentKind.SIGNED for document in agreement.documents.all())
        self.fields["kind"].initial = (
            DocumentKind.SIGNED if not agreement.is_open and not has_signed_copy else DocumentKind.ANNEX
        )
        self.fields["file"].help_text = _("Allowed types: %(types)s. At most %(limit)s.") % {
            "types": documents.DOCUMENT_TYPE_NAMES,
            "limit": filesizeformat(documents.DOCUMENT_MAX_BYTES),
        }
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", _("Upload")))

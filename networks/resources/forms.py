"""Forms of the resource library: adding a resource, editing it, uploading a new version, and the library's
filters. What an uploaded file must contain is checked by :func:`portal.lib.uploads.check_document` when it is
stored; the form checks its size first."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Fieldset, Layout, Row, Submit
from django import forms
from django.db.models import Q
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from networks.goals.models import Goal, QualityArea
from networks.resources.models import Resource, ResourceKind, ResourceVersion
from networks.resources.services import TRANSLATED_FIELDS
from partners.directory.models import ExpertiseArea
from portal.lib import uploads
from portal.lib.forms import VersionedFormMixin, filter_helper
from portal.lib.validators import validate_single_line

LANGUAGE_LABELS = {
    "title_fi": _("Title in Finnish"),
    "title_sv": _("Title in Swedish"),
    "title_en": _("Title in English"),
    "description_fi": _("Description in Finnish"),
    "description_sv": _("Description in Swedish"),
    "description_en": _("Description in English"),
}
NOTE_MAX_LENGTH = ResourceVersion._meta.get_field("note").max_length


def expertise_terms(network):
    """The areas of expertise a resource of ``network`` can be tagged with: the portal's and the network's own."""
    return ExpertiseArea.objects.filter(Q(network__isnull=True) | Q(network=network)).order_by("name", "pk")


def network_goals(network):
    return Goal.objects.filter(network=network).order_by("title", "pk")


def _file_help(*, adding: bool = False) -> str:
    limits = {"types": uploads.DOCUMENT_TYPE_NAMES, "limit": filesizeformat(uploads.DOCUMENT_MAX_BYTES)}
    if adding:
        return _("For a document. Allowed types: %(types)s. At most %(limit)s.") % limits
    return _("Allowed types: %(types)s. At most %(limit)s.") % limits


def _file_field(*, required: bool) -> uploads.DocumentFileField:
    return uploads.DocumentFileField(
        label=_("File"), required=required, widget=forms.FileInput(attrs={"accept": uploads.DOCUMENT_ACCEPT})
    )


def _note_field() -> forms.CharField:
    return forms.CharField(
        label=_("What changed"),
        max_length=NOTE_MAX_LENGTH,
        required=False,
        validators=[validate_single_line],
        help_text=_("Optional, for the version history, for example “Updated contact details”."),
    )


class ResourceForm(VersionedFormMixin, forms.ModelForm):
    """A resource's texts in three languages (Finnish required), its address (a link), who may read it (for
    coordinators) and its tags. Adding a document also takes its first file; an edit carries ``version``."""

    class Meta:
        model = Resource
        fields = [*TRANSLATED_FIELDS, "url", "visibility", "expertise", "goals", "quality_areas"]
        widgets = {
            "description_fi": forms.Textarea(attrs={"rows": 4}),
            "description_sv": forms.Textarea(attrs={"rows": 4}),
            "description_en": forms.Textarea(attrs={"rows": 4}),
            "visibility": forms.RadioSelect(),
            "expertise": forms.CheckboxSelectMultiple(),
            "goals": forms.CheckboxSelectMultiple(),
        }

    kind = forms.ChoiceField(label=_("Kind"), choices=ResourceKind.choices, widget=forms.RadioSelect)
    quality_areas = forms.MultipleChoiceField(
        label=_("Quality areas of guidance"),
        choices=QualityArea.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, may_publish: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        resource = self.instance
        network = resource.network
        self.carry_version(resource)
        self.adding = resource.pk is None
        for name, label in LANGUAGE_LABELS.items():
            self.fields[name].label = label
        self.fields["title_fi"].required = True
        self.fields["title_sv"].help_text = self.fields["title_en"].help_text = _(
            "Optional. Readers of another language see the Finnish text until it is translated."
        )
        self.fields["url"].label = _("Web address of the link")
        self.fields["url"].help_text = _("For a link: the address, starting with https://.")
        self.fields["url"].assume_scheme = "https"
        self.fields["expertise"].queryset = expertise_terms(network)
        self.fields["expertise"].label = _("Areas of expertise")
        self.fields["goals"].queryset = network_goals(network)
        self.fields["goals"].label = _("Shared goals of the network")
        self.fields["goals"].help_text = _("The network's goals the resource serves.")
        self.fields["visibility"].help_text = _(
            "A public resource is shown on the network's public page and anyone can read it, without signing in."
        )
        if not may_publish:
            del self.fields["visibility"]
        for name in ("expertise", "goals"):  # nothing to choose from: no empty group of checkboxes
            if not self.fields[name].queryset.exists():
                del self.fields[name]
        if self.adding:
            self.fields["kind"].initial = ResourceKind.DOCUMENT
            self.fields["file"] = _file_field(required=False)
            self.fields["file"].help_text = _file_help(adding=True)
        else:
            del self.fields["kind"]
            if resource.kind == ResourceKind.DOCUMENT:
                del self.fields["url"]
            self.initial.setdefault("quality_areas", list(resource.quality_areas))
        self.helper = FormHelper()
        self.helper.layout = self._layout()
        self.helper.add_input(Submit("submit", _("Add to the library") if self.adding else _("Save")))

    def _layout(self) -> Layout:
        present = [name for name in ("kind", "file", "url") if name in self.fields]
        tags = [name for name in ("expertise", "goals", "quality_areas") if name in self.fields]
        return Layout(
            *present,
            Fieldset(_("Title and description"), *TRANSLATED_FIELDS),
            *(["visibility"] if "visibility" in self.fields else []),
            Fieldset(_("Tags"), *tags),
            *(["version"] if "version" in self.fields else []),
        )

    def clean(self):
        cleaned = super().clean()
        if self.adding:
            kind = cleaned.get("kind")
            if kind == ResourceKind.DOCUMENT and not cleaned.get("file") and "file" not in self.errors:
                self.add_error("file", _("Choose the file to upload."))
            if kind == ResourceKind.LINK and not cleaned.get("url") and "url" not in self.errors:
                self.add_error("url", _("Enter the link's web address."))
        elif self.instance.kind == ResourceKind.LINK and not cleaned.get("url") and "url" not in self.errors:
            self.add_error("url", _("Enter the link's web address."))
        return cleaned

    def _post_clean(self):
        # The service validates the resource (with the network it belongs to); the form only its own input.
        pass

    def resource_data(self) -> dict:
        names = [*TRANSLATED_FIELDS, "url", "visibility"]
        data = {name: self.cleaned_data[name] for name in names if name in self.fields}
        if "url" in data and self.cleaned_data.get("kind", self.instance.kind) == ResourceKind.DOCUMENT:
            data["url"] = ""
        return data


class VersionForm(forms.Form):
    """A new version of a document: the file, and optionally what changed."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"] = _file_field(required=True)
        self.fields["file"].help_text = _file_help()
        self.fields["note"] = _note_field()
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", _("Upload the new version")))


class LibraryFilterForm(forms.Form):
    """The library's filters (GET): words, kind, area of expertise, goal and quality area. An invalid value is
    ignored, never an error page."""

    q = forms.CharField(label=_("Search the library"), max_length=100, required=False)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    expertise = forms.ModelChoiceField(
        label=_("Area of expertise"), queryset=None, required=False, empty_label=_("Any area of expertise")
    )
    goal = forms.ModelChoiceField(label=_("Goal"), queryset=None, required=False, empty_label=_("Any goal"))
    quality_area = forms.ChoiceField(label=_("Quality area"), required=False)

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["q"].widget.input_type = "search"
        self.fields["kind"].choices = [("", _("Any kind")), *ResourceKind.choices]
        self.fields["expertise"].queryset = expertise_terms(network)
        self.fields["goal"].queryset = network_goals(network)
        self.fields["quality_area"].choices = [("", _("Any quality area")), *QualityArea.choices]
        self.helper = filter_helper(
            "resource-filters",
            Layout(
                "q",
                Row(
                    Column("kind", css_class="col-md-3"),
                    Column("expertise", css_class="col-md-3"),
                    Column("goal", css_class="col-md-3"),
                    Column("quality_area", css_class="col-md-3"),
                ),
            ),
        )
        self.helper.add_input(Submit("", _("Show resources")))
        # With JavaScript, the results change in place (the same view renders only them); without, the page.
        url = reverse("resources:resource_list", kwargs={"slug": network.slug})
        self.helper.form_action = url
        self.helper.attrs = {
            "data-hx-get": url,
            "data-hx-target": "#resource-results",
            "data-hx-swap": "outerHTML",
            "data-hx-push-url": "true",
        }

    def filters(self) -> dict:
        """The valid filters; each invalid one is dropped on its own, the others kept."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {
            "q": (data.get("q") or "").strip(),
            "kind": data.get("kind") or "",
            "expertise": data.get("expertise"),
            "goal": data.get("goal"),
            "quality_area": data.get("quality_area") or "",
        }

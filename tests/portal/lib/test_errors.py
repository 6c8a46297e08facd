"""A service's refusal: one message about the object's state, or messages about the form's fields; a stale edit
carries the saved version."""

import datetime

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.test import RequestFactory

from partners.directory.models import Organisation
from portal.lib.errors import DomainError, StaleEditError, validated
from portal.lib.forms import VersionedFormMixin
from portal.lib.views import refuse_or_show, show_errors


class NameForm(VersionedFormMixin, forms.Form):
    name = forms.CharField()
    version = forms.CharField(widget=forms.HiddenInput)


def test_a_refusal_reads_as_its_message():
    error = DomainError("Vain luonnoksen voi poistaa.")
    assert str(error) == "Vain luonnoksen voi poistaa."
    assert isinstance(error, ValidationError)
    assert str(DomainError({"name": "Liian pitkä.", "email": "Puuttuu."})) == "Liian pitkä. Puuttuu."


@pytest.mark.django_db
def test_validated_refuses_field_by_field_and_leaves_out_what_the_service_sets():
    organisation = Organisation(name="x" * 300, slug="")
    with pytest.raises(DomainError) as refused:
        validated(organisation)
    assert set(refused.value.error_dict) >= {"name", "slug"}
    with pytest.raises(DomainError) as refused:
        validated(organisation, exclude=["slug"])
    assert "slug" not in refused.value.error_dict


def test_field_errors_go_next_to_their_field_and_the_others_above_the_form():
    form = NameForm({"name": "Opisto", "version": "2026-01-01T00:00:00+00:00"})
    assert form.is_valid()
    show_errors(form, DomainError({"name": "Nimi on jo käytössä.", "elsewhere": "Ei tällä lomakkeella."}))
    assert form.errors["name"] == ["Nimi on jo käytössä."]
    assert form.non_field_errors() == ["Ei tällä lomakkeella."]


def test_a_stale_edit_keeps_the_input_and_moves_the_version_to_the_saved_one():
    form = NameForm({"name": "Uusi nimi", "version": "2026-01-01T00:00:00+00:00"})
    assert form.is_valid()
    saved = datetime.datetime(2026, 1, 2, 9, 30, tzinfo=datetime.UTC)
    show_errors(form, StaleEditError("Joku tallensi välillä.", current_version=saved))
    assert form.non_field_errors() == ["Joku tallensi välillä."]
    assert form.data["version"] == saved.isoformat()
    assert form.data["name"] == "Uusi nimi"


class Thing:
    def get_absolute_url(self):
        return "/asia/7/"


def test_a_refusal_about_the_state_is_said_on_the_objects_page():
    request = RequestFactory().post("/asia/7/muokkaa/")
    request._messages = _Messages()
    form = NameForm({"name": "x", "version": "2026-01-01T00:00:00+00:00"})
    response = refuse_or_show(request, form, Thing(), DomainError("Päättynyttä ei voi muuttaa."), anchor="tila")
    assert response.status_code == 302
    assert response["Location"] == "/asia/7/#tila"
    assert request._messages.said == ["Päättynyttä ei voi muuttaa."]


def test_a_refusal_about_the_input_stays_on_the_form():
    request = RequestFactory().post("/asia/7/muokkaa/")
    form = NameForm({"name": "x", "version": "2026-01-01T00:00:00+00:00"})
    assert form.is_valid()
    assert refuse_or_show(request, form, Thing(), DomainError({"name": "Liian lyhyt."})) is None
    assert form.errors["name"] == ["Liian lyhyt."]


class _Messages:
    """Stands in for the message storage of a request that went through no middleware."""

    def __init__(self):
        self.said = []

    def add(self, level, message, extra_tags=""):
        self.said.append(str(message))

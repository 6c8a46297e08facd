"""Every field that holds personal data is covered by the export and the erasure (GDPR articles 15, 17 and
20): the rule of what is personal is kept in one place (:mod:`portal.lib.personal_data`), and a new
personal field that no domain declares fails here, named.

Guards the privacy notice's promise: before, nothing tied the models' personal fields to any export or
erasure."""

import pytest
from django.conf import settings
from django.db import models
from django.test.utils import isolate_apps

from portal.lib import personal_data


def test_every_personal_field_of_every_model_is_exported_and_erased_or_named_not_personal():
    missing = personal_data.uncovered_fields()
    assert missing == [], "Personal fields neither exported nor erased (declare them in a personal_data.py):\n" + (
        "\n".join(missing)
    )


def test_every_declared_field_exists():
    """A typo in a declaration would cover nothing."""
    wrong = [
        f"{model._meta.label}.{name}"
        for entry in personal_data.registered()
        for model, names, *_reason in [*entry.fields, *entry.not_personal]
        for name in names
        if name not in {field.name for field in model._meta.get_fields()}
    ]
    assert wrong == []


def test_every_part_of_the_portal_that_keeps_personal_data_declares_it():
    names = {entry.name for entry in personal_data.registered()}
    assert {"account", "directory", "memberships", "agreements", "goals", "meetings", "privacy"} <= names


@isolate_apps("portal")
def test_a_new_personal_field_is_caught_by_the_rule():
    """What the test above does when someone adds e.g. ``phone2`` to a model, or a new link to a person."""

    class Contact(models.Model):
        phone2 = models.CharField(max_length=40)
        backup_email = models.CharField(max_length=200)
        last_ip = models.GenericIPAddressField(null=True)
        helper = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
        description = models.TextField()  # not personal by its name ("ip" is a word, not any three letters)
        count = models.IntegerField()

        class Meta:
            app_label = "portal"

        def __str__(self):
            return self.phone2

    assert personal_data.uncovered_fields([Contact]) == [
        "portal.Contact.phone2",
        "portal.Contact.backup_email",
        "portal.Contact.last_ip",
        "portal.Contact.helper",
    ]
    declared = personal_data.PersonalData(
        name="contact",
        title="Contact",
        fields=[(Contact, ["phone2", "backup_email", "helper"])],
        export=dict,
        erase=lambda user: None,
        not_personal=[(Contact, ["last_ip"], "a test says so")],
    )
    assert personal_data.uncovered_fields([Contact], [declared]) == []


@pytest.mark.parametrize(
    ("name", "personal"),
    [
        ("phone2", True),
        ("contact_email", True),
        ("signatory_title", True),
        ("ip", True),
        ("user_agent", True),
        ("description", False),
        ("membership", False),
        ("position", False),
    ],
)
def test_the_rule_by_name(name, personal):
    with isolate_apps("portal"):
        model = type(
            "Probe",
            (models.Model,),
            {
                "__module__": __name__,
                name: models.CharField(max_length=10),
                "Meta": type("Meta", (), {"app_label": "portal"}),
            },
        )
        assert (name in personal_data.personal_fields(model)) is personal

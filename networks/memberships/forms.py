"""Forms of the networks app: a network's details, membership and joining. Forms validate; services persist."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from networks.memberships.models import Membership, MembershipLevel, Network
from networks.memberships.services import CHANGEABLE_STATUSES
from partners.directory.models import ExpertiseArea, Organisation
from portal.accounts.models import User
from portal.lib.access import Role
from portal.lib.choices import Language, Region
from portal.lib.forms import VersionedFormMixin, grouped_layout, translated_fields
from portal.lib.logos import LogoField
from portal.lib.translated import column_names
from portal.lib.validators import validate_business_id


class NetworkForm(VersionedFormMixin, forms.ModelForm):
    """A network's details as its coordinators edit them, including its opt-in public page (with the
    network's version: a save over someone else's is refused)."""

    regions = forms.MultipleChoiceField(
        label=_("Regions"), choices=Region.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    logo = LogoField(label=_("Logo"), required=False)
    remove_logo = forms.BooleanField(label=_("Remove the current logo"), required=False)
    trust_threshold = forms.IntegerField(
        label=_("Privacy threshold of trust surveys"),
        required=False,
        min_value=2,
        max_value=50,
        help_text=_("An organisation's results are shown only when at least this many rated it (2–50)."),
        error_messages=dict.fromkeys(("min_value", "max_value", "invalid"), _("Enter a whole number from 2 to 50.")),
    )

    class Meta:
        model = Network
        # The MFA requirement is an administrator's decision (Django admin): a coordinator
        # could otherwise switch off the protection of their own role.
        fields = [*column_names("name"), *column_names("description"), "field", "regions", "logo", "is_public"]
        fields += ["public_description", "trust_threshold"]  # and the privacy threshold of its trust surveys
        fields += ["members_may_post_news", "embed_origins", "accept_provider_mfa"]  # news, embedding, provider MFA
        widgets = {
            "public_description": forms.Textarea(attrs={"rows": 6}),
        }
        help_texts = {
            "public_description": _("Shown to anyone on the network's public page, when the page is public."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.carry_version(self.instance)
        if self.instance.logo:
            self.fields["logo"].label = _("New logo")
        else:
            del self.fields["remove_logo"]
        translated_fields(self, "name", "description", rows=5)
        self.helper = FormHelper()
        self.helper.layout = grouped_layout(self, "name", "description")
        self.helper.add_input(Submit("submit", _("Save")))

    def clean_trust_threshold(self):  # left empty, the network keeps its threshold
        return self.cleaned_data["trust_threshold"] or self.instance.trust_threshold

    def clean_regions(self):
        chosen = set(self.cleaned_data["regions"])
        return [value for value, _label in Region.choices if value in chosen]

    def logo_change(self):
        """For ``network_update``: the new upload, ``False`` to remove the logo, or ``None`` to keep it."""
        if "logo" in self.changed_data and self.cleaned_data.get("logo"):
            return self.cleaned_data["logo"]
        return False if self.cleaned_data.get("remove_logo") else None


def _helper(submit_label) -> FormHelper:
    helper = FormHelper()
    helper.add_input(Submit("submit", submit_label))
    return helper


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        name = obj.get_full_name() or obj.email
        return f"{name}, {obj.title}" if obj.title else name


class MembershipApplyForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Organisation"), queryset=Organisation.objects.none())
    note = forms.CharField(
        label=_("Why does your organisation want to join?"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=2000,
        required=False,
        help_text=_("The coordinators read this. For example: what you offer the network and what you look for."),
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        if len(organisations) == 1:
            self.fields["organisation"].initial = organisations[0]
        self.helper = _helper(_("Send the application"))


class MembershipRejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text=_("The organisation receives this reason by e-mail."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(_("Reject the application"))
        self.helper.inputs[0].field_classes = "btn btn-danger"


class MembershipEditForm(forms.Form):
    """Level and status (each change kept with the reason), representative and deputy."""

    level = forms.ChoiceField(label=_("Level of collaboration"), choices=MembershipLevel.choices)
    status = forms.ChoiceField(label=_("Status"))
    representative = PersonChoiceField(label=_("Representative"), queryset=User.objects.none(), required=False)
    deputy = PersonChoiceField(label=_("Deputy representative"), queryset=User.objects.none(), required=False)
    reason = forms.CharField(
        label=_("Reason for the change"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
        help_text=_("Required when the level or status changes; it is kept in the membership's history."),
    )
    seen = forms.DateTimeField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, membership: Membership, staff, **kwargs):
        kwargs.setdefault(
            "initial",
            {
                "level": membership.level,
                "status": membership.status,
                "representative": membership.representative_id,
                "deputy": membership.deputy_id,
                "seen": membership.updated_at,
            },
        )
        super().__init__(*args, **kwargs)
        self.membership = membership
        if membership.status in CHANGEABLE_STATUSES:
            statuses = [(status.value, status.label) for status in CHANGEABLE_STATUSES]
        else:
            # Applications and invitations are answered by approving or rejecting, not here.
            statuses = [(membership.status, membership.status_label)]
        self.fields["status"].choices = statuses
        self.fields["representative"].queryset = staff
        self.fields["deputy"].queryset = staff
        self.fields["representative"].help_text = _("People who work for the organisation now.")
        self.helper = _helper(_("Save"))

    def clean(self):
        cleaned = super().clean()
        level, status = cleaned.get("level"), cleaned.get("status")
        changes = level != self.membership.level or status != self.membership.status
        if level and status and changes and not cleaned.get("reason", "").strip():
            self.add_error("reason", _("Give the reason for the change."))
        representative, deputy = cleaned.get("representative"), cleaned.get("deputy")
        if representative and deputy and representative.pk == deputy.pk:
            self.add_error("deputy", _("The representative and the deputy must be different people."))
        return cleaned


class MembershipInviteForm(forms.Form):
    """Invite an organisation the coordinator can see, or a new one by name."""

    organisation = forms.ModelChoiceField(
        label=_("An organisation in the directory"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("– a new organisation –"),
    )
    name = forms.CharField(
        label=_("Name of a new organisation"),
        max_length=200,
        required=False,
        help_text=_("Only when the organisation is not in the list above."),
    )
    business_id = forms.CharField(
        label=_("Business ID (Y-tunnus) of the new organisation"),
        max_length=9,
        required=False,
        validators=[validate_business_id],
        help_text=_("Optional, in the form 1234567-8."),
    )
    email = forms.EmailField(
        label=_("E-mail address of the contact person"),
        max_length=254,
        required=False,
        help_text=_("They get a link to create their account. Required for a new organisation."),
    )
    level = forms.ChoiceField(
        label=_("Level of collaboration"), choices=MembershipLevel.choices, initial=MembershipLevel.NETWORKING
    )
    message = forms.CharField(
        label=_("Message"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
        help_text=_("Included in the e-mail and kept in the membership's history."),
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["email"].widget.attrs["autocomplete"] = "off"
        self.helper = _helper(_("Send the invitation"))

    def clean(self):
        cleaned = super().clean()
        organisation, name = cleaned.get("organisation"), cleaned.get("name", "").strip()
        if organisation and name:
            self.add_error("name", _("Choose an organisation from the list or name a new one, not both."))
        elif not organisation and not name and "organisation" not in self.errors:
            self.add_error("organisation", _("Choose an organisation or give the name of a new one."))
        if not organisation and name and not cleaned.get("email") and "email" not in self.errors:
            self.add_error("email", _("A new organisation needs a contact person to accept the invitation."))
        if organisation and cleaned.get("business_id"):
            self.add_error("business_id", _("The business ID is only for a new organisation."))
        return cleaned


class MembershipAcceptForm(forms.Form):
    representative = PersonChoiceField(label=_("Representative"), queryset=User.objects.none())
    deputy = PersonChoiceField(label=_("Deputy representative"), queryset=User.objects.none(), required=False)

    def __init__(self, *args, staff, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["representative"].queryset = staff
        self.fields["deputy"].queryset = staff
        self.fields["representative"].help_text = _(
            "Who represents your organisation in the network. You can change this later with the coordinators."
        )
        self.helper = _helper(_("Accept the invitation"))

    def clean(self):
        cleaned = super().clean()
        representative, deputy = cleaned.get("representative"), cleaned.get("deputy")
        if representative and deputy and representative.pk == deputy.pk:
            self.add_error("deputy", _("The representative and the deputy must be different people."))
        return cleaned


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    organisation = forms.ModelChoiceField(label=_("Organisation"), queryset=Organisation.objects.none())

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the organisations this network's coordinator may invite for.
        self.fields["organisation"].queryset = organisations
        self.fields["email"].widget.attrs["autocomplete"] = "off"
        self.helper = _helper(_("Send invitation"))


class InvitationAcceptForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("Password (again)"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email
        self.fields["first_name"].widget.attrs["autocomplete"] = "given-name"
        self.fields["last_name"].widget.attrs["autocomplete"] = "family-name"
        self.helper = _helper(_("Create account"))

    def clean(self):
        cleaned = super().clean()
        p1, p2 = cleaned.get("password1"), cleaned.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", _("The two passwords do not match."))
        elif p1:
            probe = User(
                email=self.email,
                first_name=cleaned.get("first_name", ""),
                last_name=cleaned.get("last_name", ""),
            )
            try:
                password_validation.validate_password(p1, probe)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class ExpertiseAreaForm(VersionedFormMixin, forms.ModelForm):
    """A term of a network's vocabulary (the identifier is generated); an edit carries the term's version."""

    class Meta:
        model = ExpertiseArea
        fields = ["name", "description"]

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        self.carry_version(self.instance)
        self.network = network
        self.helper = _helper(_("Save"))

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        taken = ExpertiseArea.objects.filter(network=self.network, name__iexact=name)
        if self.instance.pk:
            taken = taken.exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(_("This vocabulary already has a term with this name."))
        return name


class ContactForm(forms.Form):
    """A coordinator adds a person who has no account yet to the directory."""

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    organisation = forms.ModelChoiceField(label=_("Organisation"), queryset=Organisation.objects.none())
    title = forms.CharField(label=_("Title"), max_length=150, required=False)
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    languages = forms.MultipleChoiceField(
        label=_("Languages"), choices=Language.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    expertise = forms.ModelMultipleChoiceField(
        label=_("Areas of expertise"),
        queryset=ExpertiseArea.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, organisations, areas, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the network's member organisations, and the network's and portal-wide terms.
        self.fields["organisation"].queryset = organisations
        self.fields["expertise"].queryset = areas
        self.fields["email"].widget.attrs["autocomplete"] = "off"
        self.helper = _helper(_("Add contact"))

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()


class RoleForm(forms.Form):
    """A person's role in the network and its basis: a member organisation they work for (found by the portal)
    or the coordinator's word that they are an individual expert, with the reason."""

    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.MEMBER)
    expert = forms.BooleanField(
        label=_("Named as an individual expert"),
        required=False,
        help_text=_(
            "Without this, the role rests on the member organisation the person works for, and ends when they "
            "leave it or it leaves the network."
        ),
    )
    reason = forms.CharField(
        label=_("Why an individual expert"), required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 3})
    )
    # The role as the form showed it (roles.role_state): a save from a form opened before a change is refused.
    seen = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)

    def __init__(self, *args, submit_label=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(submit_label or _("Continue"))

    def clean(self):
        """An individual expert's role needs the reason before the confirmation page, not after it."""
        data = super().clean()
        if data.get("expert") and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Say why the person is named as an individual expert."))
        return data


class RoleGiveForm(RoleForm):
    """Give a person without a role in the network a role (``people``: whom the coordinator may choose)."""

    user = PersonChoiceField(label=_("Person"), queryset=User.objects.none(), empty_label=_("– choose a person –"))
    field_order = ["user", "role", "expert", "reason"]

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, submit_label=_("Give the role"), **kwargs)
        self.fields["user"].queryset = people

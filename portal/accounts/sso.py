"""Single sign-on through OpenID Connect: the portal's sign-in policy of each provider.

A provider is allauth's ``SocialApp`` (provider ``openid_connect``: its provider id, client id and secret),
made in the Django admin. Its :class:`ProviderPolicy` says which e-mail domains it may sign in, which kind of
issuer it is (a preset that checks the issuer and sets the provider's parameters) and whether its ``amr``
claim may count as two-factor authentication. Who may sign in is decided by :mod:`portal.sso`.
"""

import re
from urllib.parse import urlsplit

from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.lib.validators import plausible_dates, validate_plausible_date

ENTRA_ISSUER = re.compile(
    r"^https://login\.microsoftonline\.com/[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}/v2\.0$"
)
GOOGLE_ISSUER = "https://accounts.google.com"
DOMAIN = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")
# Hosts where an issuer may speak plain http: a developer's machine and the tests' own provider.
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}

# Authentication method references (RFC 8176, section 2) by the kind of factor they are.
# "mfa" says outright that more than one factor was used; otherwise two methods of different kinds count.
AMR_FACTORS = {
    "pwd": "knowledge",
    "pin": "knowledge",
    "kba": "knowledge",
    "otp": "possession",
    "hwk": "possession",
    "swk": "possession",
    "sc": "possession",
    "sms": "possession",
    "tel": "possession",
    "fpt": "inherence",
    "face": "inherence",
    "iris": "inherence",
    "retina": "inherence",
    "vbm": "inherence",
}


def amr_is_multi_factor(amr) -> bool:
    """Whether an ID token's ``amr`` claim shows multi-factor authentication (RFC 8176).

    ``mfa`` counts by itself; otherwise two listed methods of different kinds (something known, had, or
    been: ``pwd`` with ``otp``, ``pin`` with ``hwk``…). One factor, however strong (``hwk`` alone, ``otp``
    alone), does not. Anything that is not a list of strings counts for nothing.
    """
    if not isinstance(amr, list) or not all(isinstance(value, str) for value in amr):
        return False
    if "mfa" in amr:
        return True
    return len({AMR_FACTORS[value] for value in amr if value in AMR_FACTORS}) >= 2


def email_domain(email: str) -> str:
    return email.rpartition("@")[2].strip().lower()


def normalise_domains(domains) -> list[str]:
    """Domains in lower case, without a leading ``@`` or spaces, each once, in the order given."""
    seen: list[str] = []
    for given in domains or []:
        domain = given.strip().lower().lstrip("@").rstrip(".")
        if domain and domain not in seen:
            seen.append(domain)
    return seen


class Preset(models.TextChoices):
    ENTRA = "entra", _("Microsoft Entra ID")
    GOOGLE = "google", _("Google Workspace")
    OIDC = "oidc", _("Other OpenID Connect provider")


class ProviderPolicy(models.Model):
    """The portal's rules for signing in through one single sign-on provider (an allauth ``SocialApp``)."""

    Preset = Preset

    app = models.OneToOneField(
        "socialaccount.SocialApp",
        verbose_name=_("provider"),
        related_name="policy",
        on_delete=models.CASCADE,
    )
    preset = models.CharField(
        _("kind of provider"),
        max_length=10,
        choices=Preset.choices,
        default=Preset.ENTRA,
        help_text=_(
            "Microsoft Entra ID: the issuer is https://login.microsoftonline.com/[tenant ID]/v2.0. "
            "Google Workspace: the issuer is https://accounts.google.com and the first allowed domain is "
            "sent as the domain hint. Other: any OpenID Connect issuer over https."
        ),
    )
    issuer = models.URLField(
        _("issuer"),
        max_length=300,
        blank=True,
        help_text=_(
            "The provider's issuer address (its discovery document is read from "
            "[issuer]/.well-known/openid-configuration). Filled in for Google Workspace."
        ),
    )
    allowed_domains = ArrayField(
        models.CharField(max_length=253),
        verbose_name=_("allowed e-mail domains"),
        help_text=_(
            "Only addresses in these domains may sign in through this provider, separated by commas "
            "(for example: jyvaskyla.fi, gradia.fi)."
        ),
    )
    trust_mfa = models.BooleanField(
        _("count the provider's two-factor authentication"),
        default=False,
        help_text=_(
            "When the provider's ID token says that several factors were used (the amr claim), the sign-in "
            "counts as two-factor authentication in the networks that accept it."
        ),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True, validators=[validate_plausible_date])

    class Meta:
        verbose_name = _("sign-in policy")
        verbose_name_plural = _("sign-in policies")
        ordering = ["app__name"]
        constraints = [
            *plausible_dates("updated_at", datetimes=True),
            models.CheckConstraint(
                condition=models.Q(preset__in=Preset.values),
                name="portal_providerpolicy_preset_valid",
                violation_error_message=_("Unknown kind of provider."),
            ),
            models.CheckConstraint(
                condition=models.Q(allowed_domains__len__gt=0),
                name="portal_providerpolicy_has_domains",
                violation_error_message=_("Give at least one allowed e-mail domain."),
            ),
        ]

    def __str__(self):
        return str(self.app)

    def save(self, *args, **kwargs):
        """Save, and write the issuer and the preset's parameters into the provider's settings."""
        self.allowed_domains = normalise_domains(self.allowed_domains)
        super().save(*args, **kwargs)
        app = self.app
        app.settings = {**(app.settings or {}), **self.provider_settings()}
        if self.preset != Preset.GOOGLE:
            app.settings.pop("auth_params", None)
        app.save(update_fields=["settings"])

    def clean(self):
        self.allowed_domains = normalise_domains(self.allowed_domains)
        errors = {}
        if not self.allowed_domains:
            errors["allowed_domains"] = _("Give at least one allowed e-mail domain.")
        elif bad := [domain for domain in self.allowed_domains if not DOMAIN.match(domain)]:
            errors["allowed_domains"] = _("Not a domain: %(domains)s") % {"domains": ", ".join(bad)}
        if self.preset == Preset.GOOGLE and not self.issuer:
            self.issuer = GOOGLE_ISSUER
        self.issuer = (self.issuer or "").strip().rstrip("/")
        if message := _issuer_error(self.preset, self.issuer):
            errors["issuer"] = message
        if errors:
            raise ValidationError(errors)

    def allows(self, email: str) -> bool:
        return email_domain(email) in self.allowed_domains

    def provider_settings(self) -> dict:
        """The allauth ``SocialApp.settings`` this policy implies: the issuer, PKCE, Google's domain hint."""
        settings = {"server_url": self.issuer, "oauth_pkce_enabled": True}
        if self.preset == Preset.GOOGLE:
            settings["auth_params"] = {"hd": self.allowed_domains[0] if len(self.allowed_domains) == 1 else "*"}
        return settings


def _issuer_error(preset: str, issuer: str):
    if preset == Preset.ENTRA and not ENTRA_ISSUER.match(issuer):
        return _("A Microsoft Entra ID issuer is https://login.microsoftonline.com/<tenant ID>/v2.0.")
    if preset == Preset.GOOGLE and issuer != GOOGLE_ISSUER:
        return _("The Google Workspace issuer is https://accounts.google.com.")
    parts = urlsplit(issuer)
    if parts.scheme == "https" or (parts.scheme == "http" and parts.hostname in LOCAL_HOSTS):
        return None
    return _("The issuer must be an https address.")

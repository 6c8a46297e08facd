"""schema.org data of a public service (JSON-LD in the service page's head), from its public fields only.

The JSON is escaped as ``json_script`` escapes it (``<``, ``>`` and ``&`` as ``\\u003C``…), so no text of a
service can close the script element; a ``type="application/ld+json"`` data block is not run, so the page's
Content-Security-Policy needs no exception for it.
"""

import json

from django.utils.safestring import mark_safe

from partners.directory.models import OrganisationKind, ServiceChannel, ServiceLevel, ServiceTopic, TargetGroup
from portal.lib import municipalities
from portal.lib.choices import Language, Region
from portal.lib.translated import pick

_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}
# Employment services, municipalities and wellbeing services counties are public authorities.
_GOVERNMENT = {OrganisationKind.EMPLOYMENT_SERVICES, OrganisationKind.MUNICIPALITY, OrganisationKind.WELLBEING_COUNTY}


def _text(obj, field: str, language: str) -> str:
    return pick(obj, field, language).text


def _areas(service, language: str) -> list[dict]:
    areas = [
        {"@type": "AdministrativeArea", "name": municipalities.name(code, language)} for code in service.municipalities
    ]
    areas += [{"@type": "AdministrativeArea", "name": str(Region(value).label)} for value in service.regions]
    return areas


def service_data(service, *, url: str, organisation_url: str, language: str) -> dict:
    """The schema.org ``Service`` (``GovernmentService`` when a public authority gives it) of ``service``."""
    organisation = service.organisation
    languages = [
        {"@type": "Language", "name": str(Language(code).label), "alternateName": code} for code in service.languages
    ]
    channel = {
        "@type": "ServiceChannel",
        "name": ", ".join(str(ServiceChannel(value).label) for value in service.channels),
        "availableLanguage": languages,
    }
    if service.contact_url:
        channel["serviceUrl"] = service.contact_url
    contact = {"@type": "ContactPoint"}
    if service.contact_phone:
        contact["telephone"] = service.contact_phone
    if service.contact_email:
        contact["email"] = service.contact_email
    if len(contact) > 1:
        channel["servicePhone" if service.contact_phone else "serviceLocation"] = contact
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentService" if organisation.kind in _GOVERNMENT else "Service",
        "name": _text(service, "name", language),
        "url": url,
        "inLanguage": language,
        "serviceType": str(ServiceLevel(service.level).label),
        "category": [str(ServiceTopic(value).label) for value in service.topics],
        "audience": [
            {"@type": "Audience", "audienceType": str(TargetGroup(value).label)} for value in service.target_groups
        ],
        "availableLanguage": languages,
        "availableChannel": [channel],
        "areaServed": _areas(service, language),
        "provider": {"@type": "Organization", "name": _text(organisation, "name", language), "url": organisation_url},
    }
    if description := _text(service, "description", language):
        data["description"] = description
    if hours := _text(service, "opening_hours", language):
        data["hoursAvailable"] = {"@type": "OpeningHoursSpecification", "description": hours}
    if organisation.website:
        data["provider"]["sameAs"] = organisation.website
    return data


def script(data: dict) -> str:
    """``data`` as a JSON-LD script element, safe inside HTML."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=False).translate(_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308 - escaped above

"""The open data: the public guidance services and the public profiles of their organisations, exactly as the
guidance finder shows them, without signing in.

What is public is the directory's one rule (``GuidanceService.objects.public()``,
``Organisation.objects.with_public_profile()``), read through the finder's selectors, and of it only the public
fields (``PUBLIC_SERVICE_FIELDS``, ``PUBLIC_ORGANISATION_FIELDS``). Each address has its rate limit
(``API_RATE_PER_IP``); the answers may be cached by anyone for ``MAX_AGE`` seconds, and carry the licence
(CC BY 4.0) in a ``Link`` header and in the body."""

from django.conf import settings
from django.http import Http404
from ninja import Query, Router, Schema
from pydantic import Field, field_validator

from networks.finder.selectors import Filters, found_services, public_organisation, public_services
from partners.directory.models import (
    PUBLIC_ORGANISATION_FIELDS,
    Organisation,
    ServiceChannel,
    ServiceLevel,
    ServiceTopic,
    TargetGroup,
)
from portal.api.http import answer, throttle
from portal.api.pagination import DEFAULT_LIMIT, MAX_LIMIT, paginate
from portal.api.schemas import PublicOrganisationOut, PublicOrganisationPage, PublicServiceOut, PublicServicePage
from portal.audit.log import client_ip
from portal.lib import municipalities
from portal.lib.choices import Language
from portal.lib.translated import column_names

LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
MAX_AGE = 300
CACHE_CONTROL = f"public, max-age={MAX_AGE}"

router = Router(tags=["open data"])


def _limited(request):
    throttle(f"ip:{client_ip(request) or 'unknown'}", limit=settings.API_RATE_PER_IP)


def _answer(request, payload):
    return answer(request, payload, cache_control=CACHE_CONTROL, headers={"Link": f'<{LICENCE_URL}>; rel="license"'})


def _choice(values):
    def check(value: str) -> str:
        if value and value not in values:
            raise ValueError(f"Unknown value; one of: {', '.join(values)}")
        return value

    return check


class ServiceFilters(Schema):
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="Rows a page, at most 100.")
    cursor: str | None = Field(None, description="Where the page starts: taken from the previous page's next link.")
    municipality: str = Field("", description="A municipality's code (e.g. 179 Jyväskylä).")
    topic: str = Field("", description=f"One of: {', '.join(ServiceTopic.values)}")
    channel: str = Field("", description=f"One of: {', '.join(ServiceChannel.values)}")
    language: str = Field("", description=f"One of: {', '.join(Language.values)}")
    target_group: str = Field("", description=f"One of: {', '.join(TargetGroup.values)}")
    level: str = Field("", description=f"One of: {', '.join(ServiceLevel.values)}")

    _municipality = field_validator("municipality")(_choice(municipalities.CODES))
    _topic = field_validator("topic")(_choice(ServiceTopic.values))
    _channel = field_validator("channel")(_choice(ServiceChannel.values))
    _language = field_validator("language")(_choice(Language.values))
    _target_group = field_validator("target_group")(_choice(TargetGroup.values))
    _level = field_validator("level")(_choice(ServiceLevel.values))

    def filters(self) -> Filters:
        return Filters(
            municipality=self.municipality,
            topic=self.topic,
            channel=self.channel,
            language=self.language,
            target_group=self.target_group,
            level=self.level,
        )


class Page(Schema):
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="Rows a page, at most 100.")
    cursor: str | None = Field(None, description="Where the page starts: taken from the previous page's next link.")


REFUSALS = {304: None, 400: None, 429: None}


@router.get("/services", response={200: PublicServicePage, **REFUSALS}, url_name="public_service_list", auth=None)
def public_service_list(request, params: Query[ServiceFilters]):
    """The public guidance services, by name, filtered as in the guidance finder."""
    _limited(request)
    services = found_services(params.filters())
    rows, next_url = paginate(request, services, ordering=("name", "id"), limit=params.limit, cursor=params.cursor)
    return _answer(request, PublicServicePage.model_validate({"items": rows, "next": next_url, "licence": LICENCE_URL}))


@router.get(
    "/services/{int:id}", response={200: PublicServiceOut, 404: None, **REFUSALS}, url_name="public_service_detail"
)
def public_service_detail(request, id: int):
    _limited(request)
    service = public_services().filter(pk=id).first()
    if service is None:
        raise Http404
    return _answer(request, PublicServiceOut.model_validate(service))


def _organisations():
    columns = (*PUBLIC_ORGANISATION_FIELDS, "pk", *column_names("name"), *column_names("description"))
    return Organisation.objects.with_public_profile().only(*columns)


@router.get("/organisations", response={200: PublicOrganisationPage, **REFUSALS}, url_name="public_organisation_list")
def public_organisation_list(request, params: Query[Page]):
    """The organisations with a public profile (at least one public service), by name."""
    _limited(request)
    rows, next_url = paginate(
        request, _organisations(), ordering=("name", "id"), limit=params.limit, cursor=params.cursor
    )
    payload = {"items": rows, "next": next_url, "licence": LICENCE_URL}
    return _answer(request, PublicOrganisationPage.model_validate(payload, context={"request": request}))


@router.get(
    "/organisations/{slug}",
    response={200: PublicOrganisationOut, 404: None, **REFUSALS},
    url_name="public_organisation_detail",
)
def public_organisation_detail(request, slug: str):
    _limited(request)
    organisation = public_organisation(slug)
    if organisation is None:
        raise Http404
    return _answer(request, PublicOrganisationOut.model_validate(organisation, context={"request": request}))

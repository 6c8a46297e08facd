"""The finder's pages: the finder, a public service, an organisation's public profile and logo, the embeds and
the sitemap. Anyone may read them; a service that is not public, or an organisation without a public service,
is 404 (:mod:`networks.finder.http` for the language, the cookies and the caching)."""

from dataclasses import dataclass

from django.contrib.sitemaps.views import sitemap as sitemap_view
from django.core.paginator import Paginator
from django.http import HttpResponse, QueryDict
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from networks.finder import cache, jsonld
from networks.finder.embed import allow_framing
from networks.finder.forms import FinderFilterForm
from networks.finder.http import MAX_AGE, not_found, public_page, render_public
from networks.finder.selectors import found_services, network_members, public_organisation, public_service
from networks.finder.sitemaps import SITEMAPS
from networks.memberships.models import Network
from partners.directory.models import Organisation
from portal.lib.logos import logo_response

PAGE_SIZE = 20


def _results(request, form, *, language: str, scope: str, organisations=None, embed: bool = False) -> str:
    """The rendered list of what ``form`` finds (cached per query string, language and scope)."""

    def rendered():
        paginator = Paginator(found_services(form.filters(), organisations=organisations), PAGE_SIZE)
        page_obj = paginator.get_page(request.GET.get("page"))
        page_obj.page_links = list(paginator.get_elided_page_range(page_obj.number, on_each_side=1, on_ends=1))
        page_obj.ellipsis = paginator.ELLIPSIS
        # The page links carry the form's fields and the language, nothing else of the address.
        links = QueryDict(mutable=True)
        for name, value in [*query, ("lang", language)]:
            links[name] = value
        context = {"page_obj": page_obj, "language": language, "embed": embed, "filtered": form.is_filtered()}
        return render_to_string("networks/finder/includes/results.html", {**context, "request": Links(GET=links)})

    # The form's own fields and the page: other parameters neither change the list nor make keys of their own.
    query = [(name, value) for name, value in request.GET.items() if name in form.fields or name == "page"]
    return cache.cached(cache.key(scope=scope, language=language, query=query), rendered)


@dataclass(frozen=True)
class Links:
    """What the result list's page links read of a request: its query string."""

    GET: QueryDict


@public_page
def finder(request, language):
    form = FinderFilterForm(request.GET, language=language)
    context = {"form": form, "language": language, "results": _results(request, form, language=language, scope="all")}
    return render_public(request, "networks/finder/finder.html", context)


def _service_urls(request, service, language: str) -> tuple[str, str]:
    url = request.build_absolute_uri(
        reverse("finder:service", kwargs={"slug": service.organisation.slug, "pk": service.pk})
    )
    organisation_url = request.build_absolute_uri(
        reverse("finder:organisation", kwargs={"slug": service.organisation.slug})
    )
    return f"{url}?lang={language}", f"{organisation_url}?lang={language}"


@public_page
def service_detail(request, slug, pk, language):
    service = public_service(slug=slug, pk=pk)
    if service is None:
        return not_found(request, language)
    url, organisation_url = _service_urls(request, service, language)
    data = jsonld.service_data(service, url=url, organisation_url=organisation_url, language=language)
    context = {"service": service, "language": language, "jsonld": jsonld.script(data)}
    return render_public(request, "networks/finder/service_detail.html", context)


@public_page
def organisation_detail(request, slug, language):
    organisation = public_organisation(slug)
    if organisation is None:
        return not_found(request, language)
    services = found_services(FinderFilterForm({}, language=language).filters(), organisations=[organisation.pk])
    paginator = Paginator(services, PAGE_SIZE)
    page_obj = paginator.get_page(request.GET.get("page"))
    page_obj.page_links = list(paginator.get_elided_page_range(page_obj.number, on_each_side=1, on_ends=1))
    page_obj.ellipsis = paginator.ELLIPSIS
    context = {"organisation": organisation, "page_obj": page_obj, "language": language}
    return render_public(request, "networks/finder/organisation_detail.html", context)


@public_page
def organisation_logo(request, slug, language):
    organisation = public_organisation(slug)
    if organisation is None or not organisation.logo:
        return not_found(request, language)
    return logo_response(organisation.logo)


def _embed(request, *, language, scope, title, organisations, origins):
    form = FinderFilterForm(request.GET, language=language)
    results = _results(request, form, language=language, scope=scope, organisations=organisations, embed=True)
    context = {"form": form, "language": language, "results": results, "title": title}
    return allow_framing(render_public(request, "networks/finder/embed.html", context), origins)


@public_page
def embed_network(request, slug, language):
    """A network's members' public services. A network whose page is private shows it only once its
    coordinators have listed a site to embed it on (their choice to make its members public)."""
    network = Network.objects.filter(slug=slug).only("pk", "slug", "is_public", "embed_origins", "name").first()
    if network is None or not (network.is_public or network.embed_origins):
        return not_found(request, language)
    members = network_members(network)
    scope = f"network:{network.pk}"
    return _embed(
        request,
        language=language,
        scope=scope,
        title=network.name,
        organisations=members,
        origins=network.embed_origins,
    )


@public_page
def embed_organisation(request, slug, language):
    organisation = public_organisation(slug)
    if organisation is None:
        return not_found(request, language)
    origins = Organisation.objects.filter(pk=organisation.pk).values_list("embed_origins", flat=True).get()
    scope = f"organisation:{organisation.pk}"
    return _embed(
        request,
        language=language,
        scope=scope,
        title=organisation.name,
        organisations=[organisation.pk],
        origins=origins,
    )


@require_safe
def sitemap(request):
    """The sitemap, rendered without the context processors (as :func:`render_public`: no session read)."""
    built = sitemap_view(request, sitemaps=SITEMAPS)
    response = HttpResponse(render_to_string(built.template_name, built.context_data), content_type="application/xml")
    for header in ("X-Robots-Tag", "Last-Modified"):
        if header in built:
            response[header] = built[header]
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    return response

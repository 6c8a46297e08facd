"""``/sitemap.xml``: the finder, the public services, the organisations' public profiles and the public pages of
networks; nothing else (the same public rule as the pages)."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from networks.memberships.models import Network
from partners.directory.models import GuidanceService, Organisation


class FinderSitemap(Sitemap):
    changefreq = "daily"
    priority = 1.0

    def items(self):
        return ["fi", "sv", "en"]

    def location(self, item):
        return reverse("finder:finder") + f"?lang={item}"


class PublicServiceSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return GuidanceService.objects.public().only("pk", "updated_at", "organisation__slug").order_by("pk")

    def location(self, item):
        return reverse("finder:service", kwargs={"slug": item.organisation.slug, "pk": item.pk})

    def lastmod(self, item):
        return item.updated_at


class PublicOrganisationSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Organisation.objects.with_public_profile().only("slug", "updated_at").order_by("pk")

    def location(self, item):
        return reverse("finder:organisation", kwargs={"slug": item.slug})

    def lastmod(self, item):
        return item.updated_at


class PublicNetworkSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Network.objects.filter(is_public=True).only("slug").order_by("pk")

    def location(self, item):
        return reverse("networks:network_public", kwargs={"slug": item.slug})


SITEMAPS = {
    "finder": FinderSitemap,
    "services": PublicServiceSitemap,
    "organisations": PublicOrganisationSitemap,
    "networks": PublicNetworkSitemap,
}

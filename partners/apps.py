from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = _("Organisations")

    def ready(self):
        # Each domain registers the sections it adds to other pages and the documents it puts in the search.
        from partners.agreements import panels as agreement_panels  # noqa: F401
        from partners.directory import search as directory_search
        from partners.directory import signals as directory_signals  # noqa: F401

        directory_search.register()

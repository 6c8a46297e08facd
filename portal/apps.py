from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from portal import checks  # noqa: F401 - registers the system checks
        from portal.privacy import panels  # noqa: F401 - registers the section of one's own profile page

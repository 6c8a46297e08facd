from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from portal import (
            checks,  # noqa: F401 - registers the system checks
            coordinator_todo,  # noqa: F401 - registers the coordinators' weekly to-do
        )
        from portal.api import panels as api_panels  # noqa: F401 - registers the API tokens' section of one's profile
        from portal.lib.mail import register_delivery
        from portal.notifications.delivery import deliver
        from portal.privacy import panels  # noqa: F401 - registers the section of one's own profile page
        from portal.sso import receivers  # noqa: F401 - single sign-on's MFA in the session, and its audit event

        # Every personal message also becomes a notification, and goes by the person's choice for its kind.
        register_delivery(deliver)

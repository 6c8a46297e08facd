"""The portal's own pages: the accessibility statement, the privacy notice, and the health check."""

import datetime

from django.conf import settings
from django.db import connection
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.formats import date_format
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from portal.privacy.models import EXPORT_VALID_DAYS

# When the accessibility statement was last reviewed (update with the text).
ACCESSIBILITY_STATEMENT_DATE = datetime.date(2026, 11, 29)


@require_safe
def accessibility_statement(request):
    context = {
        "operator": settings.SERVICE_OPERATOR,
        "feedback_email": settings.ACCESSIBILITY_FEEDBACK_EMAIL,
        "prepared_on": date_format(ACCESSIBILITY_STATEMENT_DATE, "SHORT_DATE_FORMAT"),
    }
    return render(request, "portal/accessibility.html", context)


@require_safe
def privacy_notice(request):
    context = {
        "operator": settings.SERVICE_OPERATOR,
        "privacy_email": settings.PRIVACY_CONTACT_EMAIL,
        # what manage.py retention removes, and after how many days
        "audit_days": settings.AUDIT_RETENTION_DAYS,
        "task_days": settings.TASK_RETENTION_DAYS,
        "invitation_days": settings.INVITATION_RETENTION_DAYS,
        "notification_days": settings.NOTIFICATION_RETENTION_DAYS,
        "export_days": EXPORT_VALID_DAYS,
    }
    return render(request, "portal/privacy.html", context)


@require_safe
@never_cache
def healthz(request):
    """200 when the database answers, 503 when it does not. No details for outsiders."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")

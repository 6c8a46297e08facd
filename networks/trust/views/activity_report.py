"""The activity report for funders: a printable page for a chosen period and the same as an XLSX workbook.
The network's coordinators see it."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from networks.memberships.models import Network
from networks.trust.activity_report import ActivityReportForm, report, workbook, workbook_filename
from partners.directory.tables import XLSX_CONTENT_TYPE
from portal.lib.pagination import paginate
from portal.lib.views import object_for


@require_safe
@login_required
def activity_report(request, slug):
    """The period form, then the totals, a page of the activities and the organisations' participation."""
    network = object_for(request, Network, "edit", slug=slug)
    today = timezone.localdate()
    form = ActivityReportForm(request.GET or None, today=today)
    period = form.period()
    report_ = report(network=network, start=period[0], end=period[1]) if period else None
    context = {
        "report_date": today,
        "network": network,
        "form": form,
        "report": report_,
        "page_obj": paginate(request, report_.activities) if report_ else None,
    }
    return render(request, "networks/trust/activities/report.html", context)


@require_safe
@login_required
def activity_report_export(request, slug):
    """The report as XLSX; invalid dates lead back to the page, which shows what is wrong."""
    network = object_for(request, Network, "edit", slug=slug)
    form = ActivityReportForm(request.GET or None, today=timezone.localdate())
    period = form.period()
    if period is None:
        url = reverse("trust:activity_report", kwargs={"slug": network.slug})
        return redirect(f"{url}?{request.GET.urlencode()}")
    report_ = report(network=network, start=period[0], end=period[1])
    response = HttpResponse(workbook(report_), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{workbook_filename(report_)}"'
    return response

"""The goal report of a network: a printable page for a chosen period, and the same
as an XLSX workbook. Everyone who reads the network's goals may see it."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from networks.goals import progress as goal_progress
from networks.goals.report import GoalReportForm, report, workbook, workbook_filename
from networks.memberships.models import Network
from partners.directory.tables import XLSX_CONTENT_TYPE
from portal.lib.views import object_for


@require_safe
@login_required
def goal_report(request, slug):
    """The report page: the period form, then the goals with their indicators (printable on A4)."""
    network = object_for(request, Network, slug=slug)
    today = timezone.localdate()
    form = GoalReportForm(request.GET or None, today=today)
    period = form.period()
    context = {
        "report_date": today,
        "network": network,
        "form": form,
        "report": report(network=network, start=period[0], end=period[1]) if period else None,
        "thresholds": goal_progress.rule_thresholds(),
    }
    return render(request, "networks/goals/report.html", context)


@require_safe
@login_required
def goal_report_export(request, slug):
    """The report as XLSX; invalid dates lead back to the page, which shows what is wrong."""
    network = object_for(request, Network, slug=slug)
    form = GoalReportForm(request.GET or None, today=timezone.localdate())
    period = form.period()
    if period is None:
        return redirect(f"{reverse('goals:goal_report', kwargs={'slug': network.slug})}?{request.GET.urlencode()}")
    report_ = report(network=network, start=period[0], end=period[1])
    response = HttpResponse(workbook(report_), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{workbook_filename(report_)}"'
    return response

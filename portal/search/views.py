"""The search page: one box across organisations, services, people and networks."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_safe

from portal.lib.errors import DomainError
from portal.lib.pagination import paginate
from portal.search import query
from portal.search.models import SearchKind


@require_safe
@login_required
def search(request):
    """Results grouped by kind (the best of each), or with ``kind`` all of one kind, paginated."""
    text = request.GET.get("q", "")
    kind = request.GET.get("kind", "")
    kind = kind if kind in SearchKind.values else ""  # an unknown kind just shows every kind
    context = {"q": text, "kind": kind, "kind_label": SearchKind(kind).label if kind else ""}
    if text.strip():
        try:
            parsed = query.parse(text)
        except DomainError as error:
            context["error"] = str(error)
        else:
            context["searched"] = parsed.text
            if kind:
                page = paginate(request, query.of_kind(request.user, parsed, kind), per_page=20)
                page.object_list = query.with_urls(page.object_list)
                context["page_obj"] = page
            else:
                context["groups"] = query.grouped(request.user, parsed)
    return render(request, "portal/search.html", context)

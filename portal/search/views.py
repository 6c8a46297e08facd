"""The search page: one box across everything a person may see, grouped by kind or filtered to one kind."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_safe

from portal.lib.errors import DomainError
from portal.lib.pagination import paginate
from portal.search import index, query
from portal.search.models import SearchKind


def kind_choices() -> list[tuple[str, str]]:
    """The kinds the search finds (those the domains registered), in the order their results are shown."""
    return [(source.kind, SearchKind(source.kind).label) for source in index.sources()]


@require_safe
@login_required
def search(request):
    """Results grouped by kind (the best of each), or with ``kind`` all of one kind, paginated."""
    text = request.GET.get("q", "")
    kinds = kind_choices()
    kind = request.GET.get("kind", "")
    kind = kind if kind in dict(kinds) else ""  # an unknown kind just shows every kind
    context = {"q": text, "kind": kind, "kinds": kinds, "kind_label": SearchKind(kind).label if kind else ""}
    if text.strip():
        try:
            parsed = query.parse(text)
        except DomainError as error:
            context["error"] = str(error)
        else:
            context["searched"] = parsed.text
            if kind:
                rows, capped = query.of_kind(request.user, parsed, kind)
                if not rows:  # no word matched: names alike (a second query only then)
                    rows, capped = query.of_kind(request.user, parsed, kind, alike_names=True)
                page = paginate(request, rows, per_page=20)
                page.object_list = query.entries(page.object_list)
                context.update(page_obj=page, capped=capped, most=query.LIST_CANDIDATES)
            else:
                context["groups"] = query.grouped(request.user, parsed)
    return render(request, "portal/search.html", context)

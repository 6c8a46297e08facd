"""Pagination shared by every list that grows."""

from django.core.paginator import Paginator

PAGE_SIZE = 50


def paginate(request, queryset, *, per_page: int = PAGE_SIZE, param: str = "page"):
    """The requested page of ``queryset``; a bad or out-of-range number gives the nearest page, never an error."""
    return Paginator(queryset, per_page).get_page(request.GET.get(param))

"""Pagination shared by every list that grows."""

from django.core.paginator import Paginator

PAGE_SIZE = 50


def paginate(request, queryset, *, per_page: int = PAGE_SIZE, param: str = "page", number=None):
    """The requested page of ``queryset``; a bad or out-of-range number gives the nearest page, never an error.
    ``number`` asks for a page whatever the request says (a number past the end: the last page).

    ``page.page_links`` lists the page numbers to link to, with ``Paginator.ELLIPSIS`` where
    numbers are left out (computed here, not in the template, where it was the slowest part).
    """
    paginator = Paginator(queryset, per_page)
    page = paginator.get_page(request.GET.get(param) if number is None else number)
    page.page_links = list(paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1))
    page.ellipsis = paginator.ELLIPSIS
    return page

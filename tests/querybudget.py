"""Query budgets (HOUSE-STYLE rule 22): a page's query count must not grow with the data."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def count_queries(client, url) -> tuple[int, list[str]]:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return len(ctx.captured_queries), [q["sql"] for q in ctx.captured_queries]


def assert_budget(client, url, *, budget: int, grow) -> None:
    """Fetch ``url``, call ``grow()`` to add much more data, fetch again: both within ``budget`` and equal.

    ``grow`` should multiply the rows the page lists (e.g. 3 → 300).
    """
    small, _ = count_queries(client, url)
    grow()
    large, large_sql = count_queries(client, url)
    detail = "\n".join(large_sql)
    assert small == large, f"{url}: {small} queries with little data, {large} with much:\n{detail}"
    assert large <= budget, f"{url}: {large} queries, budget {budget}:\n{detail}"

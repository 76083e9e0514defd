"""Pages of long lists (a span, a queue) with their total in the same query."""

from django.core.paginator import Page, Paginator
from django.db.models import Count, Window


def page_with_total(queryset, number, per_page: int) -> Page:
    """A page of rows and how many there are, in one query: the total is a window count beside
    the page's rows (Paginator counts in a query of its own, reading the whole list once more).
    Like Paginator.get_page: a page that is no number is the first, one past the end the last.
    """
    try:
        number = max(1, int(number))
    except (TypeError, ValueError):
        number = 1
    queryset = queryset.annotate(totaal=Window(Count("pk")))
    rows = list(queryset[(number - 1) * per_page : number * per_page])
    if not rows and number > 1:
        number = max(1, -(-queryset.count() // per_page))
        rows = list(queryset[(number - 1) * per_page : number * per_page])
    paginator = Paginator([], per_page)
    paginator.count = rows[0].totaal if rows else 0
    return Page(rows, number, paginator)

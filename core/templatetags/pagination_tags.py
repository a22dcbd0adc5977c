"""Links between the pages of a listing that keep its filters."""

from django import template

from core.i18n import sorted_query

register = template.Library()


@register.simple_tag(takes_context=True)
def page_query(context, page_number):
    """The current query string with another page number: filters survive pagination."""
    request = context["request"]
    query = request.GET.copy()
    query.pop("page", None)
    filters = sorted_query(query)
    return f"?{filters}&page={page_number}" if filters else f"?page={page_number}"

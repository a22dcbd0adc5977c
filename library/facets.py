"""Listings filtered by several facets at once (court, kind, year, theme…), each option with
the number of items it would give combined with the other filters, the choices in the
address (shareable). A value that is not one of the options is ignored: never an error.

Costs one query per facet (conditional counts), whatever the number of items."""

from dataclasses import dataclass, field

from django.db.models import Count, Q


@dataclass
class Option:
    key: str  # the value in the address
    label: str
    condition: Q  # what the items filtered by it satisfy
    count: int = 0
    selected: bool = False
    lang: str = ""  # the label's language when it is not the page's
    # Other values meaning the same option: a court's or theme's slug in the other language,
    # so that an address shared from the other side of the site keeps its filters.
    aliases: tuple = ()


@dataclass
class Facet:
    param: str
    label: str
    options: list
    selected: Option | None = field(default=None)
    # m2m facets (themes) join rows: count each item once.
    distinct: bool = False

    @property
    def shown_options(self):
        """The options that give items, and the chosen one."""
        return [o for o in self.options if o.count or o.selected]


def filter_by_facets(request, items, facets):
    """(the items matching every chosen option, the facets with their counts)."""
    for facet in facets:
        raw = request.GET.get(facet.param, "")
        for option in facet.options:
            if raw and (option.key == raw or raw in option.aliases):
                option.selected = True
                facet.selected = option

    def narrowed(queryset, skip=None):
        for facet in facets:
            if facet.selected is not None and facet is not skip:
                queryset = queryset.filter(facet.selected.condition)
        return queryset

    for facet in facets:
        if not facet.options:
            continue
        counts = narrowed(items, skip=facet).aggregate(
            **{
                f"o{index}": Count("pk", filter=option.condition, distinct=facet.distinct)
                for index, option in enumerate(facet.options)
            }
        )
        for index, option in enumerate(facet.options):
            option.count = counts[f"o{index}"]
    return narrowed(items), facets


def selected_filters(facets):
    return {facet.param: facet.selected.key for facet in facets if facet.selected is not None}

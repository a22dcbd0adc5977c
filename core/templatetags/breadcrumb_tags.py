"""`{% breadcrumb_items %}`, for `components/breadcrumb.html`."""

from django import template

from core.breadcrumbs import crumb_items

register = template.Library()


@register.simple_tag(takes_context=True)
def breadcrumb_items(context, crumbs, current):
    """The trail's steps after "Home": `crumbs` (pages or `Crumb`s), then `current`."""
    return crumb_items([*(crumbs or []), current], context.get("request"))

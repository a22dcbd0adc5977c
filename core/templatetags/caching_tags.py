"""A fragment of a page kept in the shared cache until the content changes:

    {% load cache caching_tags %}{% content_version as version %}
    {% cache 86400 theme_lists theme.pk LANGUAGE_CODE version %}…{% endcache %}

`version` is the content generation and the registered key parts (core.caching): a change
an editor makes, or the day changing for the agenda, keys a new fragment. Used where a page
gathers lists from several apps, one query each (a theme's page), and for an article's related
articles (their query and their cards were a third of an uncached article's time)."""

from django import template

from .. import caching

register = template.Library()


@register.simple_tag(takes_context=True)
def content_version(context):
    return caching.content_version(context.get("request"))

"""`{% main_menu as links %}`: the sections of the site for the header (core/navigation.py)."""

from django import template

from core.navigation import main_menu as menu_links

register = template.Library()


@register.simple_tag(takes_context=True)
def main_menu(context):
    """[MenuLink] in the active language, the section the reader is in marked."""
    return menu_links(context.get("request"))

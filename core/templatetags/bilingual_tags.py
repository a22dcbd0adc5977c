"""`{% in_each_language %}`: a message written once, shown in every language of the site.

The error pages (404, 500, the database outage, the admin lockout) are read by people who may
not read the language of the address they followed: each shows its message in the visitor's
language, then in the other one under its own `lang`. The message is one small template
rendered under each language in turn, so its text is written once, in the templates and in
the .po files. No query, no context processor: the 500 and database-outage pages use it."""

from django import template
from django.template.loader import get_template
from django.utils import translation
from django.utils.html import format_html, format_html_join

from core.i18n import LANGUAGE_CODES, current_language

register = template.Library()


@register.simple_tag(takes_context=True)
def in_each_language(context, template_name):
    """`template_name` in the active language (its heading an `h1`), then in each other
    language inside `<div class="other-language">`, each in a `<div lang="…">` (heading `h2`).
    The template gets the page's context plus `lang` (also as `LANGUAGE_CODE`) and `level`."""
    message = get_template(template_name)
    values = context.flatten()

    def render(lang, level):
        with translation.override(lang):
            return message.render({**values, "lang": lang, "LANGUAGE_CODE": lang, "level": level})

    current = current_language()
    others = format_html_join(
        "",
        '<div lang="{}">{}</div>',
        ((code, render(code, 2)) for code in LANGUAGE_CODES if code != current),
    )
    return format_html('{}\n<div class="other-language">{}</div>', render(current, 1), others)

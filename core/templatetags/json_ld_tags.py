"""JSON-LD in a page's HTML, written one way for every content type (articles, decisions and
documents, guides, events): `json_ld_script(data)` from Python, `{{ data|json_ld }}` in a
template."""

import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

# JSON inside <script> must not be able to close it or open a comment.
_JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.filter(name="json_ld")
def json_ld_script(data):
    """A `<script type="application/ld+json">` data block (allowed by a content security
    policy without inline scripts: it is never executed), escaped like `json_script`."""
    payload = json.dumps(data, ensure_ascii=False).translate(_JSON_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))  # noqa: S308

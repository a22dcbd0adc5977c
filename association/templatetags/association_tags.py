"""Template tags for what the association says on every page: share links and the ids of
the donation call-outs."""

from urllib.parse import quote, urlencode

from django import template
from django.utils.translation import gettext_lazy as _

register = template.Library()

# Plain links, no third-party script: nothing is loaded from these sites until the visitor
# follows one.
NETWORKS = [
    ("facebook", "Facebook", "https://www.facebook.com/sharer/sharer.php?{}", ("u",)),
    ("x", "X (Twitter)", "https://twitter.com/intent/tweet?{}", ("url", "text")),
    ("linkedin", "LinkedIn", "https://www.linkedin.com/sharing/share-offsite/?{}", ("url",)),
    ("bluesky", "Bluesky", "https://bsky.app/intent/compose?{}", ("text+url",)),
    ("whatsapp", "WhatsApp", "https://wa.me/?{}", ("text+url",)),
]


def _query(params, url, text):
    values = {}
    for param in params:
        if param in ("u", "url"):
            values[param] = url
        elif param == "text":
            values[param] = text
        elif param == "text+url":
            values["text"] = f"{text} {url}".strip()
    return urlencode(values, quote_via=quote)


@register.inclusion_tag("components/share_links.html", takes_context=True)
def share_links(context, url=None, text=""):
    """Links to share `url` (the current page by default) on the major networks and by email,
    plus a button for the browser's own share sheet (shown by JavaScript where it exists)."""
    request = context.get("request")
    if url is None:
        url = request.build_absolute_uri() if request is not None else ""
    elif request is not None:
        url = request.build_absolute_uri(url)
    text = str(text or "")
    links = [
        {"key": key, "label": label, "url": pattern.format(_query(params, url, text))}
        for key, label, pattern, params in NETWORKS
    ]
    email_query = urlencode({"subject": text, "body": f"{text}\n{url}".strip()}, quote_via=quote)
    links.append({"key": "email", "label": _("Email"), "url": f"mailto:?{email_query}"})
    return {"links": links, "share_url": url, "share_text": text}


@register.simple_tag(takes_context=True)
def unique_id(context, prefix):
    """An id unique within the page, for a component that may appear more than once."""
    request = context.get("request")
    counters = getattr(request, "_infomie_ids", None) if request is not None else None
    if counters is None:
        counters = {}
        if request is not None:
            request._infomie_ids = counters
    counters[prefix] = counters.get(prefix, 0) + 1
    return f"{prefix}-{counters[prefix]}"

"""A whole guide as a PDF, made on the server from its printable page (`print/`) with
WeasyPrint, in the visitor's language: the same text, order and print stylesheet as the page a
visitor prints, without depending on the visitor's browser.

The file is kept in Django's cache under the guide's version: its live, public pages (each
one's place and last publication) and its review. A page published, unpublished, moved or
deleted, or a review, makes a new file on the first download; an unchanged guide is rendered
once per language.
WeasyPrint reads only our own static files and media from disk; it never
follows an address to another server (a guide's links are links, not resources)."""

import hashlib

from django.core.cache import cache

CACHE_SECONDS = 60 * 60 * 24 * 30


def guide_version(guide, pages):
    """What changes when a page of the guide is published, unpublished, moved or deleted, or
    the guide is reviewed, from its live, public `pages` (guides.tree.guide_pages)."""
    state = "|".join(f"{page.pk}:{page.path}:{page.last_published_at}" for page in pages)
    digest = hashlib.sha256(state.encode()).hexdigest()[:20]
    return f"{digest}-{guide.last_reviewed.isoformat()}"


def _cache_key(guide, lang, pages):
    return f"guides:pdf:{guide.pk}:{lang}:{guide_version(guide, pages)}"


def pdf_size(guide, lang, pages):
    """The size in KB (rounded up) of the guide's PDF in `lang` once made for the guide's
    current version, else None (the link then goes without it)."""
    return cache.get(_cache_key(guide, lang, pages) + ":size")


def guide_pdf(guide, lang, pages, printable_html, base_url):
    """The PDF of the guide's printable page (`printable_html()` gives its HTML, rendered only
    when the PDF is not kept), kept until the guide's `pages` change."""
    key = _cache_key(guide, lang, pages)
    pdf = cache.get(key)
    if pdf is None:
        # Imported here, not at the top: WeasyPrint takes about 0.8 s to import (cffi reads
        # pango's headers), which every process (each server worker, each `manage.py`
        # command) would pay at start-up for a download few visitors ask for.
        from .pdf_render import render_pdf

        pdf = render_pdf(printable_html(), base_url)
        cache.set(key, pdf, CACHE_SECONDS)
        # The guide's pages give the size in their link once it is known: pages rendered
        # from now on. A download never purges the page cache (a visitor could then empty it).
        cache.set(key + ":size", -(-len(pdf) // 1024), CACHE_SECONDS)
    return pdf


def file_name(guide, lang):
    """`<slug>-<last reviewed>.pdf`: a reader keeping several versions sees which is which."""
    slug = getattr(guide, f"slug_{lang}", None) or guide.slug
    return f"{slug}-{guide.last_reviewed.isoformat()}.pdf"

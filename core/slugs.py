"""Slugs as editors coming from SPIP or WordPress expect them: plain ASCII, transliterated
(« Été à Marseille » → `ete-a-marseille`; an Arabic, Pashto or Tigrinya title spelled in Latin
letters), unless WAGTAIL_ALLOW_UNICODE_SLUGS is on. The admin's slug fields transliterate as
the editor types (Wagtail's own script reads the same setting); pages saved any other way
(code, imports, an old revision published) are made ASCII when they are saved.

Addresses typed or linked with accents still lead to the page: routing tries the ASCII form
of a slug it cannot find (BasePage.translated_route), and the visitor is sent to the page's
address with a permanent redirect (core/wagtail_hooks.py). Pages saved before slugs were ASCII
are converted once, after `migrate` (core/slug_migration.py)."""

from django.conf import settings
from django.utils.text import slugify

from wagtail.coreutils import string_to_ascii


def unicode_slugs_allowed():
    return getattr(settings, "WAGTAIL_ALLOW_UNICODE_SLUGS", True)


def ascii_slug(text):
    """`text` transliterated to a slug of ASCII letters, digits and hyphens ('' if none)."""
    return slugify(string_to_ascii(text))


def slug_from_title(title, limit=80):
    """The slug a title gives, of at most `limit` characters, cut at a word boundary."""
    if unicode_slugs_allowed():
        slug = slugify(title, allow_unicode=True)
    else:
        slug = ascii_slug(title)
    slug = slug or "page"
    if len(slug) > limit:
        slug = slug[:limit].rsplit("-", 1)[0]
    return slug


def needs_transliteration(slug):
    return bool(slug) and not slug.isascii() and not unicode_slugs_allowed()

"""Old addresses keep working when an editor changes a slug, in both languages.

Wagtail creates a redirect when `slug` changes, but with per-language slugs that is only the
slug of the language active while saving (French in a French admin): changing the English slug
of an article left its old /en/ address a 404. Here, every save of a live page compares its
stored URL paths in each language with the new ones and adds a redirect from each old public
address, for the page and its live descendants (the news index's slug is in every article's
address)."""

from django.db.models.signals import post_save, pre_save
from django.utils import translation
from django.utils.encoding import uri_to_iri

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, Site

from core.i18n import LANGUAGE_CODES
from core.models import BasePage

URL_PATH_FIELDS = [f"url_path_{code}" for code in LANGUAGE_CODES]


def remember_url_paths(sender, instance, raw=False, **kwargs):
    if not isinstance(instance, BasePage) or raw or not instance.pk:
        return
    instance._old_url_paths = (
        Page.objects.filter(pk=instance.pk, live=True).values(*URL_PATH_FIELDS).first()
    )


def redirect_old_urls(sender, instance, raw=False, created=False, **kwargs):
    old_paths = getattr(instance, "_old_url_paths", None)
    instance._old_url_paths = None
    if raw or created or not old_paths or not instance.live:
        return
    for code in LANGUAGE_CODES:
        old = old_paths[f"url_path_{code}"]
        new = getattr(instance, f"url_path_{code}", None)
        if old and new and old != new:
            _redirect_subtree(instance, code, old, new)


def _redirect_subtree(page, lang, old_url_path, new_url_path):
    pages = [page] + list(page.get_descendants().live().specific().defer_streamfields())
    field = f"url_path_{lang}"
    root_paths = {}
    with translation.override(lang):
        for item in pages:
            # Descendants' url paths are updated after the page is saved: they may hold the
            # old or the new one here.
            item_path = getattr(item, field, None) or ""
            if item_path.startswith(new_url_path):
                old_item_path = old_url_path + item_path[len(new_url_path) :]
            elif item_path.startswith(old_url_path):
                old_item_path = item_path
                item_path = new_url_path + item_path[len(old_url_path) :]
                setattr(item, field, item_path)
            else:
                continue
            parts = item.get_url_parts()
            if parts is None:
                continue
            site_id, _root_url, new_url = parts
            new_url = uri_to_iri(new_url)  # percent-encoded: as long as the url path below
            if site_id not in root_paths:
                root = Site.objects.get(pk=site_id).root_page
                root_paths[site_id] = getattr(root, field, None) or root.url_path
            root_path = root_paths[site_id]
            if not item_path.startswith(root_path):
                continue
            # The public address is a language prefix followed by the url_path below the
            # site's root page: keep the prefix, put the old url_path after it.
            prefix = new_url[: len(new_url) - len(item_path[len(root_path) :])]
            old_path = Redirect.normalise_path(prefix + old_item_path[len(root_path) :])
            new_path = Redirect.normalise_path(new_url)
            if old_path == new_path:
                continue
            Redirect.objects.update_or_create(
                old_path=old_path,
                site_id=site_id,
                defaults={"redirect_page": item, "automatically_created": True},
            )
            # A redirect from the new address (a slug changed back) would now hide the page.
            Redirect.objects.filter(old_path=new_path, site_id=site_id).delete()


def connect():
    pre_save.connect(remember_url_paths, dispatch_uid="editorial_remember_url_paths")
    post_save.connect(redirect_old_urls, dispatch_uid="editorial_redirect_old_urls")

"""Pages saved before slugs were ASCII (core/slugs.py) are converted once, after `migrate`:
wagtail-modeltranslation adds the translated slug columns after the migrations have run
(core/schema.py), so no migration can read them. Each page is saved as an editor's slug change
would be: the url paths below it follow, and its old addresses get Wagtail redirects
(editorial/signals.py)."""

import logging

from django.db import DEFAULT_DB_ALIAS
from django.db.models import Q

from wagtail.models import Page

from .i18n import LANGUAGE_CODES
from .models import BasePage
from .slugs import unicode_slugs_allowed

logger = logging.getLogger(__name__)


def transliterate_unicode_slugs(sender, using=DEFAULT_DB_ALIAS, **kwargs):
    """post_migrate: the pages whose slug in some language is not ASCII get its ASCII form,
    saved as an editor's change would be (the old addresses redirect to the new ones). Once
    done, a query that finds nothing."""
    if sender.label != "wagtailcore" or using != DEFAULT_DB_ALIAS or unicode_slugs_allowed():
        return
    not_plain = Q()
    for code in LANGUAGE_CODES:
        not_plain |= Q(**{f"slug_{code}__regex": r"[^-_a-zA-Z0-9]"})
    found = Page.objects.filter(not_plain).order_by("depth").values_list("pk", flat=True)
    for pk in list(found):
        # One at a time, fresh: an ancestor converted before has moved this page's url paths.
        page = Page.objects.get(pk=pk).specific
        if isinstance(page, BasePage):
            page.make_slugs_ascii()
            # As an editor's change: url paths below follow, old addresses redirect (editorial).
            page.save(clean=False)
            logger.warning("Page %s: slugs made ASCII", pk)

"""Demo guides (guides/demo_content.py), used by `manage.py load_demo`. Only adds what is
missing: a guide already there (same French title) is left as it is."""

import datetime

from django.utils import timezone

from wagtail.models import Page

from articles.models import Theme

from .blocks import GuideBodyBlock
from .demo_content import GUIDES
from .models import GuidePage, GuideSectionPage

THEME_SLUGS = {"mie": "mineurs-isoles-etrangers", "droit": "droit-et-politiques-publiques"}


def ensure_guides_demo(section):
    """Add the demo guides under the guides `section`; the number of guides added."""
    existing = set(GuidePage.objects.child_of(section).values_list("title_fr", flat=True))
    created = 0
    for data in GUIDES:
        if data["title_fr"] in existing:
            continue
        guide = _add_page(section, GuidePage, data)
        themes = Theme.objects.filter(slug_fr__in=[THEME_SLUGS[k] for k in data["themes"]])
        guide.themes.set(themes)
        guide.save_revision().publish()
        _backdate(guide, data["reviewed_days_ago"])
        created += 1
    return created


def _add_page(parent, model, data):
    body_block = GuideBodyBlock()
    page = model(
        **{key: data[key] for key in ("title_fr", "title_en", "lead_fr", "lead_en")},
        body_fr=body_block.to_python(data["body_fr"]),
        body_en=body_block.to_python(data["body_en"]),
    )
    parent.add_child(instance=page)
    page.save_revision().publish()
    for child in data.get("children", []):
        _add_page(page, GuideSectionPage, child)
    return page


def _backdate(guide, days):
    """A guide written and last reviewed `days` ago (its pages published then too)."""
    reviewed = timezone.localdate() - datetime.timedelta(days=days)
    published = timezone.now() - datetime.timedelta(days=days + 30)
    pages = Page.objects.filter(path__startswith=guide.path)
    pages.update(first_published_at=published)
    GuideSectionPage.objects.filter(path__startswith=guide.path).update(last_reviewed=reviewed)
    guide = GuidePage.objects.get(pk=guide.pk)
    guide.last_reviewed = reviewed
    guide.save(update_fields=["last_reviewed", "review_due"])

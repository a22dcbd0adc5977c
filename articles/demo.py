"""Demo themes and articles (articles/demo_data.py), used by `manage.py load_demo`. Only adds
what is missing: an article already there (same French title) is left as it is."""

from .blocks import ArticleBodyBlock
from .demo_data import ARTICLES, THEMES
from .models import ArticlePage, Theme


def ensure_articles_demo(index):
    """Add the demo themes and articles under the news `index`; the number of articles added."""
    themes = _ensure_themes()
    body_block = ArticleBodyBlock()
    existing = set(ArticlePage.objects.child_of(index).values_list("title_fr", flat=True))
    created = 0
    for data in ARTICLES:
        if data["title_fr"] in existing:
            continue
        fields = {k: v for k, v in data.items() if k not in {"key", "themes", "body_fr", "body_en"}}
        fields = {k: v for k, v in fields.items() if v is not None}
        article = ArticlePage(**fields)
        article.body_fr = body_block.to_python(data["body_fr"])
        if data.get("body_en"):
            article.body_en = body_block.to_python(data["body_en"])
        article.themes.set([themes[key] for key in data["themes"]])
        index.add_child(instance=article)
        article.save_revision().publish()
        created += 1
    return created


def _ensure_themes():
    themes = {}
    for data in THEMES:
        fields = {k: v for k, v in data.items() if k != "key"}
        theme = Theme.objects.filter(slug_fr=data["slug_fr"]).first()
        if theme is None:
            theme = Theme(**fields)
            theme.save()
        themes[data["key"]] = theme
    return themes

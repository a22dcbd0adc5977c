"""Demo themes and articles (articles/demo_data.py), used by `manage.py load_demo`. Only adds
what is missing: an article already there (same French title) is left as it is."""

from django.core.files.base import ContentFile

from wagtail.images import get_image_model

from core.images import root_collection

from .blocks import ArticleBodyBlock
from .demo_data import ARTICLES, THEMES
from .demo_images import CREDIT, ILLUSTRATION_SIZE, ILLUSTRATIONS, illustration_jpeg
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
        if data["key"] in ILLUSTRATIONS:
            _illustrate(article, data["key"])
        index.add_child(instance=article)
        article.save_revision().publish()
        created += 1
    return created


def _illustrate(article, key):
    """Gives the article its illustration, drawn by articles/demo_images.py."""
    image = get_image_model()(
        title=f"Illustration · {article.title_fr}"[:255], collection=root_collection()
    )
    image.file.save(f"demo-{key}.jpg", ContentFile(illustration_jpeg(key)), save=False)
    image._set_image_file_metadata()
    image.width, image.height = ILLUSTRATION_SIZE
    image.save()
    alt = ILLUSTRATIONS[key][1]
    article.lead_image = image
    article.lead_image_alt_fr, article.lead_image_alt_en = alt["fr"], alt["en"]
    article.lead_image_credit_fr, article.lead_image_credit_en = CREDIT["fr"], CREDIT["en"]


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

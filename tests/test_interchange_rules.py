"""What the admin lets an editor publish, export writes and import takes back: the site's own
content round-trips unchanged, into the same site or an empty one; the admin and the import
refuse the same things; an import never publishes a draft or a review; bodies are cleaned as
the rich-text editor cleans them."""

import io
import json
import re

import pytest

from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.urls import reverse

from wagtail.models import PageLogEntry, Revision, WorkflowState
from wagtail.test.utils.form_data import rich_text, streamfield

from articles.factories import ArticlePageFactory, ThemeFactory
from articles.models import ArticlePage, Theme
from home.models import HomePage

from .admin_forms import article_form_data

pytestmark = pytest.mark.django_db

VISIBLE = [
    "title_fr",
    "title_en",
    "slug_fr",
    "slug_en",
    "lead_fr",
    "lead_en",
    "source_name",
    "source_url_fr",
    "source_url_en",
    "authors_fr",
    "authors_en",
    "original_date",
    "original_language",
    "published_date",
    "live",
    "has_unpublished_changes",
]
THEME_FIELDS = ["name_fr", "name_en", "slug_fr", "slug_en", "description_fr", "description_en"]


def run(*args):
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def text_of(body):
    """A body as a reader sees it: its rendered text, without markup."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", str(body))).strip()


def site_content():
    """Every article as visitors and editors see it, by id: fields, body text, themes with
    every language, and the latest draft's title."""
    content = {}
    for article in ArticlePage.objects.prefetch_related("themes"):
        fields = {name: getattr(article, name) or None for name in VISIBLE}
        for code in ("fr", "en"):
            fields[f"body_{code}"] = text_of(getattr(article, f"body_{code}"))
        fields["themes"] = sorted(
            tuple(getattr(theme, name) or "" for name in THEME_FIELDS)
            for theme in article.themes.all()
        )
        fields["draft_title"] = article.get_latest_revision_as_object().title_fr
        content[str(article.translation_key)] = fields
    return content


@pytest.fixture
def demo_site(db, demo_content):
    # An editor's draft of changes on a published article, and an article never published.
    pending = ArticlePage.objects.live().order_by("pk").first()
    pending.title_fr = "Titre en cours de relecture"
    pending.save_revision()
    draft = ArticlePage.objects.live().order_by("pk").last()
    draft.unpublish()
    return pending, draft


@pytest.mark.parametrize("file_format", ["csv", "json"])
def test_the_sites_content_imports_back_unchanged(tmp_path, demo_site, file_format):
    path = str(tmp_path / f"export.{file_format}")
    call_command("export_articles", path, "--language", "en", stderr=io.StringIO())
    before = site_content()
    revisions, entries = Revision.objects.count(), PageLogEntry.objects.count()

    out = run("import_articles", path, "--language", "en")

    assert f"0 articles created, 0 updated, {len(before)} unchanged; 0 new themes." in out
    assert site_content() == before
    assert (Revision.objects.count(), PageLogEntry.objects.count()) == (revisions, entries)
    pending, draft = demo_site
    pending.refresh_from_db()
    assert pending.has_unpublished_changes  # the editor's draft is still waiting
    assert not ArticlePage.objects.get(pk=draft.pk).live


@pytest.mark.parametrize("file_format", ["csv", "json"])
def test_an_empty_site_gets_its_sections_and_the_whole_content(
    client, tmp_path, file_format, db, demo_content
):
    path = str(tmp_path / f"export.{file_format}")
    call_command("export_articles", path, stderr=io.StringIO())
    before = site_content()
    HomePage.objects.get().delete()  # the whole tree: a site started with NO_DEMO=1
    Theme.objects.all().delete()

    run("ensure_sections")
    assert client.get("/fr/actualites/").status_code == client.get("/en/news/").status_code == 200
    run("import_articles", path)

    assert site_content() == before  # themes with their English names, slugs, descriptions
    for article in ArticlePage.objects.live():
        for code, title in (("fr", article.title_fr), ("en", article.title_en or article.title_fr)):
            page = client.get(article.get_url_in(code))
            assert page.status_code == 200 and title in page.content.decode()
    assert "0 updated, 8 unchanged" in run("import_articles", path, "--language", "en")


# The admin and the import, on the same articles: None when both accept it, else the field
# (as the admin names it) both refuse.
CASES = [
    ("publish", {}, None),
    ("publish", {"title_en": "An English title", "lead_en": ""}, None),
    ("publish", {"source_url_fr": ""}, None),
    ("publish", {"source_url_fr": "https://e.org/same", "source_url_en": ""}, None),
    ("publish", {"lead_fr": ""}, "lead_fr"),
    ("draft", {"lead_fr": "", "source_name": ""}, None),
    ("publish", {"source_name": ""}, "source_name"),
    ("publish", {"source_url_fr": "ftp://e.org/report.pdf"}, "source_url_fr"),
    ("draft", {"source_url_fr": "javascript:alert(1)"}, "source_url_fr"),
    ("publish", {"lead_fr": "x" * 301}, "lead_fr"),
    ("draft", {"title_fr": ""}, "title_fr"),
    ("draft", {"themes": []}, "themes"),
]
COLUMN = {"source_url_fr": "source_url", "source_url_en": "source_url_en", "authors_fr": "authors"}


@pytest.fixture
def editor_client(client):
    user = get_user_model().objects.create_superuser("coordinatrice", "c@example.org", "pw")
    client.force_login(user)
    return client


@pytest.mark.parametrize(("action", "changes", "refused"), CASES)
def test_the_admin_and_the_import_refuse_the_same_things(
    editor_client, tmp_path, news_index, action, changes, refused
):
    theme = ThemeFactory(name_fr="Asile", name_en="Asylum")
    changes = {"themes": [theme.pk], **changes}
    data = article_form_data(**changes, slug_fr="un-article")
    if action == "publish":
        data["action-publish"] = "action-publish"
    url = reverse("wagtailadmin_pages:add", args=["articles", "articlepage", news_index.pk])
    response = editor_client.post(url, data)
    if refused is None:
        assert response.status_code == 302, response.context["form"].errors
    else:
        assert response.status_code == 200
        messages = response.context["form"].errors[refused]
        assert messages and all(message in response.content.decode() for message in messages)
        assert not any("This field" in message or "Enter a" in message for message in messages)
    ArticlePage.objects.all().delete()

    fields = {**article_form_data(), **{k: v for k, v in changes.items() if k != "themes"}}
    record = {
        COLUMN.get(name, name): value
        for name, value in fields.items()
        if name
        in (
            "title_fr",
            "title_en",
            "lead_fr",
            "lead_en",
            "source_name",
            "source_url_fr",
            "source_url_en",
            "authors_fr",
            "original_date",
            "original_language",
        )
    }
    record["themes"] = ["Asile"] if changes["themes"] else []
    record["status"] = "live" if action == "publish" else "draft"
    path = tmp_path / "articles.json"
    path.write_text(json.dumps([record]), encoding="utf-8")
    if refused is None:
        run("import_articles", str(path))
        assert ArticlePage.objects.get().live == (action == "publish")
    else:
        with pytest.raises(CommandError) as error:
            run("import_articles", str(path))
        assert f"Ligne 1, {COLUMN.get(refused, refused)} : " in str(error.value)
        assert not ArticlePage.objects.exists()


def export_json(tmp_path):
    path = tmp_path / "export.json"
    call_command("export_articles", str(path), stderr=io.StringIO())
    return json.loads(path.read_text(encoding="utf-8"))["articles"]


def import_json(tmp_path, records):
    path = tmp_path / "import.json"
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    return run("import_articles", str(path), "--language", "en")


def test_a_pending_draft_or_a_review_is_left_alone(tmp_path, news_index):
    writer = get_user_model().objects.create_user("benevole", "b@example.org", "pw")
    theme = ThemeFactory()
    pending = ArticlePageFactory(parent=news_index, title_fr="Publié", themes=[theme])
    pending.title_fr = "Brouillon d’un éditeur"
    pending.save_revision()
    in_review = ArticlePageFactory(
        parent=news_index, title_fr="En relecture", themes=[theme], live=False
    )
    in_review.save_revision(user=writer)
    in_review.get_workflow().start(in_review, writer)
    records = export_json(tmp_path)
    before, revisions = site_content(), Revision.objects.count()

    for record in records:
        record["title_fr"] += " (modifié)"
        record["status"] = "live"
    out = import_json(tmp_path, records)

    assert "2 articles left alone" in out and "0 updated" in out
    assert site_content() == before and Revision.objects.count() == revisions
    assert WorkflowState.objects.active().filter(object_id=str(in_review.pk)).exists()


def test_a_draft_is_updated_as_a_draft_never_published(client, tmp_path, news_index):
    draft = ArticlePageFactory(
        parent=news_index, title_fr="Pas encore", themes=[ThemeFactory()], live=False
    )
    draft.save_revision()
    records = export_json(tmp_path)
    assert "0 updated, 1 unchanged" in import_json(tmp_path, records)

    records[0].update(title_fr="Corrigé", status="live")
    assert "1 updated" in import_json(tmp_path, records)
    draft.refresh_from_db()
    assert not draft.live and draft.get_latest_revision_as_object().title_fr == "Corrigé"
    assert client.get(draft.get_url_in("fr") or "/fr/actualites/corrige/").status_code == 404


HOSTILE = (
    "<p>Été « à Marseille » : l’aide d’urgence, 中文, العربية, Ελληνικά.</p>"
    '<p>Voir <a href="javascript:alert(1)">ce lien</a> et <a href="https://e.org/r">le rapport</a>'
    '<img src="x" onerror="alert(1)"/><script>alert("xss")</script> <b>fin</b>.</p>'
)


def test_hostile_html_is_stored_as_the_editor_would_store_it(
    editor_client, client, tmp_path, news_index
):
    theme = ThemeFactory(name_fr="Asile")
    # What the admin stores when an editor's browser sends this HTML through the editor.
    data = article_form_data(
        themes=[theme.pk],
        slug_fr="par-l-editeur",
        title_fr="Par l’éditeur",
        body_fr=streamfield([("paragraph", rich_text(HOSTILE))]),
    )
    data["action-publish"] = "action-publish"
    url = reverse("wagtailadmin_pages:add", args=["articles", "articlepage", news_index.pk])
    assert editor_client.post(url, data).status_code == 302
    by_editor = ArticlePage.objects.get(title_fr="Par l’éditeur")

    record = {
        "title_fr": "Importé",
        "lead_fr": "Chapô « ’ » 中文",
        "source_name": "Le Monde",
        "themes": ["Asile"],
        "status": "live",
        "body_fr": HOSTILE.replace("/>", ">"),
    }  # as pasted: the <img> left open
    import_json(tmp_path, [record])
    imported = ArticlePage.objects.get(title_fr="Importé")

    def stored(article):
        return [
            re.sub(r' data-block-key="\w+"', "", block.value.source) for block in article.body_fr
        ]

    assert stored(imported) == stored(by_editor)
    page = client.get(imported.get_url_in("fr")).content.decode()
    article_html = page[page.index("<main") :]
    for hostile in ("<script>alert", "onerror", "javascript:", "<img"):
        assert hostile not in article_html
    assert "Été « à Marseille » : l’aide d’urgence, 中文, العربية, Ελληνικά." in page
    assert '<a href="https://e.org/r">le rapport</a>' in page and "<b>fin</b>" in page
    assert "Chapô « ’ » 中文" in page

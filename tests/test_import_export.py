"""import_articles and export_articles: validation before anything is written, all or
nothing, idempotence by id. (The round trip of the site's content, the shared article rule,
drafts and sanitised bodies: tests/test_interchange_rules.py.)"""

import io
from pathlib import Path
from unittest import mock

import pytest

from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation

from wagtail.models import Page, PageLogEntry

from articles import bulk, interchange
from articles.factories import ArticlePageFactory, ThemeFactory
from articles.models import ArticlePage, Theme

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english_messages():
    # The commands speak the active language; these tests read the English messages
    # (tests/test_import_i18n.py reads the French ones).
    with translation.override("en"):
        yield


DOCS = Path(__file__).resolve().parents[1] / "docs"
HEADER = "id,source_url,title_fr,title_en,lead_fr,lead_en,source_name,original_date,original_language,themes,published_date,status"  # noqa: E501
ID_A = "7f4c9a52-0a4e-4f0e-9a0e-00000000000a"
ID_B = "7f4c9a52-0a4e-4f0e-9a0e-00000000000b"
GOOD_ROW = f"{ID_A},https://example.org/a,Titre A,Title A,Chapô A,Lead A,Le Monde,2024-01-02,fr,Asile,2024-01-03,live"  # noqa: E501


def run(*args):
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def write(tmp_path, text, name="articles.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def counts():
    return ArticlePage.objects.count(), Theme.objects.count()


def test_csv_example_file(news_index):
    out = run("import_articles", str(DOCS / "import-example.csv"))
    assert "2 articles created" in out
    live = ArticlePage.objects.get(source_url_fr__contains="exemple-mineurs-calais")
    assert live.live and live.first_published_at is not None
    assert live.title_en == "Calais: unaccompanied minors still sleep rough, charities say"
    assert live.source_url_en == "https://www.infomigrants.net/en/post/example-minors-calais"
    assert live.slug_fr.startswith("calais-des-mineurs-isoles") and live.slug_en.startswith(
        "calais-unaccompanied-minors"
    )
    assert [b.block_type for b in live.body_fr] == ["paragraph", "paragraph"]
    assert {t.name_fr for t in live.themes.all()} == {
        "Mineurs isolés étrangers (MIE/MNA)",
        "Hébergement",
    }
    assert live.live_revision == live.latest_revision
    assert live.get_latest_revision().content["title_en"] == live.title_en
    # The revision holds what Wagtail itself would have stored.
    assert set(live.latest_revision.content) == set(live.serializable_data())
    assert sorted(live.latest_revision.content["themes"]) == sorted(
        live.themes.values_list("pk", flat=True)
    )
    # Its history as Wagtail records an article created and published in the admin.
    assert [e.action for e in PageLogEntry.objects.filter(page=live).order_by("pk")] == [
        "wagtail.create",
        "wagtail.edit",
        "wagtail.publish",
    ]
    draft = ArticlePage.objects.get(source_url_fr__contains="rapport-evaluation-minorite")
    assert not draft.live and draft.latest_revision is not None
    assert not draft.title_en and draft.original_date.isoformat() == "2024-02-14"
    assert draft.authors_fr == "Camille Martin, Yanis Benali"


def test_imported_pages_are_whole_pages(client, admin_user, news_index):
    """Created in bulk, they are still sound pages: tree, search, admin, public URLs."""
    ArticlePageFactory(parent=news_index, title_fr="Déjà là", title_en="Already there")
    run("import_articles", str(DOCS / "import-example.csv"))
    run("import_articles", str(DOCS / "import-example.json"))
    assert all(problems == [] for problems in Page.find_problems())
    news_index.refresh_from_db()
    assert news_index.numchild == 5 == news_index.get_children().count()
    assert ArticlePage.objects.live().search("Calais").count() == 1
    client.force_login(admin_user)
    for article in ArticlePage.objects.all():
        edit = client.get(reverse("wagtailadmin_pages:edit", args=(article.pk,)))
        assert edit.status_code == 200
        if article.live:
            for lang in ("fr", "en"):
                assert client.get(article.get_url_in(lang)).status_code == 200


def test_json_example_file(news_index):
    out = run("import_articles", str(DOCS / "import-example.json"))
    assert "2 articles created" in out
    article = ArticlePage.objects.get(source_url_fr__contains="report-missing-children")
    assert [b.block_type for b in article.body_fr] == ["paragraph", "quote", "link_list"]
    assert article.body_fr[1].value["language"] == "en"
    assert [b.block_type for b in article.body_en] == ["paragraph", "paragraph"]
    assert article.original_language == "en" and article.live
    with translation.override("en"):
        assert article.get_url().startswith("/en/news/a-european-report")


def test_existing_themes_are_matched_by_name_or_slug_new_ones_created(news_index):
    ThemeFactory(name_fr="Asile", name_en="Asylum")
    rows = [
        (
            2,
            {
                "source_url": "https://e.org/1",
                "title_fr": "T1",
                "lead_fr": "L",
                "source_name": "S",
                "themes": "asylum; Nouveau thème",
            },
        ),
    ]
    interchange.import_rows(interchange.validate(rows))
    article = ArticlePage.objects.get()
    assert {t.name_fr for t in article.themes.all()} == {"Asile", "Nouveau thème"}
    assert Theme.objects.get(name_fr="Nouveau thème").slug_fr == "nouveau-theme"


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (
            ",https://example.org/b,,Title B,Chapô B,Lead B,Le Monde,2024-01-02,fr,Asile,,live",
            "Row 3, title_fr: missing (required)",
        ),
        (
            ",htps//example.org/b,Titre B,,Chapô B,,Le Monde,2024-01-02,fr,Asile,,live",
            'Row 3, source_url: invalid URL "htps//example.org/b"',
        ),
        (
            ",https://example.org/b,Titre B,,Chapô B,,Le Monde,31/02/2024,fr,Asile,,live",
            'Row 3, original_date: invalid date "31/02/2024"',
        ),
        (
            ",https://example.org/b,Titre B,,Chapô B,,Le Monde,2024-01-02,fr,Asile,le 3 mars,live",
            'Row 3, published_date: invalid date "le 3 mars"',
        ),
        (
            ",https://example.org/b,Titre B,,Chapô B,,Le Monde,2024-01-02,klingon,Asile,,live",
            'Row 3, original_language: unknown language "klingon"',
        ),
        (
            ",https://example.org/b,Titre B,,Chapô B,,Le Monde,2024-01-02,fr,,,live",
            "Row 3, themes: missing (required)",
        ),
        (
            ",https://example.org/b,Titre B,,Chapô B,,Le Monde,2024-01-02,fr,Asile,,online",
            'Row 3, status: unknown status "online"',
        ),
        (
            f"{ID_A},https://example.org/a,Titre B,,Chapô B,,Le Monde,2024-01-02,fr,Asile,,live",
            "Row 3, id: same id as row 2",
        ),
        (
            "12,https://example.org/b,Titre B,,Chapô B,,Le Monde,2024-01-02,fr,Asile,,live",
            'Row 3, id: invalid id "12"',
        ),
        (
            ",ftp://example.org/b,Titre B,,Chapô B,,Le Monde,2024-01-02,fr,Asile,,live",
            'Row 3, source_url: invalid URL "ftp://example.org/b"',
        ),
    ],
)
def test_one_bad_row_and_nothing_is_imported(tmp_path, news_index, row, expected):
    before = counts()
    path = write(tmp_path, f"{HEADER}\n{GOOD_ROW}\n{row}\n")
    with pytest.raises(CommandError) as error:
        run("import_articles", path)
    assert expected in str(error.value)
    assert "Nothing imported" in str(error.value)
    assert counts() == before


def test_every_problem_is_reported_at_once(tmp_path, news_index):
    path = write(
        tmp_path,
        f"{HEADER}\n,htp:/x,,,,,,2024-13-45,xx,,,live\n{GOOD_ROW}\n",
    )
    with pytest.raises(CommandError) as error:
        run("import_articles", path)
    message = str(error.value)
    for column in (
        "source_url",
        "title_fr",
        "lead_fr",
        "source_name",
        "original_date",
        "original_language",
        "themes",
    ):
        assert f"Row 2, {column}:" in message
    assert "Row 3" not in message


def test_a_failure_while_writing_rolls_everything_back(tmp_path, news_index):
    before = counts()
    path = write(
        tmp_path,
        f"{HEADER}\n{GOOD_ROW}\n"
        ",https://example.org/b,Titre B,,Chapô B,,Le Monde,,fr,Nouveau,,live\n",
    )
    # The second article fails after the first one and a new theme have been written.
    real_free_slug = bulk.free_slug
    calls = []

    def failing_free_slug(*args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise RuntimeError("disk full")
        return real_free_slug(*args, **kwargs)

    with mock.patch.object(bulk, "free_slug", failing_free_slug), pytest.raises(RuntimeError):
        run("import_articles", path)
    assert len(calls) == 3
    assert counts() == before


def test_dry_run_writes_nothing(tmp_path, news_index):
    before = counts()
    out = run("import_articles", str(DOCS / "import-example.csv"), "--dry-run")
    assert "Dry run, nothing written" in out and "2 articles to create" in out
    assert "Hébergement" in out
    assert counts() == before


def test_same_file_twice_creates_no_duplicates_and_updates_what_changed(tmp_path, news_index):
    row_b = f"{ID_B},https://example.org/a,Titre B,,Chapô B,,Le Monde,,fr,Asile,,draft"
    path = write(tmp_path, f"{HEADER}\n{GOOD_ROW}\n{row_b}\n")
    # Two items may cite the same report: the id tells them apart.
    assert "2 articles created" in run("import_articles", path)
    assert "0 articles created, 0 updated, 2 unchanged" in run("import_articles", path)
    assert ArticlePage.objects.count() == 2 and Theme.objects.count() == 1
    article = ArticlePage.objects.get(title_fr="Titre A")
    assert str(article.translation_key) == ID_A
    slug_before = article.slug_en

    changed = GOOD_ROW.replace("Title A", "Title A changed")
    path = write(tmp_path, f"{HEADER}\n{changed}\n{row_b}\n")
    out = run("import_articles", path)
    assert "0 articles created, 1 updated, 1 unchanged" in out
    article = ArticlePage.objects.get(title_fr="Titre A")
    assert article.title_en == "Title A changed" and article.live
    assert article.slug_en == slug_before  # the address does not move
    assert ArticlePage.objects.count() == 2


def test_rows_without_id_are_new_articles(tmp_path, news_index):
    row = ",https://example.org/a,Titre A,,Chapô A,,Le Monde,,fr,Asile,,live"
    path = write(tmp_path, f"{HEADER}\n{row}\n")
    run("import_articles", path)
    run("import_articles", path)
    assert ArticlePage.objects.filter(title_fr="Titre A").count() == 2


def test_semicolon_csv_from_a_french_spreadsheet(tmp_path, news_index):
    text = (
        "source_url;title_fr;lead_fr;source_name;themes;status\n"
        "https://example.org/c;Titre, avec virgule;Chapô;Libération;Asile;live\n"
    )
    run("import_articles", write(tmp_path, "\ufeff" + text))
    assert ArticlePage.objects.get().title_fr == "Titre, avec virgule"


def test_unknown_column_is_refused(tmp_path, news_index):
    with pytest.raises(CommandError, match="unknown column"):
        run("import_articles", write(tmp_path, "source_url,titre\nhttps://e.org,x\n"))


def test_export_to_stdout_is_csv(news_index):
    ArticlePageFactory(parent=news_index, source_url_fr="https://e.org/1", themes=[ThemeFactory()])
    out = run("export_articles")
    assert out.splitlines()[0] == ",".join(interchange.COLUMNS)


def test_export_for_excel_reads_back_unchanged(tmp_path, news_index):
    ArticlePageFactory(
        parent=news_index, title_fr="Été ; « à Calais »", themes=[ThemeFactory(name_fr="Accès")]
    )
    path = tmp_path / "excel.csv"
    run("export_articles", str(path), "--excel")
    content = path.read_bytes()
    assert content.startswith(b"\xef\xbb\xbf")  # French Excel reads UTF-8 only with it
    assert content.decode("utf-8-sig").splitlines()[0] == ";".join(interchange.COLUMNS)
    assert "1 unchanged" in run("import_articles", str(path), "--dry-run")
    with pytest.raises(CommandError, match="--excel"):
        run("export_articles", str(tmp_path / "a.json"), "--excel")


def test_updates_keep_pages_whole(client, tmp_path, news_index):
    """A live row publishes the change; a draft row on a live article leaves the live version
    as it is and saves the change as a draft."""
    path_v1 = write(
        tmp_path,
        f"{HEADER}\n{GOOD_ROW}\n"
        f"{ID_B},https://example.org/b,Titre B,Title B,Chapô B,Lead B,Le Monde,,fr,Asile,,live\n",
    )
    run("import_articles", path_v1)
    path_v2 = write(
        tmp_path,
        f"{HEADER}\n"
        f"{ID_A},https://example.org/a,Titre A v2,Title A v2,Chapô A,Lead A,Le Monde,2024-01-02,fr,Asile; Droit,2024-01-03,live\n"  # noqa: E501
        f"{ID_B},https://example.org/b,Titre B v2,Title B,Chapô B,Lead B,Le Monde,,fr,Asile,,draft\n",  # noqa: E501
        name="v2.csv",
    )
    assert "2 updated" in run("import_articles", path_v2)
    a = ArticlePage.objects.get(source_url_fr="https://example.org/a")
    assert a.live and not a.has_unpublished_changes and a.title_fr == "Titre A v2"
    assert a.live_revision == a.latest_revision
    assert a.latest_revision.content["title_fr"] == "Titre A v2"
    assert {t.name_fr for t in a.themes.all()} == {"Asile", "Droit"}
    assert client.get(a.get_url_in("en")).status_code == 200
    assert "Title A v2" in client.get(a.get_url_in("en")).content.decode()
    b = ArticlePage.objects.get(source_url_fr="https://example.org/b")
    assert b.live and b.has_unpublished_changes and b.title_fr == "Titre B"
    assert b.get_latest_revision_as_object().title_fr == "Titre B v2"
    assert b.draft_title == "Titre B v2"
    assert "0 updated, 2 unchanged" in run("import_articles", path_v2)
    assert [e.action for e in PageLogEntry.objects.filter(page=a).order_by("pk")][-2:] == [
        "wagtail.edit",
        "wagtail.publish",
    ]

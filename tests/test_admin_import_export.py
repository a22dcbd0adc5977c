"""Import and export in the admin (editorial/interchange_views.py), through Django's test
client: moderators only, the spreadsheet variants, files that cannot be read (a French message,
never a 500), the size limit, nothing written before the confirmation, the same file confirmed
as previewed, articles left alone (a pending draft, a review) shown as such, and exports French
Excel opens."""

import csv
import io
import json
import os

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles.factories import ArticlePageFactory, ThemeFactory
from articles.models import ArticlePage
from editorial import roles
from editorial.interchange_views import preview_rows

pytestmark = pytest.mark.django_db

TITLE = "Été à Marseille : l’accueil des mineurs"
HEADER = ["id", "source_url", "title_fr", "lead_fr", "source_name", "themes", "status"]
ROWS = [  # new articles: no id
    [
        "",
        "https://example.org/ete",
        TITLE,
        "« Pas de place » ; la préfecture répond.",
        "La Provence",
        "Accueil",
        "draft",
    ],
    [
        "",
        "https://example.org/deux",
        "Deux lignes",
        "Première ligne\nseconde ligne",
        "Le Monde",
        "Accueil; Hébergement",
        "draft",
    ],
]


def with_ids(rows):
    """The rows with the ids of the articles they created (as an export would give them)."""
    keys = dict(ArticlePage.objects.values_list("source_url_fr", "translation_key"))
    return [[str(keys[row[1]]), *row[1:]] for row in rows]


def csv_bytes(rows=ROWS, delimiter=";", encoding="cp1252"):
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows(rows)
    return out.getvalue().encode(encoding)


@pytest.fixture(autouse=True)
def _private_folder(settings, tmp_path):
    settings.ARTICLES_IMPORT_DIR = tmp_path / "imports"


def member_of(group_name, username):
    roles.apply_roles()
    user = get_user_model().objects.create_user(username, password="pw")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def moderator(client, news_index):
    client.force_login(member_of(roles.MODERATORS, "coordinatrice"))
    return client


def upload(client, data, name="revue.csv"):
    return client.post(
        reverse("editorial_import"), {"file": SimpleUploadedFile(name, data)}, follow=True
    )


def confirm(client, response, **extra):
    return client.post(
        reverse("editorial_import_confirm"),
        {"token": response.context["token"], **extra},
        follow=True,
    )


@pytest.mark.parametrize("url_name", ["editorial_import", "editorial_export"])
def test_writers_are_refused(client, news_index, url_name):
    client.force_login(member_of(roles.WRITERS, "volontaire"))
    response = client.get(reverse(url_name))
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    response = client.post(
        reverse("editorial_import"), {"file": SimpleUploadedFile("a.csv", csv_bytes())}
    )
    assert response.status_code == 302
    assert not ArticlePage.objects.exists()
    assert "Import et export" not in client.get(reverse("wagtailadmin_home")).text


def test_moderators_and_superusers_see_the_menu(moderator, client):
    assert "Import et export" in moderator.get(reverse("wagtailadmin_home")).text
    client.force_login(get_user_model().objects.create_superuser("admin", password="pw"))
    assert client.get(reverse("editorial_export")).status_code == 200


@pytest.mark.parametrize(
    ("encoding", "delimiter", "said"),
    [
        ("utf-8", ",", "encodage détecté : UTF-8 ; séparateur détecté : virgule (,)"),
        ("utf-8-sig", ";", "UTF-8 avec BOM"),
        ("utf-8-sig", ",", "virgule (,)"),
        ("cp1252", ";", "Windows-1252 (« CSV (séparateur : point-virgule) » d’Excel)"),
        ("cp1252", ",", "Windows-1252"),
    ],
)
def test_preview_then_confirm(moderator, encoding, delimiter, said):
    response = upload(moderator, csv_bytes(delimiter=delimiter, encoding=encoding))
    text = response.text
    assert said in text.replace("&#x27;", "’")
    assert "2 articles à créer" in text and TITLE in text
    assert not ArticlePage.objects.exists()  # nothing before the confirmation

    response = confirm(moderator, response)
    assert "« revue.csv » importé" in response.text
    assert ArticlePage.objects.get(source_url_fr="https://example.org/ete").title_fr == TITLE
    # Cells holding a semicolon or a line break came through whole.
    deux = ArticlePage.objects.get(source_url_fr="https://example.org/deux")
    assert deux.lead_fr.replace("\r\n", "\n") == "Première ligne\nseconde ligne"
    assert sorted(deux.themes.values_list("name_fr", flat=True)) == ["Accueil", "Hébergement"]

    # Without ids, the same rows would be new articles again: the file with their ids (as an
    # export writes it) is everything unchanged, nothing to confirm.
    rows = with_ids(ROWS)
    response = upload(moderator, csv_bytes(rows, delimiter=delimiter, encoding=encoding))
    assert "2 articles inchangés" in response.text
    assert "Confirmer l’import" not in response.text


def test_json_upload(moderator):
    records = [dict(zip(HEADER, row, strict=True)) for row in ROWS]
    for record in records:
        del record["id"]
        record["themes"] = [
            {"name_fr": name, "name_en": f"{name} (en)"} for name in record["themes"].split("; ")
        ]
    data = json.dumps({"articles": records}, ensure_ascii=False).encode()
    response = upload(moderator, data, "revue.json")
    assert "Fichier JSON." in response.text
    confirm(moderator, response)
    assert ArticlePage.objects.count() == 2
    assert ArticlePage.objects.get(title_fr=TITLE).themes.get().name_en == "Accueil (en)"


def test_a_bad_row_names_row_and_column_and_writes_nothing(moderator):
    # Row 3 is to be published without its source: the editor would refuse it too (a draft
    # may leave it empty).
    rows = [ROWS[0], [*ROWS[1][:4], "", *ROWS[1][5:6], "live"]]
    response = upload(moderator, csv_bytes(rows))
    text = response.text
    assert response.status_code == 200
    assert "Rien n’a été importé : « revue.csv » contient 1 problème." in text
    assert "Ligne 3, source_name" in text
    assert 'role="alert"' in text
    assert not ArticlePage.objects.exists() and "token" not in response.context


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (bytes(range(256)) * 64, "photo.csv", "ce n’est pas un fichier texte"),
        (b"PK\x03\x04" + bytes(300), "revue.xlsx", "c’est un classeur de tableur"),
        (b"\x89PNG\r\n\x1a\n" + bytes(100), "image.png", "pas un fichier texte"),
        (b"  \r\n", "vide.csv", "le fichier est vide"),
        (";".join(HEADER).encode() + b"\r\n", "entete.csv", "aucun article"),
        (b'{"articles": [1, 2', "a.json", "JSON invalide"),
        (b'"unclosed;' + b"x" * 200_000, "a.csv", "un guillemet non fermé"),
    ],
    ids=["random", "xlsx", "png", "blank", "header-only", "bad-json", "unclosed-quote"],
)
def test_unreadable_uploads_are_explained_in_french(moderator, data, name, message):
    response = upload(moderator, data, name)
    assert response.status_code == 200
    assert message in response.text
    assert "Rien n’a été importé" in response.text


def test_an_empty_file(moderator):
    response = upload(moderator, b"", "vide.csv")
    assert response.status_code == 200
    assert "Le fichier soumis est vide." in response.text  # Django's own, in French
    assert 'href="#id_file"' in response.text  # the error summary leads to the field


def test_a_file_over_the_limit(moderator, settings):
    settings.ARTICLES_IMPORT_MAX_SIZE = 1024
    response = upload(moderator, csv_bytes() + b" " * 2000)
    assert "plus que les 1,0\xa0Kio qu’un import accepte" in response.text
    assert not list(settings.ARTICLES_IMPORT_DIR.glob("*"))


def test_cancel_writes_nothing_and_forgets_the_file(moderator, settings):
    response = upload(moderator, csv_bytes())
    assert len(list(settings.ARTICLES_IMPORT_DIR.glob("*.upload"))) == 1
    response = confirm(moderator, response, cancel="1")
    assert "Import annulé : rien n’a été écrit." in response.text
    assert not ArticlePage.objects.exists()
    assert not list(settings.ARTICLES_IMPORT_DIR.glob("*.upload"))


def test_a_token_is_the_uploaders_and_its_file_cannot_change(moderator, client, settings):
    response = upload(moderator, csv_bytes())
    token = response.context["token"]
    other = member_of(roles.MODERATORS, "autre")
    client.force_login(other)
    refused = client.post(reverse("editorial_import_confirm"), {"token": token}, follow=True)
    assert "Cet import ne peut pas être confirmé" in refused.text
    forged = moderator.post(
        reverse("editorial_import_confirm"), {"token": token + "x"}, follow=True
    )
    assert "Cet import ne peut pas être confirmé" in forged.text
    # The file changed on disk since the preview: refused.
    (path,) = settings.ARTICLES_IMPORT_DIR.glob("*.upload")
    path.write_bytes(csv_bytes(ROWS[:1]))
    changed = moderator.post(reverse("editorial_import_confirm"), {"token": token}, follow=True)
    assert "Cet import ne peut pas être confirmé" in changed.text
    assert not ArticlePage.objects.exists()


def test_the_site_changed_since_the_preview(moderator, news_index):
    upload_and_confirm = confirm(moderator, upload(moderator, csv_bytes(ROWS[:1])))
    assert "importé" in upload_and_confirm.text
    rows = [*with_ids(ROWS[:1]), ROWS[1]]  # the first unchanged, the second new
    response = upload(moderator, csv_bytes(rows))
    assert "1 article à créer" in response.text and "1 article inchangé" in response.text
    # Meanwhile an editor changes the first article: the file would now update it.
    article = ArticlePage.objects.get()
    article.title_fr = "Titre changé par une éditrice"
    article.save_revision()
    response = confirm(moderator, response)
    assert "ont changé depuis l’aperçu" in response.text
    assert "1 article à créer" in response.text
    assert "1 article à mettre à jour" in response.text
    assert ArticlePage.objects.count() == 1  # nothing written
    confirm(moderator, response)
    assert ArticlePage.objects.count() == 2
    article.refresh_from_db()
    assert article.get_latest_revision_as_object().title_fr == TITLE


def test_articles_left_alone_are_shown_and_explained(moderator, news_index):
    writer = member_of(roles.WRITERS, "volontaire")
    theme = ThemeFactory(name_fr="Accueil")
    pending = ArticlePageFactory(
        parent=news_index,
        title_fr="Publié",
        source_url_fr="https://example.org/p",
        themes=[theme],
    )
    pending.title_fr = "Brouillon d’une éditrice"
    pending.save_revision()
    in_review = ArticlePageFactory(
        parent=news_index,
        title_fr="En relecture",
        source_url_fr="https://example.org/r",
        themes=[theme],
        live=False,
    )
    in_review.save_revision(user=writer)
    in_review.get_workflow().start(in_review, writer)
    export = moderator.get(reverse("editorial_export"), {"format": "excel"}).content
    text = (
        export.decode("utf-8-sig")
        .replace("Publié;", "Publié (modifié);")
        .replace("En relecture;", "En relecture (modifié);")
    )
    response = upload(moderator, text.encode("utf-8-sig"), "export.csv")
    page = response.text
    assert "2 articles laissés tels quels" in page
    assert "L’import laisse ces articles tels quels bien que le fichier diffère" in page
    rows = {row.title: row.action for row in response.context["rows"]}
    assert rows == {"Publié (modifié)": "left_alone", "En relecture (modifié)": "left_alone"}
    assert page.count("laissé tel quel : en relecture ou modifications non publiées") == 2
    assert "Confirmer l’import" not in page  # nothing the import would write
    assert pending.get_latest_revision_as_object().title_fr == "Brouillon d’une éditrice"


def test_each_row_gets_its_own_action_even_when_labels_repeat(news_index):
    """Two rows may cite one source URL (two items on one report): the preview tells them
    apart by row, not by label."""
    from articles.interchange import Plan, Row

    rows = [
        Row(number=2, values={"source_url": "https://e.org/x", "title_fr": "A"}),
        Row(number=3, values={"source_url": "https://e.org/x", "title_fr": "B"}),
    ]
    plan = Plan(
        created=["https://e.org/x"],
        updated=["https://e.org/x"],
        actions={2: "created", 3: "updated"},
    )
    assert [row.action for row in preview_rows(rows, plan)] == ["created", "updated"]


def test_stale_uploads_are_removed(moderator, settings):
    upload(moderator, csv_bytes())
    (old,) = settings.ARTICLES_IMPORT_DIR.glob("*.upload")
    os.utime(old, (0, 0))
    upload(moderator, csv_bytes())
    assert old not in list(settings.ARTICLES_IMPORT_DIR.glob("*.upload"))
    assert len(list(settings.ARTICLES_IMPORT_DIR.glob("*.upload"))) == 1


def test_export_for_french_excel_and_back(moderator, news_index):
    ArticlePageFactory(
        parent=news_index,
        title_fr=TITLE,
        lead_fr="« Guillemets » et point ; virgule",
        themes=[ThemeFactory()],
    )
    page = moderator.get(reverse("editorial_export"))
    assert "Excel (point-virgule)" in page.text
    response = moderator.get(reverse("editorial_export"), {"format": "excel"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="infomie-articles-')
    content = response.content
    assert content.startswith(b"\xef\xbb\xbf")
    text = content.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("id;source_url;title_fr;")
    records = list(csv.DictReader(io.StringIO(text, newline=""), delimiter=";"))
    assert records[0]["title_fr"] == TITLE
    # Import takes it back as it is: nothing to do.
    response = upload(moderator, content, "export.csv")
    assert "1 article inchangé" in response.text


@pytest.mark.parametrize(
    ("export_format", "start"), [("csv", b"id,source_url,title_fr,"), ("json", b'{\n  "articles"')]
)
def test_standard_exports(moderator, news_index, export_format, start):
    ArticlePageFactory(parent=news_index, title_fr=TITLE)
    response = moderator.get(reverse("editorial_export"), {"format": export_format})
    assert response.content.startswith(start)
    assert TITLE in response.content.decode("utf-8")

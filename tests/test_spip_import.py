"""The sample SPIP site imported: every publishable item once, both languages of a translation
group in one page, statuses, dates, themes, files; a second run changes nothing; a broken row
writes nothing and is named."""

import contextlib
import re

import pytest

from wagtail.documents import get_document_model
from wagtail.models import Page, Revision

from agenda.models import EventPage
from articles.models import ArticlePage, Theme
from guides.models import GuidePage, GuideSectionPage
from library.models import DecisionPage, DocumentPage
from spip.models import MigratedObject, OldAddress
from spip.run import run_import

from .spip_fixtures import *  # noqa: F403 (fixtures)
from .spip_fixtures import spip_query

PUBLISHABLE = "statut IN ('publie', 'prop', 'prepa')"


def count(url, sql):
    return spip_query(url, sql)[0][0]


def publishable_articles(url, rubriques):
    """Articles of these rubriques that should become pages: one per translation group."""
    ids = ", ".join(str(r) for r in rubriques)
    return count(
        url,
        f"SELECT COUNT(*) FROM spip_articles WHERE id_rubrique IN ({ids}) AND {PUBLISHABLE} "
        "AND (id_trad = 0 OR id_trad = id_article)",
    )


@pytest.mark.django_db
def test_import_then_again(spip_sample, sections, client):
    """One import of the sample (a minute on this machine), checked from every side; then a
    second run, which changes nothing."""
    url, img, counts = spip_sample
    with an_article_too_long_and_a_wrong_link(url) as (spip_id, title):
        report = run_import(url, img)
        assert report.succeeded, report.lines()
        cuts_and_left_out_links_are_reported(report, spip_id, title)
        every_publishable_item_once(url, counts, report)
        translation_group_is_one_page(url, counts)
        internal_links_and_files_resolved(url)
        headings_are_blocks_of_their_own()
        every_old_address_is_one_301_to_a_200(client, counts)
        second_run_changes_nothing(url, img)


@contextlib.contextmanager
def an_article_too_long_and_a_wrong_link(url):
    """A press article of the sample with a title longer than a page's (255 characters) and a
    source link that is not a web address, put back afterwards (other tests share it)."""
    ((spip_id, title, link),) = spip_query(
        url,
        "SELECT id_article, titre, url_site FROM spip_articles WHERE id_rubrique = 1 "
        "AND statut = 'publie' AND id_trad = 0 ORDER BY id_article LIMIT 1",
    )
    long_title = "« Mineurs isolés » : " + "évaluation de l’âge, " * 20 + "فتى وحيد"
    change = "UPDATE spip_articles SET titre = %s, url_site = %s WHERE id_article = %s"
    spip_query(url, change, long_title, "www.exemple.fr/une adresse avec espaces", spip_id)
    try:
        yield spip_id, long_title
    finally:
        spip_query(url, change, title, link, spip_id)


def cuts_and_left_out_links_are_reported(report, spip_id, title):
    """Nothing is cut or left out silently: the report names the article, what was done and
    the whole value."""
    page = MigratedObject.objects.get(kind="article", spip_id=spip_id).page.specific
    assert page.title == title[:255] and len(title) > 255
    assert not page.source_url
    notes = {loss for item, loss in report.losses if item.startswith(f"article {spip_id} ")}
    assert f"Titre coupé à 255 caractères (c’était « {title} »)" in notes, notes
    assert (
        "Article original (URL) « https://www.exemple.fr/une adresse avec espaces » n’est "
        "pas une adresse web : laissé de côté"
    ) in notes, notes
    lines = "\n".join(report.lines())
    assert f"  ~ article {spip_id} « {title} » : Titre coupé" in lines


def every_publishable_item_once(url, counts, report):
    breves = count(url, f"SELECT COUNT(*) FROM spip_breves WHERE {PUBLISHABLE}")
    assert ArticlePage.objects.count() == publishable_articles(url, [1]) + breves
    assert DecisionPage.objects.count() == publishable_articles(url, [2])
    assert DocumentPage.objects.count() == publishable_articles(url, [3])
    assert GuidePage.objects.count() == 2  # rubriques 5 and 6
    assert GuideSectionPage.objects.count() == 1 + publishable_articles(url, [5, 6, 9])
    assert EventPage.objects.count() == count(
        url, f"SELECT COUNT(*) FROM spip_evenements WHERE {PUBLISHABLE}"
    )
    assert Theme.objects.count() == count(url, "SELECT COUNT(*) FROM spip_mots")
    assert get_document_model().objects.count() == counts.documents
    # Statuses: published live, proposed in review, in preparation a draft; refused and
    # binned items are reported, not imported.
    rows = spip_query(url, "SELECT id_breve, statut FROM spip_breves ORDER BY id_breve")
    for spip_id, status in rows:
        migrated = MigratedObject.objects.filter(kind="breve", spip_id=spip_id).first()
        if status == "refuse":
            assert migrated is None
            assert any(f"brève {spip_id} " in item for item, _why in report.skipped)
            continue
        page = migrated.page.specific
        assert page.live == (status == "publie")
        assert bool(page.workflow_in_progress) == (status == "prop")
    assert set(report.statuses) == {"live", "review", "draft"}
    urls = count(url, "SELECT COUNT(*) FROM spip_urls")
    assert OldAddress.objects.count() == urls + counts.documents + counts.images


def translation_group_is_one_page(url, counts):
    fr_id, en_id = counts.translation_groups[0]
    french = MigratedObject.objects.get(kind="article", spip_id=fr_id)
    english = MigratedObject.objects.get(kind="article", spip_id=en_id)
    assert french.page_id == english.page_id
    assert (french.language, english.language) == ("fr", "en")
    page = ArticlePage.objects.get(pk=french.page_id)
    fr_title, en_title = (
        spip_query(url, "SELECT titre FROM spip_articles WHERE id_article = %s", spip_id)[0][0]
        for spip_id in (fr_id, en_id)
    )
    assert (page.title_fr, page.title_en) == (fr_title, en_title)
    assert page.body_en and page.body_fr
    date = spip_query(url, "SELECT date FROM spip_articles WHERE id_article = %s", fr_id)[0][0]
    assert page.published_date == date.date()
    assert page.first_published_at.date() == date.date()


def internal_links_and_files_resolved(url):
    linked = spip_query(
        url,
        "SELECT id_article, texte FROM spip_articles WHERE texte LIKE '%%->art%%' "
        "AND statut = 'publie' AND id_rubrique = 1 ORDER BY id_article DESC LIMIT 1",
    )[0]
    target_id = int(linked[1].split("->art")[1].split("]")[0])
    page = MigratedObject.objects.get(kind="article", spip_id=linked[0]).page.specific
    target = MigratedObject.objects.get(kind="article", spip_id=target_id).page
    paragraphs = "".join(b["value"] for b in page.body_fr.raw_data if b["type"] == "paragraph")
    links = re.findall(r"<a [^>]*>", paragraphs)
    assert any(f'id="{target.pk}"' in a and 'linktype="page"' in a for a in links), links
    decision = DecisionPage.objects.exclude(decision_file=None).first()
    assert decision.decision_file.file.read(5) == b"%PDF-"


def headings_are_blocks_of_their_own():
    """SPIP's {{{intertitres}}} become heading blocks: inside a paragraph block, whose rich
    text has no headings, the editor would drop them at the first save."""
    blocks = [
        block
        for model in (ArticlePage, GuidePage)
        for body in model.objects.values_list("body_fr", flat=True)
        for block in body.raw_data
    ]
    assert any(b["type"] == "heading" for b in blocks)
    paragraphs = [b["value"] for b in blocks if b["type"] == "paragraph"]
    assert paragraphs and not [p for p in paragraphs if "<h2" in p or "<blockquote" in p]


def every_old_address_is_one_301_to_a_200(client, counts):
    live = {
        (o.kind, o.spip_id)
        for o in MigratedObject.objects.select_related("page")
        if o.page is None or o.page.live
    }
    checked, targets = 0, {}
    for path, kind, spip_id, _lang in counts.addresses:
        if (kind, spip_id) not in live:
            continue
        response = client.get(path)
        assert response.status_code == 301, path
        targets.setdefault(response["Location"], path)
        checked += 1
    assert checked > 500
    # Several old addresses lead to one page (numbered, « propres », each language): each
    # page they lead to is fetched once.
    for location, path in targets.items():
        assert client.get(location).status_code == 200, (path, location)
    # No two old items lead to one address (a translation's old address leads to the other
    # language's address of their one page).
    reached = {(kind, spip_id) for _path, kind, spip_id, _lang in counts.addresses}
    assert len(targets) == len(reached & live)


def second_run_changes_nothing(url, img):
    pages, revisions = Page.objects.count(), Revision.objects.count()
    documents = get_document_model().objects.count()
    report = run_import(url, img)
    assert report.succeeded
    assert not report.created and not report.updated
    assert (Page.objects.count(), Revision.objects.count()) == (pages, revisions)
    assert get_document_model().objects.count() == documents


@pytest.mark.django_db
def test_missing_file_writes_nothing_and_names_the_document(spip_sample, sections, tmp_path):
    url, img, _counts = spip_sample
    broken = tmp_path / "IMG"
    for path in img.rglob("*"):
        if path.is_file():
            target = broken / path.relative_to(img)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())
    missing = sorted((broken / "pdf").iterdir())[0]
    missing.unlink()
    pages = Page.objects.count()
    report = run_import(url, broken)
    assert not report.succeeded
    assert any(missing.name in message for _item, message in report.problems)
    assert any(item.startswith("document ") for item, _message in report.problems)
    assert Page.objects.count() == pages and not MigratedObject.objects.exists()


@pytest.mark.django_db
def test_unknown_rubrique_in_mapping_writes_nothing(spip_sample, sections):
    url, img, _counts = spip_sample
    mapping = '[rubriques]\npress_review = [1, 404]\n[case_law]\ncourt = "Cour de cassation"\n'
    report = run_import(url, img, mapping_text=mapping)
    assert not report.succeeded
    assert any("404" in message for _item, message in report.problems)
    assert not ArticlePage.objects.exists()
    assert "Nothing was imported" in report.lines()[0] or "Rien" in report.lines()[0]

"""The sample SPIP site: SPIP 4's own tables and columns, a realistic shape, its files."""

from pypdf import PdfReader

from spip.reader import read_site
from spip.schema import TABLES

from .spip_fixtures import *  # noqa: F403 (fixtures)
from .spip_fixtures import spip_query


def test_tables_have_spips_columns(spip_sample):
    url, _img, _counts = spip_sample
    for table, columns in TABLES.items():
        rows = spip_query(url, f"SHOW COLUMNS FROM {table}")
        assert [row[0] for row in rows] == list(columns)
    types = dict(row[:2] for row in spip_query(url, "SHOW COLUMNS FROM spip_articles"))
    assert types["texte"] == "longtext"
    assert types["id_trad"] == "bigint(21)"


def test_a_few_hundred_items_in_every_table_and_status(spip_sample):
    url, _img, counts = spip_sample
    assert 200 <= counts.items <= 600
    for table in (
        "spip_rubriques",
        "spip_mots_liens",
        "spip_documents_liens",
        "spip_urls",
        "spip_auteurs_liens",
        "spip_evenements",
        "spip_breves",
        "spip_auteurs",
    ):
        assert spip_query(url, f"SELECT COUNT(*) FROM {table}")[0][0] > 5, table
    assert spip_query(url, "SELECT COUNT(*) FROM spip_groupes_mots")[0][0] == 2
    statuses = {row[0] for row in spip_query(url, "SELECT DISTINCT statut FROM spip_articles")}
    assert statuses == {"publie", "prop", "prepa", "refuse", "poubelle"}
    # Translation groups: an English article whose id_trad is its French original's id.
    pairs = spip_query(
        url,
        "SELECT fr.titre, en.titre FROM spip_articles en JOIN spip_articles fr "
        "ON en.id_trad = fr.id_article WHERE en.lang = 'en' AND fr.lang = 'fr'",
    )
    assert len(pairs) >= 3


def test_texts_are_in_spip_markup_with_accents(spip_sample):
    url, _img, _counts = spip_sample
    texts = "\n".join(row[0] for row in spip_query(url, "SELECT texte FROM spip_articles"))
    for markup in ("{{{", "{{", "-*", "-#", "[[", "->art", "<doc", "<multi>", "| {{", "<quote>"):
        assert markup in texts, markup
    assert "é" in texts and "«" in texts and "خوش" in texts


def test_files_are_real_pdfs_and_images(spip_sample):
    url, img, counts = spip_sample
    site = read_site(url, img)
    pdfs = [doc for doc in site.documents.values() if doc["extension"] == "pdf"]
    assert len(pdfs) == counts.documents
    reader = PdfReader(img / pdfs[0]["fichier"])
    assert "mineurs non accompagnés" in reader.pages[0].extract_text()
    assert all((img / doc["fichier"]).is_file() for doc in site.documents.values())

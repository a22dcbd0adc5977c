"""A SPIP 4 site of our own making, for the tests, CI and the benchmark: its tables in a MariaDB
database (spip.schema) and its IMG/ folder with PDFs and images made here. The shape is a real
association's resource centre: a tree of rubriques, press articles and brèves, case law, a
library, guides, an agenda, keywords, authors, "URLs propres", two languages, every status.

Every count a test needs is in `SampleCounts`, worked out while the rows are written."""

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from io import BytesIO
from pathlib import Path

from PIL import Image

from library.pdf_writer import text_pdf

from .reader import connect, connection_settings
from .sample_words import (
    AUTHORS,
    BODY_PARTS,
    BREVE_SOURCES,
    PLACES,
    RUBRIQUES,
    THEMES,
    TITLES,
    TITLES_EN,
    slugify_spip,
)
from .schema import create_statements

STATUSES = ["publie"] * 14 + ["prop", "prepa", "refuse", "poubelle"]
START = datetime(2012, 3, 5, 9, 30)


@dataclass
class SampleCounts:
    """What the sample holds, by what the migration should make of it."""

    pages: dict = field(default_factory=lambda: {"article": 0, "decision": 0, "document": 0})
    statuses: dict = field(default_factory=dict)
    skipped: int = 0
    translation_groups: list = field(default_factory=list)  # [(fr id, en id)]
    documents: int = 0
    images: int = 0
    events: int = 0
    themes: int = 0
    guide_pages: int = 0
    addresses: list = field(default_factory=list)  # (old path, kind, id, lang)
    items: int = 0


class SampleWriter:
    def __init__(self, cursor, img, seed, scale):
        self.cursor, self.img, self.scale = cursor, Path(img), scale
        self.random = random.Random(seed)  # noqa: S311 (sample data)
        self.counts = SampleCounts()
        self.next_id = {}
        self.date = START

    def insert(self, table, **row):
        columns = ", ".join(f"`{name}`" for name in row)
        marks = ", ".join(["%s"] * len(row))
        self.cursor.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(row.values()))  # noqa: S608
        return self.cursor.lastrowid

    def new_id(self, kind):
        self.next_id[kind] = self.next_id.get(kind, 0) + 1
        return self.next_id[kind]

    def later(self):
        self.date += timedelta(days=self.random.randint(1, 9), minutes=self.random.randint(0, 600))
        return self.date

    def status(self, forced=None):
        status = forced or self.random.choice(STATUSES)
        self.counts.statuses[status] = self.counts.statuses.get(status, 0) + 1
        if status in ("refuse", "poubelle"):
            self.counts.skipped += 1
        return status

    def address(self, kind, spip_id, lang="fr", url=None):
        """The old addresses a visitor may come back with, for a published object."""
        paths = [f"/spip.php?{kind}{spip_id}", f"/{kind}{spip_id}.html"]
        if kind != "mot":
            paths.append(f"/spip.php?page={kind}&id_{kind}={spip_id}")
        paths += [f"/spip.php?{kind}{spip_id}&lang={lang}"]
        if url:
            paths.append(f"/{url}")
        self.counts.addresses += [(path, kind, spip_id, lang) for path in paths]

    def url_propre(self, kind, spip_id, title, date):
        url = f"{slugify_spip(title)}-{kind[0]}{spip_id}" if kind != "rubrique" else None
        url = url or f"-{slugify_spip(title)}-"
        self.insert("spip_urls", url=url, type=kind, id_objet=spip_id, date=date, segments=1)
        return url

    def text(self, with_doc=None, with_link=None):
        parts = self.random.sample(BODY_PARTS, 3)
        if with_doc:
            parts.append(f"Le document complet : <doc{with_doc}|center>")
        if with_link:
            parts.append(f"Voir aussi [notre article précédent->art{with_link}].")
        return "\n\n".join(parts)

    # Tables ------------------------------------------------------------------------------

    def write(self):
        self.write_authors()
        self.write_keywords()
        self.write_rubriques()
        self.write_documents()
        self.write_articles()
        self.write_breves()
        self.write_agenda()
        self.counts.items = sum(self.next_id.values())
        return self.counts

    def write_authors(self):
        for name in AUTHORS:
            self.insert("spip_auteurs", nom=name, statut="1comite", login=slugify_spip(name))
            self.new_id("auteur")

    def write_keywords(self):
        for group, (title, words) in enumerate(THEMES, start=1):
            self.insert("spip_groupes_mots", titre=title, tables_liees="articles,breves")
            for word in words:
                spip_id = self.insert("spip_mots", titre=word, id_groupe=group, type=title)
                self.new_id("mot")
                self.counts.themes += 1
                url = self.url_propre("mot", spip_id, word, START)
                self.address("mot", spip_id, url=url)

    def write_rubriques(self):
        for spip_id, (parent, title, lang) in RUBRIQUES.items():
            depth = 0 if parent == 0 else 1 + (RUBRIQUES[parent][0] != 0)
            sector = spip_id if parent == 0 else parent
            while RUBRIQUES[sector][0]:
                sector = RUBRIQUES[sector][0]
            self.insert(
                "spip_rubriques",
                id_rubrique=spip_id,
                id_parent=parent,
                titre=title,
                descriptif=f"Rubrique « {title} »",
                texte=self.random.choice(BODY_PARTS),
                id_secteur=sector,
                statut="publie",
                date=START,
                lang=lang,
                profondeur=depth,
                agenda=int(spip_id == 7),
            )
            self.new_id("rubrique")
            if parent == 4:
                self.counts.guide_pages += 1
            url = self.url_propre("rubrique", spip_id, title, START)
            self.address("rubrique", spip_id, url=url)

    def write_documents(self):
        (self.img / "pdf").mkdir(parents=True, exist_ok=True)
        (self.img / "jpg").mkdir(parents=True, exist_ok=True)
        self.pdfs, self.pictures = [], []
        for number in range(1, 26 + 1):
            title = f"{self.random.choice(TITLES)} — annexe {number}"
            name = f"pdf/{slugify_spip(title)[:40].lower()}-{number}.pdf"
            data = text_pdf([[title, "Document de travail : mineurs non accompagnés."]], title)
            (self.img / name).write_bytes(data)
            spip_id = self.insert(
                "spip_documents",
                extension="pdf",
                titre=title,
                date=self.later(),
                descriptif="Version imprimable, à télécharger.",
                fichier=name,
                taille=len(data),
                media="file",
                statut="publie",
            )
            self.new_id("document")
            self.pdfs.append(spip_id)
            self.counts.documents += 1
            self.counts.addresses.append((f"/IMG/{name}", "document", spip_id, "fr"))
        for number in range(1, 6 + 1):
            name = f"jpg/atelier-ete-{number}.jpg"
            buffer = BytesIO()
            Image.new("RGB", (64, 48), (40 * number % 255, 120, 90)).save(buffer, "JPEG")
            (self.img / name).write_bytes(buffer.getvalue())
            spip_id = self.insert(
                "spip_documents",
                extension="jpg",
                titre=f"Atelier d’été n° {number}",
                date=self.later(),
                fichier=name,
                taille=buffer.tell(),
                largeur=64,
                hauteur=48,
                media="image",
                statut="publie",
                credits="Photo : Élodie Marchand",
            )
            self.new_id("document")
            self.pictures.append(spip_id)
            self.counts.images += 1

    def write_articles(self):
        plan = [(1, 60), (2, 15), (3, 20), (5, 8), (6, 6), (9, 4)]
        kinds = {1: "article", 2: "decision", 3: "document"}
        previous = None
        for rubrique, number in plan:
            for _ in range(number * (self.scale if rubrique == 1 else 1)):
                status = self.status()
                title = self.random.choice(TITLES)
                pdf = self.random.choice(self.pdfs) if rubrique in (2, 3) else None
                spip_id = self.article(rubrique, title, status, pdf, previous)
                if status in ("publie", "prop", "prepa"):
                    if rubrique in kinds:
                        self.counts.pages[kinds[rubrique]] += 1
                    previous = spip_id if status == "publie" else previous
                if rubrique == 1 and status == "publie" and self.random.random() < 0.25:
                    english = self.article(
                        rubrique, self.random.choice(TITLES_EN), "publie", None, None, "en", spip_id
                    )
                    self.cursor.execute(
                        "UPDATE spip_articles SET id_trad=%s WHERE id_article=%s",
                        (spip_id, spip_id),
                    )
                    self.counts.translation_groups.append((spip_id, english))

    def article(self, rubrique, title, status, pdf, previous, lang="fr", trad=0):
        date = self.later()
        multi = "<multi>[fr]Le point de vue de l’association[en]The association’s view</multi>"
        spip_id = self.insert(
            "spip_articles",
            titre=title,
            surtitre=multi if self.random.random() < 0.1 else "",
            id_rubrique=rubrique,
            id_secteur=rubrique if rubrique < 4 else 4,
            descriptif="",
            chapo=f"{{Chapeau}} : {title.lower()}.",
            texte=self.text(pdf, previous),
            date=date,
            date_modif=date + timedelta(days=3),
            date_redac=date - timedelta(days=2),
            statut=self.status(status) if lang == "en" else status,
            lang=lang,
            langue_choisie="oui" if lang == "en" else "non",
            id_trad=trad,
            nom_site=self.random.choice(BREVE_SOURCES)[0] if rubrique == 1 else "",
            url_site=self.random.choice(BREVE_SOURCES)[1] if rubrique == 1 else "",
        )
        self.new_id("article")
        self.insert(
            "spip_auteurs_liens",
            id_auteur=self.random.randint(1, len(AUTHORS)),
            id_objet=spip_id,
            objet="article",
        )
        for mot in self.random.sample(range(1, self.counts.themes + 1), 2):
            self.insert("spip_mots_liens", id_mot=mot, id_objet=spip_id, objet="article")
        if pdf:
            self.insert("spip_documents_liens", id_document=pdf, id_objet=spip_id, objet="article")
        if status == "publie":
            url = self.url_propre("article", spip_id, title, date)
            self.address("article", spip_id, lang=lang, url=url)
        return spip_id

    def write_breves(self):
        for _ in range(40 * self.scale):
            status = self.status(self.random.choice(["publie"] * 8 + ["prop", "refuse"]))
            source = self.random.choice(BREVE_SOURCES)
            title = "Brève : " + self.random.choice(TITLES).lower()
            date = self.later()
            spip_id = self.insert(
                "spip_breves",
                date_heure=date,
                titre=title,
                texte=self.text(),
                lien_titre=source[0],
                lien_url=source[1],
                statut=status,
                id_rubrique=1,
                lang="fr",
            )
            self.new_id("breve")
            self.insert(
                "spip_mots_liens",
                id_mot=self.random.randint(1, self.counts.themes),
                id_objet=spip_id,
                objet="breve",
            )
            if status in ("publie", "prop"):
                self.counts.pages["article"] += 1
            if status == "publie":
                url = self.url_propre("breve", spip_id, title, date)
                self.address("breve", spip_id, url=url)

    def write_agenda(self):
        for number in range(15):
            status = self.status("publie" if number < 12 else self.random.choice(STATUSES[-4:]))
            place = self.random.choice(PLACES)
            carrier = self.article(7, f"Rencontre à {place[0]}", status, None, None)
            start = datetime(2025, 1, 10, 14, 0) + timedelta(days=17 * number)
            event = self.insert(
                "spip_evenements",
                id_article=carrier,
                date_debut=start,
                date_fin=start + timedelta(hours=3),
                titre=f"Rencontre « droits des jeunes » à {place[0]}",
                descriptif=f"Échange ouvert aux {{professionnels}} et aux bénévoles, {place[0]}.",
                lieu=place[1],
                adresse=place[2],
                horaire="oui",
                id_evenement_source=0,
                statut=status,
                date_creation=start - timedelta(days=30),
            )
            self.new_id("evenement")
            if status in ("publie", "prop", "prepa"):
                self.counts.events += 1
            self.insert(
                "spip_documents_liens",
                id_document=self.random.choice(self.pictures),
                id_objet=event,
                objet="evenement",
            )


def create_database(url, replace=False):
    """Create the database `url` names (dropping it first when `replace`)."""
    name = connection_settings(url)["database"]
    connection = connect(url, database=None)
    try:
        with connection.cursor() as cursor:
            if replace:
                cursor.execute(f"DROP DATABASE IF EXISTS `{name}`")
            cursor.execute(f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4")
    finally:
        connection.close()


def drop_database(url):
    name = connection_settings(url)["database"]
    connection = connect(url, database=None)
    try:
        with connection.cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS `{name}`")
    finally:
        connection.close()


def create_sample(url, img, seed=2012, scale=1):
    """Create the SPIP tables in the (empty) database at `url`, fill them, and write their
    files under `img`; returns the SampleCounts. `scale` multiplies the press articles and
    brèves (the benchmark's larger site)."""
    connection = connect(url, autocommit=False)
    try:
        with connection.cursor() as cursor:
            for statement in create_statements():
                cursor.execute(statement)
            counts = SampleWriter(cursor, img, seed, scale).write()
        connection.commit()
    finally:
        connection.close()
    return counts

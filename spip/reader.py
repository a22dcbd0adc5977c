"""Reading a SPIP site: its MySQL/MariaDB database (given as a URL) and its IMG/ folder.
Rows come back as plain dicts, every table at once: a SPIP site of ten years is a few tens of
thousands of rows, which fit in memory and let the mapping look across tables."""

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pymysql
from pymysql.cursors import DictCursor

from django.utils.translation import gettext as _

# Seconds: a database that does not answer must not hang an import (or an admin request).
CONNECT_TIMEOUT = 10
READ_TIMEOUT = 120
# Only the columns the migration uses: a long-lived site carries much else (visits, passwords).
COLUMNS = {
    "spip_rubriques": "id_rubrique, id_parent, titre, descriptif, texte, statut, date, lang",
    "spip_articles": (
        "id_article, surtitre, titre, soustitre, id_rubrique, descriptif, chapo, texte, ps, "
        "date, date_modif, date_redac, statut, lang, id_trad, nom_site, url_site"
    ),
    "spip_breves": "id_breve, date_heure, titre, texte, lien_titre, lien_url, statut, "
    "id_rubrique, lang, maj",
    "spip_groupes_mots": "id_groupe, titre, descriptif",
    "spip_mots": "id_mot, titre, descriptif, id_groupe",
    "spip_documents": (
        "id_document, extension, titre, date, descriptif, fichier, media, mode, distant, "
        "statut, credits"
    ),
    "spip_auteurs": "id_auteur, nom, statut",
    "spip_evenements": (
        "id_evenement, id_article, date_debut, date_fin, titre, descriptif, lieu, adresse, "
        "horaire, id_evenement_source, statut"
    ),
}
LINKS = {
    "spip_mots_liens": "id_mot",
    "spip_documents_liens": "id_document",
    "spip_auteurs_liens": "id_auteur",
}
OPTIONAL = {"spip_evenements", "spip_breves", "spip_urls"}


class SpipReadError(Exception):
    """What went wrong reading the SPIP site, in words an editor can act on."""


@dataclass
class SpipSite:
    rubriques: dict = field(default_factory=dict)
    articles: dict = field(default_factory=dict)
    breves: dict = field(default_factory=dict)
    groupes_mots: dict = field(default_factory=dict)
    mots: dict = field(default_factory=dict)
    documents: dict = field(default_factory=dict)
    auteurs: dict = field(default_factory=dict)
    evenements: dict = field(default_factory=dict)
    # (objet, id_objet) -> [ids] for spip_mots_liens, spip_documents_liens, spip_auteurs_liens
    mots_of: dict = field(default_factory=lambda: defaultdict(list))
    documents_of: dict = field(default_factory=lambda: defaultdict(list))
    auteurs_of: dict = field(default_factory=lambda: defaultdict(list))
    urls: list = field(default_factory=list)
    img: Path | None = None

    def count(self):
        return sum(
            len(rows)
            for rows in (
                self.rubriques,
                self.articles,
                self.breves,
                self.mots,
                self.documents,
                self.evenements,
            )
        )


def connection_settings(url):
    """pymysql's arguments from `mysql://user:password@host:port/database`."""
    parts = urlsplit(url or "")
    if parts.scheme not in ("mysql", "mariadb") or not parts.path.strip("/"):
        raise SpipReadError(
            _("The SPIP database address must look like mysql://user:password@host:3306/database.")
        )
    return {
        "host": parts.hostname or "127.0.0.1",
        "port": parts.port or 3306,
        "user": unquote(parts.username or "root"),
        "password": unquote(parts.password or ""),
        "database": unquote(parts.path.strip("/")),
        "charset": "utf8mb4",
        "connect_timeout": CONNECT_TIMEOUT,
        "read_timeout": READ_TIMEOUT,
        "write_timeout": READ_TIMEOUT,
        "cursorclass": DictCursor,
    }


def connect(url, **overrides):
    try:
        return pymysql.connect(**{**connection_settings(url), **overrides})
    except pymysql.MySQLError as error:
        raise SpipReadError(
            _("The SPIP database cannot be reached (%(error)s).") % {"error": error.args[-1]}
        ) from error


def read_site(url, img=None):
    """Every row the migration needs, from the database at `url`; `img` is the site's IMG/."""
    site = SpipSite(img=Path(img) if img else None)
    connection = connect(url)
    try:
        with connection.cursor() as cursor:
            cursor.execute("SHOW TABLES")
            present = {next(iter(row.values())) for row in cursor.fetchall()}
            missing = (set(COLUMNS) | set(LINKS) | {"spip_urls"}) - present - OPTIONAL
            if missing:
                raise SpipReadError(
                    _("This database is not a SPIP site: tables missing: %(tables)s.")
                    % {"tables": ", ".join(sorted(missing))}
                )
            for table, columns in COLUMNS.items():
                if table not in present:
                    continue
                key = columns.split(",")[0]
                cursor.execute(f"SELECT {columns} FROM {table} ORDER BY {key}")  # noqa: S608
                rows = getattr(site, table.removeprefix("spip_"))
                for row in cursor.fetchall():
                    rows[row[key]] = row
            for table, key in LINKS.items():
                cursor.execute(f"SELECT {key}, objet, id_objet FROM {table} ORDER BY {key}")  # noqa: S608
                links = getattr(site, table.removeprefix("spip_").removesuffix("_liens") + "_of")
                for row in cursor.fetchall():
                    links[(row["objet"], row["id_objet"])].append(row[key])
            if "spip_urls" in present:
                cursor.execute(
                    "SELECT url, type, id_objet, date FROM spip_urls ORDER BY type, id_objet, date"
                )
                site.urls = list(cursor.fetchall())
    except pymysql.MySQLError as error:
        raise SpipReadError(
            _("Reading the SPIP database failed (%(error)s).") % {"error": error.args[-1]}
        ) from error
    finally:
        connection.close()
    return site

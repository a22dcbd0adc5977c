"""From the SPIP site and the mapping, what the import will make: one PageItem per page
(a translation group is one page with both languages), the files, the themes, the old
objects that follow another (a rubrique to its section, an agenda article to its event), and
what is not imported, with why. Nothing here touches the database: a dry run and the real run
share this plan."""

import hashlib
import json
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

LANGUAGES = ("fr", "en")
IMPORTED = {"publie": "live", "prop": "review", "prepa": "draft"}
IMAGE_EXTENSIONS = {"jpg", "jpeg", "png", "gif", "webp"}


def checksum(*parts):
    return hashlib.sha256(json.dumps(parts, default=str, sort_keys=True).encode()).hexdigest()


@dataclass
class PageItem:
    kind: str  # the SPIP object the page is known by: article, breve, rubrique, evenement
    spip_id: int
    model: str  # article, decision, document, guide, guide_section, event
    status: str  # live, review, draft
    rows: dict  # language -> the SPIP row written in that language
    parent: tuple | None = None  # (kind, spip_id) of the page it goes under (guides)
    members: list = field(default_factory=list)  # [(kind, spip_id, language)]
    themes: list = field(default_factory=list)  # id_mot
    documents: list = field(default_factory=list)  # id_document
    authors: str = ""
    extra: dict = field(default_factory=dict)  # the carrier article of an event
    checksum: str = ""

    @property
    def key(self):
        return (self.kind, self.spip_id)

    @property
    def label(self):
        title = self.rows.get("fr", next(iter(self.rows.values())))["titre"]
        return f"{self.kind} {self.spip_id} « {title} »"


@dataclass
class Plan:
    pages: list = field(default_factory=list)
    themes: list = field(default_factory=list)  # mot rows
    files: list = field(default_factory=list)  # document rows
    aliases: dict = field(default_factory=dict)  # (kind, id) -> (kind, id) of a page item
    sections: dict = field(default_factory=dict)  # (kind, id) -> section name (its index)
    skipped: list = field(default_factory=list)  # (label, reason)
    problems: list = field(default_factory=list)  # (label, message): nothing is written


def mot_label(mot):
    """How the report names a SPIP keyword: « mot 3 « Mineurs » »."""
    return f"mot {mot['id_mot']} « {mot['titre']} »"


def document_label(doc):
    """How the report names a SPIP document: by its title, else its file."""
    return f"document {doc['id_document']} « {doc['titre'] or doc['fichier']} »"


def make_plan(site, mapping):
    plan = Plan()
    _plan_themes(site, mapping, plan)
    _plan_files(site, plan)
    _plan_rubriques(site, mapping, plan)
    _plan_articles(site, mapping, plan)
    _plan_breves(site, mapping, plan)
    _plan_events(site, mapping, plan)
    return plan


def _status(row, label, plan):
    status = IMPORTED.get(row["statut"])
    if status is None:
        plan.skipped.append((label, _("status « %(status)s »") % {"status": row["statut"]}))
    return status


def _plan_themes(site, mapping, plan):
    for mot in site.mots.values():
        if mot["id_groupe"] in mapping.theme_groups:
            plan.themes.append(mot)
        else:
            plan.skipped.append((mot_label(mot), _("its keyword group is not mapped")))


def _plan_files(site, plan):
    for doc in site.documents.values():
        label = document_label(doc)
        if doc["mode"] == "vignette":
            plan.skipped.append((label, _("a thumbnail SPIP made")))
        elif doc["distant"] == "oui":
            plan.skipped.append((label, _("a remote document (a link, no file)")))
        elif site.img is None or not (site.img / doc["fichier"]).is_file():
            plan.problems.append(
                (label, _("its file IMG/%(file)s is missing") % {"file": doc["fichier"]})
            )
        else:
            plan.files.append(doc)


def _plan_rubriques(site, mapping, plan):
    """A section's root rubrique (and, outside the guides, its sub-rubriques) redirects to
    the section's index; below the guides' root, rubriques become guides and sections."""
    roots = {spip_id for ids in mapping.sections.values() for spip_id in ids}
    for rubrique in site.rubriques.values():
        spip_id = rubrique["id_rubrique"]
        section = mapping.section_of(site, spip_id)
        label = f"rubrique {spip_id} « {rubrique['titre']} »"
        if section is None:
            plan.skipped.append((label, _("not in a section the mapping names")))
        elif section != "guides" or spip_id in roots:
            plan.sections[("rubrique", spip_id)] = section
        elif (status := _status(rubrique, label, plan)) is not None:
            parent = rubrique["id_parent"]
            item = PageItem(
                "rubrique",
                spip_id,
                "guide" if parent in roots else "guide_section",
                status,
                {"fr": rubrique},
                parent=None if parent in roots else ("rubrique", parent),
                members=[("rubrique", spip_id, "fr")],
            )
            item.documents = site.documents_of.get(("rubrique", spip_id), [])
            item.checksum = checksum(rubrique, item.documents, item.parent)
            plan.pages.append(item)


def _plan_articles(site, mapping, plan):
    groups = {}
    for article in site.articles.values():
        groups.setdefault(article["id_trad"] or article["id_article"], []).append(article)
    roots = set(mapping.sections["guides"])
    for reference, members in groups.items():
        original = site.articles.get(reference, members[0])
        section = mapping.section_of(site, original["id_rubrique"])
        if section is None:
            for article in members:
                plan.skipped.append(
                    (f"article {article['id_article']}", _("its rubrique is not mapped"))
                )
            continue
        rows = {}
        for article in members:
            lang = article["lang"] or "fr"
            article_label = f"article {article['id_article']} « {article['titre']} »"
            if lang not in LANGUAGES:
                plan.skipped.append(
                    (
                        article_label,
                        _("language « %(lang)s » is not one of the site's") % {"lang": lang},
                    )
                )
            elif lang in rows:
                plan.skipped.append((article_label, _("a second translation in the same language")))
            elif _status(article, article_label, plan) is not None:
                rows[lang] = article
        if not rows:
            continue
        if "fr" not in rows:  # French is required: an English-only article is shown as such
            rows = {"fr": rows["en"], **rows}
        main = rows["fr"]
        if section == "agenda":
            for article in rows.values():
                plan.aliases[("article", article["id_article"])] = None  # its event, below
            continue
        model = {
            "press_review": "article",
            "case_law": "decision",
            "library": "document",
            "guides": "guide" if main["id_rubrique"] in roots else "guide_section",
        }[section]
        parent = None
        if section == "guides" and main["id_rubrique"] not in roots:
            parent = ("rubrique", main["id_rubrique"])
        item = PageItem(
            "article",
            main["id_article"],
            model,
            IMPORTED[main["statut"]],
            rows,
            parent=parent,
            members=[("article", row["id_article"], lang) for lang, row in rows.items()],
        )
        for row in rows.values():
            key = ("article", row["id_article"])
            item.themes += [m for m in site.mots_of.get(key, []) if m not in item.themes]
            item.documents += [d for d in site.documents_of.get(key, []) if d not in item.documents]
        names = [
            site.auteurs[a]["nom"]
            for a in site.auteurs_of.get(("article", reference), [])
            if a in site.auteurs
        ]
        item.authors = ", ".join(names)  # cut to its field's length when written, with a note
        item.checksum = checksum(rows, item.themes, item.documents, item.authors, parent, model)
        plan.pages.append(item)


def _plan_breves(site, mapping, plan):
    for breve in site.breves.values():
        label = f"brève {breve['id_breve']} « {breve['titre']} »"
        if not mapping.sections["press_review"]:
            plan.skipped.append((label, _("the mapping names no press review")))
            continue
        status = _status(breve, label, plan)
        if status is None:
            continue
        item = PageItem(
            "breve",
            breve["id_breve"],
            "article",
            status,
            {"fr": breve},
            members=[("breve", breve["id_breve"], "fr")],
            themes=list(site.mots_of.get(("breve", breve["id_breve"]), [])),
            documents=list(site.documents_of.get(("breve", breve["id_breve"]), [])),
        )
        item.checksum = checksum(breve, item.themes, item.documents)
        plan.pages.append(item)


def _plan_events(site, mapping, plan):
    for event in site.evenements.values():
        label = f"evenement {event['id_evenement']} « {event['titre']} »"
        status = _status(event, label, plan)
        if status is None:
            continue
        carrier = site.articles.get(event["id_article"])
        key = ("evenement", event["id_evenement"])
        item = PageItem(
            "evenement",
            event["id_evenement"],
            "event",
            status,
            {"fr": event},
            members=[("evenement", event["id_evenement"], "fr")],
            themes=list(site.mots_of.get(key, [])),
            documents=list(site.documents_of.get(key, [])),
            extra={"article": carrier},
        )
        if carrier is not None:
            article_key = ("article", carrier["id_article"])
            item.themes += [m for m in site.mots_of.get(article_key, []) if m not in item.themes]
            if plan.aliases.get(article_key, 0) is None:  # an agenda article: its first event
                plan.aliases[article_key] = key
        item.checksum = checksum(event, carrier, item.themes, item.documents, mapping.organiser)
        plan.pages.append(item)
    for article_key, target in list(plan.aliases.items()):
        if target is None:
            del plan.aliases[article_key]
            plan.skipped.append(
                (f"article {article_key[1]}", _("an agenda article without a published event"))
            )

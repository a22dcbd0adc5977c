"""Writing the plan: themes, files, then pages, then what the old objects and addresses lead
to. Called inside the run's transaction (spip.run): a row that fails stops the run, and
nothing is kept. Objects already imported (MigratedObject) are updated when their SPIP rows
changed and left alone otherwise: a second run duplicates nothing."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files import File
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from agenda.models import EventIndexPage, EventPage
from articles.blocks import ArticleBodyBlock
from articles.bulk import create_many, indexed_at_the_end
from articles.models import ArticleIndexPage, ArticlePage, Theme
from core.bulk_rows import update_rows
from core.workflows import start_workflows
from guides.blocks import GuideBodyBlock
from guides.models import GuideIndexPage, GuidePage, GuideSectionPage
from library.models import Court, DecisionIndexPage, DecisionPage, DocumentIndexPage, DocumentPage

from .fields import FieldMaker, fitted, spip_datetime
from .links import STAND_IN, relink_pages
from .models import MigratedObject, OldAddress
from .plan import IMAGE_EXTENSIONS, checksum, document_label, mot_label

INDEXES = {
    "press_review": ArticleIndexPage,
    "case_law": DecisionIndexPage,
    "library": DocumentIndexPage,
    "guides": GuideIndexPage,
    "agenda": EventIndexPage,
}
MODELS = {
    "article": ArticlePage,
    "decision": DecisionPage,
    "document": DocumentPage,
    "guide": GuidePage,
    "guide_section": GuideSectionPage,
    "event": EventPage,
}
PROGRESS_EVERY = 200  # pages between two progress notes
PARENT_SECTION = {
    "article": "press_review",
    "decision": "case_law",
    "document": "library",
    "guide": "guides",
    "event": "agenda",
}


class ItemError(Exception):
    """A row that cannot be written: the run stops and names it."""

    def __init__(self, label, message):
        super().__init__(_("%(item)s: %(text)s") % {"item": label, "text": message})
        self.label, self.message = label, message


class Writer:
    def __init__(self, site, mapping, plan, report, user=None, progress=None):
        self.site, self.mapping, self.plan, self.report, self.user = (
            site,
            mapping,
            plan,
            report,
            user,
        )
        self.progress = progress or (lambda text: None)
        known = MigratedObject.objects.select_related("page", "document", "image", "theme")
        self.known = {(o.kind, o.spip_id): o for o in known}
        self.page_ids = {key: o.page_id for key, o in self.known.items() if o.page_id}
        self.planned = {member[:2] for item in plan.pages for member in item.members}
        self.planned |= set(plan.aliases)
        self.pending_items = []
        self.stand_ins = {}  # (kind, id) -> the number standing for its page id
        self.dates, self.unsaved = [], []  # written in bulk after the pages
        self.fields = FieldMaker(self.resolve, mapping)
        self.article_body, self.guide_body = ArticleBodyBlock(), GuideBodyBlock()
        self.indexes = {}
        self.in_review = []  # pages submitted for review, in bulk after the pages (core.workflows)

    # References from texts ------------------------------------------------------------

    def resolve(self, reference):
        key = (reference.kind, reference.id)
        key = self.plan.aliases.get(key) or key
        if reference.kind == "document":
            migrated = self.known.get(key)
            if migrated and migrated.document_id:
                return f"document:{migrated.document_id}"
            if migrated and migrated.image_id:
                return migrated.image.file.url
            return None
        if reference.kind == "mot":
            migrated = self.known.get(key)
            index = self.indexes.get("press_review")
            if migrated and migrated.theme_id and index:
                return index.theme_url(migrated.theme, "fr")
            return None
        if key in self.plan.sections and self.plan.sections[key] in self.indexes:
            return f"page:{self.indexes[self.plan.sections[key]].pk}"
        if key in self.page_ids:
            return f"page:{self.page_ids[key]}"
        if key in self.planned:
            # Created later in this run: a stand-in number, replaced once the page exists.
            self.fields.pending = True
            number = self.stand_ins.setdefault(key, STAND_IN + len(self.stand_ins))
            return f"page:{number}"
        return None

    # Themes and files -------------------------------------------------------------------

    def write_themes(self):
        by_name = {theme.name_fr: theme for theme in Theme.objects.all()}
        for mot in self.plan.themes:
            key, digest = ("mot", mot["id_mot"]), checksum(mot)
            migrated = self.known.get(key)
            if migrated and migrated.theme_id and migrated.checksum == digest:
                self.report.unchanged["theme"] += 1
                continue
            theme = migrated.theme if migrated and migrated.theme_id else by_name.get(mot["titre"])
            created = theme is None
            theme = theme or Theme()
            label = mot_label(mot)
            theme.name_fr = fitted(self.fields.losses, label, Theme, "name", mot["titre"])
            theme.description_fr = fitted(
                self.fields.losses, label, Theme, "description", mot["descriptif"]
            )
            theme.save()
            by_name[theme.name_fr] = theme
            (self.report.created if created else self.report.updated)["theme"] += 1
            self.remember(key, "fr", digest, theme=theme)

    def write_files(self):
        Document, Image = get_document_model(), get_image_model()
        for doc in self.plan.files:
            key = ("document", doc["id_document"])
            path = Path(self.site.img) / doc["fichier"]
            digest = checksum(doc, path.stat().st_size)
            migrated = self.known.get(key)
            if migrated and (migrated.document_id or migrated.image_id):
                if migrated.checksum == digest:
                    self.report.unchanged["file"] += 1
                    continue
            is_image = doc["extension"].lower() in IMAGE_EXTENSIONS
            kind = "image" if is_image else "file"
            existing = migrated and (migrated.image if is_image else migrated.document)
            obj = existing or (Image() if is_image else Document())
            label = document_label(doc)
            obj.title = fitted(
                self.fields.losses, label, type(obj), "title", doc["titre"] or path.name
            )
            with path.open("rb") as handle:
                obj.file = File(handle, name=path.name)
                try:
                    obj.full_clean(exclude=["collection", "uploaded_by_user", "file_hash"])
                    obj.save()
                except ValidationError as error:
                    raise ItemError(label, _messages(error)) from error
            (self.report.updated if existing else self.report.created)[kind] += 1
            self.remember(key, "fr", digest, **{"image" if is_image else "document": obj})

    # Pages ------------------------------------------------------------------------------

    def find_indexes(self):
        for name, model in INDEXES.items():
            index = model.objects.first()
            if index is not None:
                self.indexes[name] = index

    def parent_of(self, item):
        if item.parent:
            page_id = self.page_ids.get(item.parent)
            if page_id is None:
                raise ItemError(item.label, "sa rubrique parente n’a pas été importée")
            return Page.objects.get(pk=page_id).specific
        section = PARENT_SECTION.get(item.model)
        if section not in self.indexes:
            raise ItemError(item.label, f"le site n’a pas de section « {section} » où l’importer")
        return self.indexes[section]

    def write_pages(self, touched):
        new_articles = []
        for number, item in enumerate(self.plan.pages):
            if number % PROGRESS_EVERY == 0:
                self.progress(
                    _("Pages: %(done)s of %(total)s")
                    % {"done": number, "total": len(self.plan.pages)}
                )
            migrated = self.known.get(item.key)
            if migrated and migrated.page_id and migrated.checksum == item.checksum:
                self.report.unchanged[item.model] += 1
                self.report.statuses[item.status] += 1
                continue
            page = migrated.page.specific if migrated and migrated.page_id else None
            self.fields.pending = False
            try:
                if item.model == "article" and page is None:
                    new_articles.append((item, self.page_fields(item)))
                else:
                    page = self.save_page(item, page)
                    touched.append(page)
                    self.page_written(item, page)
            except ValidationError as error:
                raise ItemError(item.label, _messages(error)) from error
            if self.fields.pending:
                self.pending_items.append(item)
            (self.report.updated if migrated else self.report.created)[item.model] += 1
            self.report.statuses[item.status] += 1
        if new_articles:
            self.progress(_("Writing %(count)s new articles") % {"count": len(new_articles)})
            index = self.parent_of(new_articles[0][0])
            rows = [
                (fields, self.themes_of(item), item.status == "live", None)
                for item, fields in new_articles
            ]
            pages = create_many(index, rows, self.user)
            touched.extend(pages)
            for (item, _fields), page in zip(new_articles, pages, strict=True):
                self.page_written(item, page)

    def page_fields(self, item):
        maker = self.fields
        if item.model == "article":
            return maker.article(item, self.article_body)
        if item.model in ("guide", "guide_section"):
            return maker.guide(item, self.guide_body)
        if item.model == "event":
            return maker.event(item)
        pdf = self.first_pdf(item)
        if item.model == "decision":
            return maker.decision(item, self.court(), pdf)
        return maker.document(item, pdf)

    def save_page(self, item, page):
        """Wagtail's own path: add_child (validation, slugs, tree), a revision, published
        when SPIP published it."""
        fields = self.page_fields(item)
        model = MODELS[item.model]
        if page is None:
            page = model(**fields)
            self.parent_of(item).add_child(instance=page)
        else:
            for name, value in fields.items():
                setattr(page, name, value)
        if hasattr(page, "themes"):
            page.themes.set(self.themes_of(item))
        revision = page.save_revision(user=self.user, log_action=True)
        if item.status == "live":
            revision.publish(user=self.user)
        elif page.live:
            page.unpublish(user=self.user)
        return page

    def page_written(self, item, page):
        self.page_ids.update({member[:2]: page.pk for member in item.members})
        if item.status == "review":
            self.in_review.append(page)
        row = item.rows["fr"]
        first = spip_datetime(row.get("date") or row.get("date_heure") or row.get("date_debut"))
        last = spip_datetime(row.get("date_modif") or row.get("maj")) or first
        if first and item.status == "live":
            self.dates.append(
                Page(pk=page.pk, first_published_at=first, last_published_at=max(first, last))
            )
        for kind, spip_id, lang in item.members:
            self.remember((kind, spip_id), lang, item.checksum, later=True, page=page)

    def link_pending(self):
        """Texts that named a page created later in the run get its id now (spip.links)."""
        ids = {}
        for item in self.pending_items:
            ids.setdefault(MODELS[item.model], []).append(self.page_ids[item.key])
        real = {str(number): str(self.page_ids[key]) for key, number in self.stand_ins.items()}
        relink_pages(ids, real)

    # Helpers ----------------------------------------------------------------------------

    def themes_of(self, item):
        themes = []
        for id_mot in item.themes:
            migrated = self.known.get(("mot", id_mot))
            if migrated and migrated.theme_id:
                themes.append(migrated.theme)
        return themes

    def first_pdf(self, item):
        for id_document in item.documents:
            migrated = self.known.get(("document", id_document))
            if migrated and migrated.document_id:
                return migrated.document
        return None

    def court(self):
        if not hasattr(self, "_court"):
            name = self.mapping.court
            self._court = Court.objects.filter(name_fr=name).first() or Court.objects.create(
                name_fr=name, jurisdiction="france"
            )
        return self._court

    def remember(self, key, lang, digest, later=False, **targets):
        migrated = self.known.get(key) or MigratedObject(kind=key[0], spip_id=key[1])
        migrated.language, migrated.checksum = lang, digest
        for name, value in targets.items():
            setattr(migrated, name, value)
        if later:
            self.unsaved.append(migrated)
        else:
            migrated.save()
        self.known[key] = migrated

    def save_remembered(self):
        update_rows(Page, self.dates, ["first_published_at", "last_published_at"])
        existing = [o for o in self.unsaved if o.pk is not None]
        for migrated in existing:
            migrated.updated_at = timezone.now()
        MigratedObject.objects.bulk_create(
            [o for o in self.unsaved if o.pk is None], batch_size=500
        )
        update_rows(MigratedObject, existing, ["language", "checksum", "page", "updated_at"])
        self.dates, self.unsaved = [], []

    # Old objects and addresses -----------------------------------------------------------

    def write_aliases(self):
        for key, section in self.plan.sections.items():
            if section in self.indexes:
                self.remember(key, "fr", "", page=self.indexes[section])
        for key, target in self.plan.aliases.items():
            if target in self.page_ids:
                self.remember(key, "fr", "", page=Page(pk=self.page_ids[target]))
        self.report.redirected = sum(
            1 for o in self.known.values() if o.page_id or o.document_id or o.theme_id
        )

    def write_addresses(self):
        kinds = {"article", "breve", "rubrique", "mot", "document", "evenement"}
        wanted = {}
        for row in self.site.urls:  # oldest first: the newest address of a path wins
            path = row["url"].strip().strip("/")
            if row["type"] in kinds and path and len(path) <= 255:
                wanted[path] = (row["type"], row["id_objet"])
        for doc in self.plan.files:
            wanted[f"IMG/{doc['fichier']}"] = ("document", doc["id_document"])
        existing = {a.path: a for a in OldAddress.objects.all()}
        new, changed = [], []
        for path, (kind, spip_id) in wanted.items():
            address = existing.get(path)
            if address is None:
                new.append(OldAddress(path=path, kind=kind, spip_id=spip_id))
            elif (address.kind, address.spip_id) != (kind, spip_id):
                address.kind, address.spip_id = kind, spip_id
                changed.append(address)
        OldAddress.objects.bulk_create(new, batch_size=500)
        OldAddress.objects.bulk_update(changed, ["kind", "spip_id"], batch_size=500)
        self.report.addresses = len(self.site.urls)

    def write(self):
        self.find_indexes()
        self.progress(_("Themes and files"))
        self.write_themes()
        self.write_files()
        touched = []
        with indexed_at_the_end(touched, models=set(MODELS.values())):
            self.write_pages(touched)
            start_workflows(self.in_review, self.user)
            self.progress(_("Links between pages, search index"))
            self.link_pending()
            self.save_remembered()
        self.progress(_("Old addresses"))
        self.write_aliases()
        self.write_addresses()
        self.report.losses = list(dict.fromkeys(self.fields.losses))


def _messages(error):
    if hasattr(error, "message_dict"):
        return " ; ".join(
            _("%(item)s: %(text)s") % {"item": field, "text": " ".join(messages)}
            for field, messages in error.message_dict.items()
        )
    return " ".join(error.messages)

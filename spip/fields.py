"""A PageItem's field values for its page type: SPIP's text through the markup converter (its
losses noted against the item), titles without SPIP's ordering numbers, dates in Paris time,
the source of a press item, the place of an event. A value longer than its field, or a link
that is not a web address, is noted in the report too: nothing is cut or left out silently."""

import re
from datetime import datetime

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext as _

from wagtail.models import Page

from agenda.models import EventPage
from articles.models import ArticlePage
from library.models import DecisionPage, DocumentPage

from .markup import split_multi, to_rich_text

LANGUAGES = ("fr", "en")
ORDERING_NUMBER = re.compile(r"^\s*\d+\.\s+")
POSTCODE_CITY = re.compile(r"\b(\d{5})\s+([^,\d][^,]*)$")
LEAD_LENGTH = 300
# An event's place when SPIP has none: the site's content is written in French.
UNKNOWN_PLACE = "à préciser"


def spip_datetime(value):
    """SPIP's datetime (local time; `0000-00-00` for none) as an aware datetime, or None."""
    if not isinstance(value, datetime):
        return None
    return timezone.make_aware(value) if timezone.is_naive(value) else value


def fitted(losses, label, model, field_name, value):
    """`value` within the length of `model`'s `field_name`; a cut is noted in `losses` against
    the item `label`, with the whole value."""
    field = model._meta.get_field(field_name)
    if field.max_length is None or len(value) <= field.max_length:
        return value
    losses.append(
        (
            label,
            _("%(field)s cut to %(limit)s characters (it was « %(value)s »)")
            % {"field": capfirst(field.verbose_name), "limit": field.max_length, "value": value},
        )
    )
    return value[: field.max_length]


def web_address(losses, label, model, field_name, url):
    """SPIP's link as a web address (`www.…` completed), or "" with a note in `losses` when it
    is not one or does not fit its field."""
    url = (url or "").strip()
    if url.startswith("www."):
        url = "https://" + url
    if not url:
        return ""
    field = model._meta.get_field(field_name)
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        problem = _("%(field)s « %(value)s » is not a web address: left out")
    else:
        if len(url) <= field.max_length:
            return url
        problem = _("%(field)s « %(value)s » is longer than %(limit)s characters: left out")
    values = {"field": capfirst(field.verbose_name), "value": url, "limit": field.max_length}
    losses.append((label, problem % values))
    return ""


class FieldMaker:
    """Converts an item's texts; `resolve` answers the converter's references; `losses`
    collects (item label, what was kept as text)."""

    def __init__(self, resolve, mapping):
        self.resolve, self.mapping = resolve, mapping
        self.losses, self.pending = [], False
        self.memo_item, self.memo = None, {}

    def localized(self, item, field_name):
        """{language: text} of a SPIP field for the item's languages (a French row with
        <multi> gives its English too)."""
        values = {}
        for lang in LANGUAGES:
            row = item.rows.get(lang)
            if row is None and lang == "en" and "<multi" in (item.rows["fr"].get("titre") or ""):
                row = item.rows["fr"]
            if row is not None:
                parts = split_multi(row.get(field_name) or "", default_lang=row.get("lang") or "fr")
                values[lang] = parts.get(lang) or parts.get(row.get("lang") or "fr", "")
        return values

    def title(self, item):
        titles = self.localized(item, "titre")
        return {
            lang: self.fitted(
                item, Page, "title", ORDERING_NUMBER.sub("", strip_tags(text)).strip()
            )
            or f"{item.kind} {item.spip_id}"
            for lang, text in titles.items()
        }

    def fitted(self, item, model, field_name, value):
        return fitted(self.losses, item.label, model, field_name, value)

    def web_address(self, item, model, field_name, url):
        return web_address(self.losses, item.label, model, field_name, url)

    def rich(self, item, *field_names):
        """{language: html} of the fields, converted and joined, for rich text fields that
        have neither headings nor quotations (summaries, descriptions): those become bold
        and plain paragraphs rather than tags the editor would drop."""
        out = {}
        for lang in self.localized(item, "titre"):
            parts = []
            for name in field_names:
                text = self.localized(item, name).get(lang, "")
                if text.strip():
                    parts.append(self.convert(item, text, lang).flat_html)
            out[lang] = "\n".join(parts)
        return out

    def convert(self, item, text, lang="fr"):
        """The text converted (a `Converted`); each text of an item converted once per
        language (the body and the lead of a brève are the same text)."""
        if self.memo_item != item.key:
            self.memo_item, self.memo = item.key, {}
        if (text, lang) not in self.memo:
            converted = to_rich_text(text, resolve=self.resolve, lang=lang)
            self.losses += [(item.label, loss) for loss in converted.losses]
            self.memo[text, lang] = converted
        return self.memo[text, lang]

    def body(self, item, body_block, *field_names):
        """{language: StreamValue} of a body: the fields' blocks, of the types the body has.
        Headings and quotations become blocks of their own: in a paragraph block, whose rich
        text has neither, the editor would drop them the first time an editor saves."""
        types = set(body_block.child_blocks)
        out = {}
        for lang in self.localized(item, "titre"):
            data = []
            for name in field_names:
                text = self.localized(item, name).get(lang, "")
                if text.strip():
                    data += self.convert(item, text, lang).stream(types)
            out[lang] = body_block.to_python(data)
        return out

    def lead(self, item, *field_names):
        """{language: plain text of at most 300 characters}: the first field with text."""
        out = {}
        for lang, html in self.rich(item, *field_names[:1]).items():
            text = " ".join(strip_tags(html).split())
            if not text:
                text = " ".join(strip_tags(self.rich(item, *field_names[1:])[lang]).split())
            out[lang] = Truncator(text).chars(LEAD_LENGTH) or self.title(item)[lang]
        return out

    # Page types -------------------------------------------------------------------------

    def per_language(self, name, values):
        return {f"{name}_{lang}": values.get(lang) or None for lang in LANGUAGES} | {
            f"{name}_fr": values.get("fr", "")
        }

    def article(self, item, body_block):
        row = item.rows["fr"]
        titles = self.title(item)
        if item.kind == "breve":
            source_name, source_url = row["lien_titre"], row["lien_url"]
            date = spip_datetime(row["date_heure"])
            bodies, leads = self.body(item, body_block, "texte"), self.lead(item, "texte")
        else:
            source_name, source_url = row["nom_site"], row["url_site"]
            date = spip_datetime(row["date"])
            bodies = self.body(item, body_block, "texte", "ps")
            leads = self.lead(item, "chapo", "descriptif", "texte")
        fields = {
            **self.per_language("title", titles),
            **self.per_language("lead", leads),
            "published_date": (date or timezone.now()).date(),
            "source_name": self.fitted(
                item, ArticlePage, "source_name", strip_tags(source_name or "").strip()
            )
            or self.mapping.default_source,
            "source_url_fr": self.web_address(item, ArticlePage, "source_url", source_url),
            "source_url_en": None,
            "authors_fr": self.fitted(item, ArticlePage, "authors", item.authors),
            "authors_en": None,
        }
        for lang in LANGUAGES:
            fields[f"body_{lang}"] = bodies.get(lang) or body_block.to_python([])
        return fields

    def decision(self, item, court, pdf):
        row = item.rows["fr"]
        date = spip_datetime(row["date_redac"]) or spip_datetime(row["date"]) or timezone.now()
        return {
            **self.per_language("custom_title", self.title(item)),
            **self.per_language("facts", self.rich(item, "chapo")),
            **self.per_language("ruling", self.rich(item, "texte", "ps")),
            "court": court,
            "kind": self.mapping.decision_kind,
            "decision_date": date.date(),
            "source_url": self.web_address(item, DecisionPage, "source_url", row["url_site"]),
            "decision_file": pdf,
        }

    def document(self, item, pdf):
        row = item.rows["fr"]
        date = spip_datetime(row["date"]) or timezone.now()
        return {
            **self.per_language("title", self.title(item)),
            **self.per_language("summary", self.rich(item, "chapo", "texte", "ps")),
            "kind": self.mapping.document_kind,
            "document_date": date.date(),
            "authors_fr": self.fitted(item, DocumentPage, "authors", item.authors),
            "document_file": pdf,
        }

    def guide(self, item, body_block):
        text_fields = ("texte",) if item.kind == "rubrique" else ("chapo", "texte", "ps")
        fields = {
            **self.per_language("title", self.title(item)),
            **self.per_language("lead", self.lead(item, "descriptif")),
        }
        for lang, body in self.body(item, body_block, *text_fields).items():
            fields[f"body_{lang}"] = body
        return fields

    def event(self, item):
        row = item.rows["fr"]
        start, end = spip_datetime(row["date_debut"]), spip_datetime(row["date_fin"])
        start = timezone.localtime(start or timezone.now())
        end = timezone.localtime(end) if end and end >= start else start
        timed = row["horaire"] != "non"
        description = self.rich(item, "descriptif")
        carrier = item.extra.get("article")
        if carrier:
            text = self.convert(item, carrier["texte"] or "").flat_html
            description = {lang: html + "\n" + text for lang, html in description.items()}
        address = strip_tags(row["adresse"] or "").strip()
        place = POSTCODE_CITY.search(address)
        venue = strip_tags(row["lieu"] or "").strip() or address
        if not venue:
            venue = UNKNOWN_PLACE
            self.losses.append(
                (item.label, _("no place in SPIP: « %(place)s »") % {"place": venue})
            )
        city = place.group(2).strip() if place else venue
        return {
            **self.per_language("title", self.title(item)),
            **self.per_language("description", description),
            "start_date": start.date(),
            "start_time": start.time().replace(second=0, microsecond=0) if timed else None,
            "end_date": end.date(),
            "end_time": end.time().replace(second=0, microsecond=0)
            if timed and end > start
            else None,
            "venue_name": self.fitted(item, EventPage, "venue_name", venue),
            "address": self.fitted(item, EventPage, "address", address),
            "postcode": place.group(1) if place else "",
            "city": self.fitted(item, EventPage, "city", city),
            "organiser": self.mapping.organiser,
        }

"""SPIP's bracket shortcuts: links `[texte->adresse]`, footnotes `[[…]]`, inclusions
`<doc4|left>`, glossary `[?terme]`, anchors `[#ancre<-]`, abbreviations `[ABC|sens]`,
backslash escapes, and bare addresses (which SPIP turns into links)."""

import re
from html import escape

from .references import (
    LANGUAGE_CODES,
    Reference,
    as_target,
    glossary_url,
    normalise_kind,
    parse_shortcut,
    safe_href,
    wagtail_link_attrs,
)
from .typography import finish

ESCAPED = re.compile(r"\\([{}_\-\[\]|<>\\*#+~])")
NOTE = re.compile(r"\[\[(\s*(?:<([^>'\"]*)>)?(.*?))\]\]", re.DOTALL)
MODEL = re.compile(
    r"<([a-z_-]{3,})\s*(\d+)((?:\|(?:<[^<>]*>|[^<>]){0,500}?)?)\s*/?>", re.IGNORECASE
)
LINK = re.compile(r"\[([^\[\]]*?(?:\[[^\]>-]*\][^\[\]]*)*)->(>?)([^\]]*)\]", re.DOTALL)
GLOSSARY = re.compile(r"\[\?+\s*([^\]\[<>]+)\]")
ANCHOR = re.compile(r"\[#?([^\]\[]*)<-\]")
ABBREVIATION = re.compile(r"\[([^|\[\]>]+)\|([^|\]{>]+)(?:\{([a-z]+)\})?\]")
BARE_URL = re.compile(r"(?:https?:/|www\.)[^\"'\s\[\]}){<>\ue000\ue001]*", re.IGNORECASE)
DOMAIN = re.compile(r"^(?:https?:/+)?(?:[^\W_](?:[\w-]{0,61}[^\W_])?\.)+[a-z0-9]{2,}", re.I)
LINK_LANGUAGE = re.compile(r"\{([a-z_]*)\}\s*$")

HIDDEN = "\ue000"  # a placeholder's first character (see context)
DOCUMENT_MODELS = {"doc": "doc", "document": "doc", "img": "img", "image": "img", "emb": "emb"}
ALIGNMENTS = {"left", "right", "center"}


def protect_escapes(text, ctx):
    """`\\{`, `\\[`, `\\~`…: the character itself, no shortcut."""
    return ESCAPED.sub(lambda match: ctx.literal(match.group(1)), text)


def extract_notes(text, ctx):
    """Footnotes set aside (SPIP numbers them in order); their calls stay in the text.
    `[[<>…]]` is a note without number, `[[<xx>…]]` a note called « xx »."""

    def replace(match):
        whole, name, body = match.group(1), match.group(2), match.group(3)
        named = name is not None and (
            f"</{name}>" not in body or re.search(f"<{re.escape(name)}\\W.*</{name}>", body)
        )
        if not named:
            ctx.note_count += 1
            name, body = str(ctx.note_count), whole
        anchor = re.sub(r"[^\w-]", "_", name)
        if not body.strip():
            return ""
        ctx.notes.append((name, anchor, body))
        if not name:
            return ""
        call = f'<a href="#nb{anchor}" id="nh{anchor}">[{escape(name, quote=False)}]</a>'
        return "\u00a0" + ctx.keep(call)

    if "[[" not in text or "]]" not in text:
        return text
    text = NOTE.sub(replace, text)
    return re.sub(r"[ \t]+\u00a0", "\u00a0", text)


def link_html(target, label_html, ctx, *, title=""):
    """`<a>` for a resolved target: Wagtail's own form for `page:N`/`document:N`."""
    attrs = wagtail_link_attrs(target.url)
    if attrs:
        opening = f'<a linktype="{attrs["linktype"]}" id="{attrs["id"]}">'
    else:
        href = safe_href(target.url)
        if href is None:
            ctx.lose("Adresse refusée par le convertisseur (texte gardé)", target.url)
            return label_html
        opening = f'<a href="{escape(href)}">'
    return f"{opening}{label_html}</a>"


def _title_html(target, reference, ctx):
    """An object's title where SPIP shows it, with the text's typography."""
    if target.title:
        return finish(target.title.replace("\ue000", "").replace("\ue001", ""), ctx.lang)
    return escape(reference.label, quote=False)


def _resolve(reference, ctx):
    ctx.saw(reference)
    return as_target(ctx.resolve(reference))


def models(text, ctx):
    """`<doc4>`, `<img5|left>`, `<emb6|center>`: a link to the document (its title, or
    « document 4 »); `<article12>` and other objects: a link to their page."""

    def replace(match):
        if HIDDEN in match.group(0):  # a block set aside inside: not a shortcut
            return match.group(0)
        name, number, params = match.group(1).lower(), int(match.group(2)), match.group(3)
        source = match.group(0)
        options = [part.strip().lower() for part in params.split("|")[1:]]
        align = next((option for option in options if option in ALIGNMENTS), "")
        if name in DOCUMENT_MODELS:
            reference = Reference("document", number, embed=DOCUMENT_MODELS[name], align=align)
        else:
            kind = normalise_kind(name)
            if kind is None:
                ctx.lose("Modèle SPIP inconnu gardé en texte", source)
                return ctx.literal(source)
            reference = Reference(kind, number, embed=name)
        target = _resolve(reference, ctx)
        if target is None:
            ctx.lose(f"Inclusion introuvable ({reference.label}) gardée en texte", source)
            return ctx.literal(source)
        if reference.embed == "img":
            ctx.lose("Image affichée dans le texte remplacée par un lien", source)
        elif reference.embed == "emb":
            ctx.lose("Document intégré (lecteur) remplacé par un lien", source)
        elif reference.kind != "document":
            ctx.lose("Modèle remplacé par un lien vers la page", source)
        label = _title_html(target, reference, ctx)
        return ctx.keep(link_html(target, label, ctx))

    return MODEL.sub(replace, text)


def split_link_text(text):
    """(text, title, hreflang) of `texte|bulle{lang}`, as SPIP reads a link's text."""
    lang = ""
    match = LINK_LANGUAGE.search(text)
    if match and (not match.group(1) or match.group(1).split("_")[0] in LANGUAGE_CODES):
        lang = match.group(1)
        text = text[: match.start()]
    elif match and re.search(r"\|\s*$", text[: match.start()]):
        return text.strip(), "", ""  # `texte|{em}`: an italic after a bar, not a title
    title = ""
    depth = 0
    for position in range(len(text) - 1, -1, -1):
        char = text[position]
        if char == "]":
            depth += 1
        elif char == "[":
            depth -= 1
        elif char == "|" and depth == 0 and not re.search("[<>\ue000]", text[position:]):
            title = text[position + 1 :]
            text = text[:position]
            break
    return text.strip(), title.strip(), lang


def links(text, ctx, convert_label):
    """`[texte->adresse]` and its forms; `convert_label` turns the text into HTML."""

    def replace(match):
        if HIDDEN in match.group(3):  # a block set aside in the address: not a link
            return match.group(0)
        source = match.group(0)
        label, title, lang = split_link_text(match.group(1))
        address = match.group(3).strip()
        label_html = convert_label(label) if label else ""
        if title:
            ctx.lose("Infobulle de lien non gardée", title, whole=True)
        if address.startswith("?"):
            term = address.lstrip("?").strip()
            target = as_target(glossary_url(term, lang or ctx.lang))
            return ctx.keep(link_html(target, label_html or finish(term, ctx.lang), ctx))
        parsed = parse_shortcut(address)
        if parsed:
            reference, anchor = parsed
            # [{}->art2]: the translation in the text's own language
            reference = Reference(
                reference.kind,
                reference.id,
                lang=lang or ("" if "{}" not in match.group(1) else ctx.lang),
            )
            target = _resolve(reference, ctx)
            if target is None:
                ctx.lose(f"Lien vers un contenu introuvable ({reference.label})", source)
                return ctx.keep(label_html or escape(reference.label, quote=False))
            if anchor and not wagtail_link_attrs(target.url):
                target = target.__class__(target.url.split("#")[0] + anchor, target.title)
            text_html = label_html or _title_html(target, reference, ctx)
            return ctx.keep(link_html(target, text_html, ctx))
        href = safe_href(address)
        if href is None:
            ctx.lose("Lien dangereux ou invalide retiré (texte gardé)", source)
            return ctx.keep(label_html or escape(address, quote=False))
        if re.search(r"\s", address) and label:
            ctx.lose("Adresse de lien contenant des espaces (à vérifier)", address, whole=True)
        shown = label_html or escape(address, quote=False)
        return ctx.keep(f'<a href="{escape(href)}">{shown}</a>')

    return LINK.sub(replace, text)


def glossary(text, ctx):
    """`[?terme]`: a link to the term in Wikipedia, SPIP's default glossary."""

    def replace(match):
        if HIDDEN in match.group(0):  # a block set aside inside: not a shortcut
            return match.group(0)
        spec = match.group(1)
        term, _, lang = split_link_text(re.split(r"#", spec, maxsplit=1)[0])
        if not term.strip() or not re.search(r"\w", term):
            return match.group(0)
        target = as_target(glossary_url(term, lang or ctx.lang))
        return ctx.keep(link_html(target, finish(term, lang or ctx.lang), ctx))

    return GLOSSARY.sub(replace, text)


def anchors(text, ctx):
    """`[#ancre<-]` names a place in the text; rich text has no such names."""

    def replace(match):
        if HIDDEN in match.group(0):  # a block set aside inside: not a shortcut
            return match.group(0)
        ctx.lose(
            "Ancre nommée retirée (les liens vers elle ne mènent plus qu'à la page)",
            match[0],
            whole=True,
        )
        return ""

    return ANCHOR.sub(replace, text)


def abbreviations(text, ctx):
    """`[ABC|sens]`: the abbreviation stays, its expansion goes to the report."""

    def replace(match):
        if HIDDEN in match.group(0):  # a block set aside inside: not a shortcut
            return match.group(0)
        ctx.lose("Développement d'une abréviation non gardé", match.group(0), whole=True)
        return match.group(1)

    return ABBREVIATION.sub(replace, text)


def bare_addresses(text, ctx):
    """Addresses typed without a shortcut become links, as SPIP makes them."""

    def replace(match):
        address = match.group(0)
        trailing = re.search(r"[,.;:?!|]+$", address)
        tail = trailing.group(0) if trailing else ""
        address = address[: len(address) - len(tail)]
        if not DOMAIN.match(address):
            return match.group(0)
        href = safe_href(address if address.lower().startswith("http") else "http://" + address)
        if href is None:
            return match.group(0)
        link = f'<a href="{escape(href)}">{escape(address, quote=False)}</a>'
        return ctx.keep(link) + tail

    return BARE_URL.sub(replace, text)

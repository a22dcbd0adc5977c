"""HTML written in SPIP texts: blocks whose content SPIP does not interpret (`<code>`,
`<cadre>`, `<html>`…), and tags typed among the shortcuts. Safe tags are kept in the form the
site's rich text uses; harmless presentation tags are dropped with their content kept; tags that
could run code or load something are dropped and reported; anything else stays visible."""

import re
from html import escape, unescape

from .references import safe_href

PROTECTED = re.compile(
    r"<(html|code|cadre|frame|pre|script|style|math|poesie|poetry)(\s[^>]*)?>(.*?)</\1\s*>",
    re.IGNORECASE | re.DOTALL,
)
SCRIPT = re.compile(r"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s[^<>]*)?)/?>")
ATTRIBUTE = re.compile(r"""([a-zA-Z_:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")

# Tags kept, under the name the site's rich text (or the block splitter) uses.
KEPT = {
    "b": "b",
    "strong": "b",
    "i": "i",
    "em": "i",
    "cite": "i",
    "dfn": "i",
    "var": "i",
    "code": "code",
    "tt": "code",
    "kbd": "code",
    "samp": "code",
    "br": "br",
    "p": "p",
    "div": "div",
    "section": "div",
    "article": "div",
    "header": "div",
    "footer": "div",
    "aside": "div",
    "nav": "div",
    "main": "div",
    "figure": "div",
    "figcaption": "p",
    "address": "p",
    "center": "div",
    "dl": "div",
    "dt": "p",
    "dd": "p",
    "blockquote": "blockquote",
    "quote": "blockquote",
    "ul": "ul",
    "ol": "ol",
    "li": "li",
    "h1": "h2",
    "h2": "h2",
    "h3": "h2",
    "h4": "h2",
    "h5": "h2",
    "h6": "h2",
    "table": "table",
    "caption": "caption",
    "tr": "tr",
    "td": "td",
    "th": "th",
    "hr": "hr",
    "pre": "pre",
}
# Presentation only: the tag goes, its content stays.
UNWRAPPED = {
    "span",
    "font",
    "u",
    "small",
    "big",
    "abbr",
    "acronym",
    "q",
    "sup",
    "sub",
    "label",
    "time",
    "bdi",
    "bdo",
    "nobr",
    "wbr",
    "mark",
    "intro",
    "thead",
    "tbody",
    "tfoot",
    "colgroup",
    "col",
}
STRUCK = {"del", "s", "strike"}
# Could run code, load something or ask for input: dropped and reported, their text kept.
DANGEROUS = {
    "script",
    "style",
    "iframe",
    "object",
    "embed",
    "applet",
    "param",
    "video",
    "audio",
    "source",
    "track",
    "form",
    "input",
    "button",
    "select",
    "option",
    "textarea",
    "noscript",
    "svg",
    "canvas",
    "frameset",
    "head",
    "meta",
    "link",
    "base",
    "title",
    "body",
}


def attributes(source):
    return {
        name.lower(): unescape(next(value for value in values if value is not None))
        for name, *values in ATTRIBUTE.findall(source)
    }


def protect_blocks(text, ctx, interpret):
    """Set aside the blocks SPIP does not interpret; `interpret(text)` converts the lines of
    a `<poesie>`, whose shortcuts SPIP does apply."""

    def replace(match):
        name, content = match.group(1).lower(), match.group(3)
        if name == "html":
            return ctx.keep(interpret_html(content, ctx))
        if name in ("script", "style"):
            ctx.lose("Script ou style non importé", match.group(0), whole=True)
            return ""
        if name == "math":
            ctx.lose("Formule mathématique gardée en texte", content)
            return ctx.literal(content)
        if name in ("poesie", "poetry"):
            stanzas = re.split(r"\n[ \t]*\n", content.strip("\n"))
            html = "".join(
                "<p>" + "<br/>".join(interpret(line) for line in stanza.split("\n")) + "</p>"
                for stanza in stanzas
            )
            return "\n\n" + ctx.keep(html) + "\n\n"
        if name == "code" and "\n" not in content.strip():
            return ctx.keep(f"<code>{escape(content, quote=False)}</code>")
        kind = "cadre" if name in ("cadre", "frame") else name
        block = f'<pre data-kind="{kind}">{escape(content.strip(chr(10)), quote=False)}</pre>'
        return "\n\n" + ctx.keep(block) + "\n\n"

    return PROTECTED.sub(replace, text)


def interpret_html(content, ctx):
    """The content of an `<html>` block: its tags filtered as any other, its text escaped."""

    def drop(match):
        ctx.lose("Script ou style non importé", match.group(0), whole=True)
        return ""

    text = raw_tags(SCRIPT.sub(drop, content), ctx)
    out = []
    position = 0
    for match in re.finditer(r"\ue000\d+\ue001", text):
        out.append(escape(unescape(text[position : match.start()]), quote=False))
        out.append(match.group(0))
        position = match.end()
    out.append(escape(unescape(text[position:]), quote=False))
    return "".join(out)


def raw_tags(text, ctx):
    """Each HTML tag typed in the text replaced by a placeholder for what the site keeps."""
    text = COMMENT.sub("", text)

    def replace(match):
        closing, name, rest = match.group(1), match.group(2).lower(), match.group(3)
        if name == "br":
            return "" if closing else ctx.line_break
        if name in KEPT:
            return ctx.keep(_kept_tag(KEPT[name], closing, rest, name))
        if name == "a":
            return ctx.keep(_link_tag(closing, rest, match.group(0), ctx))
        if name == "img":
            return _image(rest, match.group(0), ctx)
        if name in UNWRAPPED:
            return ""
        if name in STRUCK:
            if not closing:
                ctx.lose("Texte barré gardé sans être barré", match.group(0))
            return ""
        if name in DANGEROUS:
            if closing:
                return ""
            ctx.lose("Balise HTML non importée (contenu gardé)", match.group(0))
            return ""
        ctx.lose("Balise inconnue gardée en texte", match.group(0))
        return ctx.literal(match.group(0))

    return TAG.sub(replace, text)


def _kept_tag(tag, closing, rest, source_name):
    if tag in ("br", "hr"):
        return "" if closing else f"<{tag}/>"
    if closing:
        return f"</{tag}>"
    if tag == "ol" and source_name == "ol":
        return "<ol>"
    return f"<{tag}>"


def _link_tag(closing, rest, source, ctx):
    if closing:
        return "</a>"
    attrs = attributes(rest)
    if "href" not in attrs:
        return "<a>"  # an anchor (name, id): no link
    href = safe_href(attrs["href"])
    if href is None:
        ctx.lose("Lien dangereux ou invalide retiré (texte gardé)", source)
        return "<a>"
    return f'<a href="{escape(href)}">'


def _image(rest, source, ctx):
    attrs = attributes(rest)
    href = safe_href(attrs.get("src", ""))
    label = attrs.get("alt") or attrs.get("title") or ""
    if href is None:
        ctx.lose("Image HTML non importée", source)
        return ctx.literal(label) if label else ""
    ctx.lose("Image HTML remplacée par un lien vers le fichier", source)
    text = label or href.rsplit("/", 1)[-1] or href
    return ctx.keep(f'<a href="{escape(href)}">{escape(text, quote=False)}</a>')

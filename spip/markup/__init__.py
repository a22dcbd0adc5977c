"""SPIP's markup (« raccourcis typographiques ») converted to the site's rich text.

    from spip.markup import to_rich_text, split_multi, Converted, Reference, Target

    for lang, text in split_multi(row["texte"]).items():
        converted = to_rich_text(text, resolve=importer.resolve, lang=lang)

`resolve(reference)` answers where a SPIP object went: its new address (`str`), or a `Target`
(address and title, used where SPIP shows the object's title: `[->art12]`, `<doc4>`), or `None`
when it did not come over (the text is then kept and the loss reported). An address written
`page:12` or `document:7` becomes Wagtail's own link (`<a linktype="page" id="12">`), which
follows the page when it moves; the site's rich text allows page links but not document links,
so documents are best answered with their file's address.

Documents and images included with `<docN>`, `<imgN>`, `<embN>` become a link to the document
(its title as text): the site's rich text holds no images or players, so `<img>`/`<emb>` are
reported as approximated. Footnotes become a call `<a href="#nb1" id="nh1">[1]</a>` and, after
the text, a paragraph `<p id="nb1"><a href="#nh1">[1]</a> …</p>` (the editor drops the `id`s
when an editor saves the page again; numbers and text stay).

`Converted.html` holds paragraphs, `<h2>` headings, `<blockquote>`, lists, bold, italic,
links and line breaks; `Converted.flat_html` the same without headings and quotations, for
fields whose rich text has neither; `Converted.blocks` the stream data of an article's or a
guide's body (`paragraph`, `heading`, `quote` blocks), and `Converted.stream(types)` the same
with only the block types a body has (a guide's has no `quote`: quotations become paragraphs).
Paragraph blocks hold exactly what Wagtail's editor stores when an editor saves the page (bold
outside italic, links outside both, its white space), so saving an imported page changes
nothing; only nested lists of both kinds in one another are rewritten by the editor itself.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from .blocks import inline, to_html
from .context import RESERVED, Context
from .html_tags import protect_blocks, raw_tags
from .multi import split_multi
from .references import Reference, Target
from .shortcuts import (
    abbreviations,
    anchors,
    bare_addresses,
    extract_notes,
    glossary,
    links,
    models,
    protect_escapes,
)
from .tree import Block, Writer, parse

__all__ = ["Converted", "Reference", "Target", "split_multi", "to_rich_text"]

HEADING_MAX_LENGTH = 200  # the heading block's limit
STREAM_TYPES = frozenset({"paragraph", "heading", "quote"})
MAX_NOTES = 1000


@dataclass
class Converted:
    html: str
    losses: list = field(default_factory=list)
    references: list = field(default_factory=list)
    flat_html: str = ""
    blocks: list = field(default_factory=list)
    lang: str = "fr"
    parts: list = field(default_factory=list, repr=False, compare=False)

    def stream(self, types=STREAM_TYPES):
        """Stream data with only the block types a body has (a guide has no quotation
        block): quotations become paragraphs, headings bold paragraphs."""
        return _stream(self.parts, lambda *args: None, frozenset(types), self.lang)


def _shortcuts(text, ctx):
    text = protect_escapes(text, ctx)
    text = models(text, ctx)
    text = links(text, ctx, lambda label: inline(raw_tags(label, ctx), ctx))
    text = glossary(text, ctx)
    text = anchors(text, ctx)
    text = extract_notes(text, ctx)  # after links, as in SPIP: a note may hold one
    text = abbreviations(text, ctx)
    text = raw_tags(text, ctx)
    return bare_addresses(text, ctx)


def _interpret_line(line, ctx):
    """One line of a `<poesie>`: every inline shortcut applies."""
    return inline(_shortcuts(line, ctx), ctx)


def _blocks(text, ctx):
    text = protect_blocks(text, ctx, lambda line: _interpret_line(line, ctx))
    text = _shortcuts(text, ctx)
    return Writer(ctx).blocks(parse(ctx.expand(to_html(text, ctx))))


def _note_blocks(ctx):
    out = []
    index = 0
    while index < len(ctx.notes) and index < MAX_NOTES:
        name, anchor, body = ctx.notes[index]
        index += 1
        blocks = _blocks(body, ctx)
        if not name:
            out.extend(blocks)
            continue
        call = f'<a href="#nh{anchor}">[{name}]</a>'
        if blocks and blocks[0].kind == "paragraph" and blocks[0].html.startswith("<p>"):
            blocks[0].html = f'<p id="nb{anchor}">{call} ' + blocks[0].html[3:]
            blocks[0].text = f"[{name}] {blocks[0].text}"
        else:
            blocks.insert(0, Block("paragraph", f'<p id="nb{anchor}">{call}</p>', text=f"[{name}]"))
        out.extend(blocks)
    return out


def _html(blocks, flat=False):
    out = []
    for block in blocks:
        if block.kind == "heading":
            out.append(f"<p>{block.bold_html}</p>" if flat else f"<h2>{block.html}</h2>")
        elif block.kind == "quote":
            inner = _html(block.children, flat)
            out.append(inner if flat else f"<blockquote>{inner}</blockquote>")
        else:
            out.append(block.html)
    return "".join(out)


def _plain_text(block):
    if block.kind == "quote":
        return "\n\n".join(_plain_text(child) for child in block.children)
    return block.text


def _stream(blocks, lose, types, lang):
    """Stream data for a body: consecutive paragraphs and lists in one rich-text block."""
    stream, run = [], []

    def flush():
        if run:
            stream.append({"type": "paragraph", "value": "".join(run)})
            run.clear()

    for block in blocks:
        if block.kind in ("paragraph", "list"):
            run.append(block.html)
            continue
        if block.kind == "heading":
            text = " ".join(block.text.split())
            if "heading" not in types:
                run.append(f"<p>{block.bold_html}</p>")
            elif len(text) <= HEADING_MAX_LENGTH and "<a " not in block.html:
                flush()
                stream.append({"type": "heading", "value": {"text": text}})
            else:
                lose("Intertitre trop long ou avec un lien gardé en paragraphe gras", text)
                run.append(f"<p>{block.bold_html}</p>")
            continue
        inner = _html(block.children, flat=True)
        if "quote" not in types:
            run.append(inner)
            continue
        if any(tag in inner for tag in ("<a ", "<b>", "<i>", "<ul>", "<ol>")):
            lose("Mise en forme d'une citation perdue (le bloc citation est du texte)", inner)
        flush()
        text = "\n\n".join(_plain_text(child) for child in block.children)
        stream.append(
            {"type": "quote", "value": {"text": text, "language": lang, "attribution": ""}}
        )
    flush()
    return stream


def to_rich_text(
    text: str, *, resolve: Callable[[Reference], "str | Target | None"], lang: str = "fr"
) -> Converted:
    """The site's rich text for a SPIP text in language `lang` (split `<multi>` first)."""
    ctx = Context(resolve, lang)
    text = RESERVED.sub("", (text or "").replace("\r\n", "\n").replace("\r", "\n"))
    blocks = _blocks(text.strip("\n"), ctx)
    blocks.extend(_note_blocks(ctx))
    stream = _stream(blocks, ctx.lose, STREAM_TYPES, lang)
    return Converted(
        html=_html(blocks),
        losses=ctx.losses,
        references=ctx.references,
        flat_html=_html(blocks, flat=True),
        blocks=stream,
        lang=lang,
        parts=blocks,
    )

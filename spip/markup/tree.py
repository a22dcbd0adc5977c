"""Reading back the HTML the converter assembled, and writing it out the way the site's rich
text stores it: paragraphs, `<h2>` headings, `<blockquote>`, lists, bold, italic, links and line
breaks. What rich text cannot hold (tables, preformatted blocks, rules, inline code) is turned
into paragraphs or plain text and reported."""

import re
from dataclasses import dataclass, field
from html import escape, unescape

from .styled import plain, render, segments

CONTAINERS = {"root", "blockquote", "div", "li", "td", "th", "caption"}
PARAGRAPHS = {"p", "h2"}
BLOCKS = {"p", "h2", "blockquote", "div", "ul", "ol", "table", "pre", "hr", "caption"}
INLINE = {"b", "i", "a", "code"}
VOID = {"br", "hr"}
# Deeper nesting (quotations in quotations…) is flattened: no text needs it, and the
# writer recurses once per level.
MAX_DEPTH = 30
FLATTENED_IN_ITEMS = {"blockquote", "table", "pre", "hr"}


@dataclass
class Node:
    tag: str
    attrs: dict = field(default_factory=dict)
    children: list = field(default_factory=list)


# The converter's own HTML: simple tags with double-quoted attributes, escaped text.
TOKEN = re.compile(r'<(/?)([a-z][a-z0-9]*)((?:\s+[a-z-]+="[^"]*")*)\s*(/?)>')
TOKEN_ATTRIBUTE = re.compile(r'([a-z-]+)="([^"]*)"')


class _Builder:
    """A forgiving tree builder: a block closes the paragraph and inline tags open before
    it, an end tag with no open element is ignored, list items and table cells close their
    predecessors, a link inside a link is dropped (its text kept)."""

    def __init__(self):
        self.root = Node("root")
        self.stack = [self.root]
        self.ignored_links = 0

    @property
    def current(self):
        return self.stack[-1]

    def _push(self, node):
        if len(self.stack) > MAX_DEPTH:
            self.root.attrs["too_deep"] = True
            return
        self.current.children.append(node)
        self.stack.append(node)

    def _close_until(self, tags):
        """Pop up to (not including) the nearest element among `tags`; False if none."""
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index].tag in tags:
                del self.stack[index + 1 :]
                return True
        return False

    def _close_inline(self):
        while self.current.tag in INLINE or self.current.tag in PARAGRAPHS:
            self.stack.pop()

    def handle_starttag(self, tag, attrs):
        attrs = {name: value or "" for name, value in attrs}
        if tag == "a" and any(node.tag == "a" for node in self.stack):
            self.ignored_links += 1
            return
        if tag in VOID:
            if tag == "hr":
                self._close_inline()
            self.current.children.append(Node(tag, attrs))
        elif tag in BLOCKS:
            self._close_inline()
            self._push(Node(tag, attrs))
        elif tag == "li":
            self._close_inline()
            if self.current.tag == "li" or self._close_until({"ul", "ol", "li"}):
                if self.current.tag == "li":
                    self.stack.pop()
            if self.current.tag not in ("ul", "ol"):
                self._push(Node("ul"))
            self._push(Node("li", attrs))
        elif tag == "tr":
            if self._close_until({"table"}):
                self._push(Node("tr"))
        elif tag in ("td", "th"):
            self._close_until({"tr", "table"})
            if self.current.tag == "table":
                self._push(Node("tr"))
            if self.current.tag == "tr":
                self._push(Node(tag))
        else:
            self._push(Node(tag, attrs))

    def handle_endtag(self, tag):
        if tag == "a" and self.ignored_links:
            self.ignored_links -= 1
            return
        for index in range(len(self.stack) - 1, 0, -1):
            node = self.stack[index]
            if node.tag == tag:
                del self.stack[index:]
                return
            if tag in INLINE and node.tag in CONTAINERS | BLOCKS:
                return

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_data(self, data):
        self.current.children.append(data)


def parse(html):
    """The tree of HTML the converter wrote (not a general HTML parser: anything else in
    it is read as text)."""
    builder = _Builder()
    position = 0
    for match in TOKEN.finditer(html):
        if match.start() > position:
            builder.handle_data(unescape(html[position : match.start()]))
        position = match.end()
        closing, tag, attributes, self_closing = match.groups()
        if closing:
            builder.handle_endtag(tag)
            continue
        attrs = [(name, unescape(value)) for name, value in TOKEN_ATTRIBUTE.findall(attributes)]
        if self_closing:
            builder.handle_startendtag(tag, attrs)
        else:
            builder.handle_starttag(tag, attrs)
    if position < len(html):
        builder.handle_data(unescape(html[position:]))
    return builder.root


@dataclass
class Block:
    """One block of the result: `paragraph` and `list` (HTML), `heading` (HTML of an
    `<h2>`), `quote` (its own blocks)."""

    kind: str
    html: str
    children: list = field(default_factory=list)
    text: str = ""  # what a reader sees, line breaks as newlines
    bold_html: str = ""  # a heading written as bold text, for rich text without headings


def text_of(node):
    if isinstance(node, str):
        return node
    if node.tag == "br":
        return "\n"
    return "".join(text_of(child) for child in node.children)


class Writer:
    def __init__(self, ctx):
        self.ctx = ctx

    def inline(self, nodes):
        """(HTML, plain text) of inline nodes, as the editor would store them."""
        parts = segments(nodes, on_code=self._code)
        return render(parts), plain(parts)

    def _code(self, node):
        self.ctx.lose("Code rendu en texte simple", text_of(node))

    def paragraph(self, nodes, attrs=None):
        html, text = self.inline(nodes)
        if not html:
            return []
        opening = f'<p id="{escape(attrs["id"])}">' if attrs and attrs.get("id") else "<p>"
        return [Block("paragraph", f"{opening}{html}</p>", text=text)]

    def blocks(self, node):
        """The blocks of a container's children."""
        if node.attrs.pop("too_deep", False):
            self.ctx.lose("Imbrication trop profonde mise à plat", text_of(node)[:200])
        out, run = [], []
        for child in node.children:
            if isinstance(child, str) or child.tag in INLINE | {"br"}:
                run.append(child)
                continue
            out.extend(self.paragraph(run))
            run = []
            out.extend(self.block(child))
        out.extend(self.paragraph(run))
        return _join_lists(out)

    def block(self, node):
        tag = node.tag
        if tag == "p":
            paragraphs = self.blocks(node)
            if paragraphs and node.attrs.get("id") and paragraphs[0].kind == "paragraph":
                first = paragraphs[0].html
                paragraphs[0].html = f'<p id="{escape(node.attrs["id"])}">' + first[3:]
            return paragraphs
        if tag == "h2":
            html, text = self.inline(node.children)
            if not html:
                return []
            bold, _ = self.inline([Node("b", children=node.children)])
            return [Block("heading", html, text=text, bold_html=bold)]
        if tag == "blockquote":
            inner = self.blocks(node)
            return [Block("quote", "", inner)] if inner else []
        if tag in ("ul", "ol"):
            html = self.list_html(node)
            items = [text_of(item).strip() for item in node.children if not isinstance(item, str)]
            return (
                [Block("list", html, text="\n".join(item for item in items if item))]
                if html
                else []
            )
        if tag == "table":
            return self.table(node)
        if tag == "pre":
            kind = node.attrs.get("data-kind", "pre")
            label = "Cadre" if kind == "cadre" else "Bloc de code ou texte préformaté"
            self.ctx.lose(f"{label} rendu en paragraphe", text_of(node))
            return self.paragraph([_with_breaks(text_of(node))])
        if tag == "hr":
            self.ctx.lose("Ligne horizontale retirée", "----")
            return []
        return self.blocks(node)  # div, caption, orphan li or tr…

    def list_html(self, node):
        items = []
        for child in node.children:
            if isinstance(child, str) or child.tag != "li":
                html, _ = self.inline([child])
                if html:
                    items.append(f"<li>{html}</li>")
                continue
            content, nested = [], []
            for grandchild in child.children:
                if isinstance(grandchild, str) or grandchild.tag not in ("ul", "ol"):
                    content.append(grandchild)
                    if not isinstance(grandchild, str) and grandchild.tag in FLATTENED_IN_ITEMS:
                        self.ctx.lose(
                            "Bloc dans un élément de liste mis à plat", text_of(grandchild)
                        )
                else:
                    inner = self.list_html(grandchild)
                    if nested and inner and nested[-1][:4] == inner[:4]:
                        nested[-1] = nested[-1][:-5] + inner[4:]  # one list, as in the editor
                    elif inner:
                        nested.append(inner)
            html, _ = self.inline(content)
            if html or any(nested):
                items.append(f"<li>{html}{''.join(nested)}</li>")
        return f"<{node.tag}>{''.join(items)}</{node.tag}>" if items else ""

    def table(self, node):
        rows = []
        for row in node.children:
            if isinstance(row, str):
                continue
            if row.tag == "caption":
                rows.extend(self.paragraph([Node("b", children=row.children)]))
                continue
            cells = [cell for cell in row.children if not isinstance(cell, str)]
            cells = [cell for cell in cells if text_of(cell).strip()]
            if not cells:
                continue
            line = []
            for number, cell in enumerate(cells):
                if number:
                    line.append(" | ")
                line.append(Node("span", children=cell.children))
            if all(cell.tag == "th" for cell in cells):
                line = [Node("b", children=line)]
            rows.extend(self.paragraph(line))
        if rows:
            count = len(rows)
            self.ctx.lose(
                f"Tableau de {count} ligne{'s' if count > 1 else ''} rendu en paragraphes "
                "(une ligne par paragraphe, cellules séparées par « | »)",
                text_of(node),
            )
        return rows


def _join_lists(blocks):
    """Lists of the same kind that follow each other are one list in the editor."""
    out = []
    for block in blocks:
        previous = out[-1] if out else None
        if (
            previous is not None
            and block.kind == previous.kind == "list"
            and block.html[:4] == previous.html[:4]
        ):
            previous.html = previous.html[:-5] + block.html[4:]
            previous.text = f"{previous.text}\n{block.text}"
        else:
            out.append(block)
    return out


def _with_breaks(text):
    node = Node("span")
    lines = text.split("\n")
    for number, line in enumerate(lines):
        if number:
            node.children.append(Node("br"))
        node.children.append(line)
    return node

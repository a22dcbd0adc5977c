"""SPIP's paragraph-level shortcuts: paragraphs on blank lines, `{{{intertitres}}}`, lists
`-*` `-**` `-#` and old `- ` bullets, tables `|…|`, rules `----`, and inside a paragraph
`{{gras}}`, `{italique}`, `_ ` line breaks. The result is HTML the tree module tidies."""

import re

from .typography import finish

HEADING = re.compile(r"\{\{\{(.+?)\}\}\}", re.DOTALL)
RULE = re.compile(r"^[ \t]*(?:----+|____+)[ \t]*$", re.MULTILINE)
CHUNKS = re.compile(r"\n(?:[ \t]*\n)+")
LIST_ITEM = re.compile(r"^-([*#]+)[ \t]*(.*)$", re.DOTALL)
ALINEA = re.compile(r"^--(?!-)[ \t]*(.*)$", re.DOTALL)
OLD_BULLET = re.compile(r"^-(?![-*#])[ \t]*(.*)$", re.DOTALL)
BOLD = re.compile(r"\{\{|\}\}")
ITALIC = re.compile(r"\{|\}")
FORCED_BREAK = re.compile(r"(^|\n)_ +")
LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*")


def _pair(text, pattern, tag, ctx, what):
    """Matched `{{ }}` (or `{ }`) become the tag; an unmatched one stays as written and is
    reported."""
    tokens = list(pattern.finditer(text))
    stack, pairs, unmatched = [], {}, []
    for token in tokens:
        if token.group(0)[0] == "{":
            stack.append(token)
        elif stack:
            opening = stack.pop()
            pairs[opening.start()] = token
        else:
            unmatched.append(token)
    unmatched.extend(stack)
    replacements = {}
    for start, closing in pairs.items():
        opening_end = start + len(closing.group(0))
        if text[opening_end : closing.start()].strip():
            replacements[start] = ctx.keep(f"<{tag}>")
            replacements[closing.start()] = ctx.keep(f"</{tag}>")
        else:  # {{}} and {}: SPIP shows them as written
            replacements[start] = ctx.literal(text[start:opening_end])
            replacements[closing.start()] = ctx.literal(closing.group(0))
    for token in unmatched:
        around = text[max(0, token.start() - 30) : token.end() + 30]
        ctx.lose(f"{what} non fermé, gardé tel quel", around)
        replacements[token.start()] = ctx.literal(token.group(0))
    out, position = [], 0
    for token in tokens:
        out.append(text[position : token.start()])
        out.append(replacements[token.start()])
        position = token.end()
    out.append(text[position:])
    return "".join(out)


def inline(text, ctx):
    """HTML of one paragraph's (or item's, cell's, heading's) text."""
    text = text.strip()
    if "_" in text:
        text = FORCED_BREAK.sub(lambda m: "" if not m.group(1) else "\n", text)
    if "\n" in text:
        text = re.sub(re.escape(ctx.line_break) + r"[ \t]*\n", ctx.line_break, text)
        text = LINE_BREAK.sub(ctx.line_break, text)
    if "{" in text or "}" in text:
        text = _pair(text, BOLD, "b", ctx, "Gras (accolades doubles)")
        text = _pair(text, ITALIC, "i", ctx, "Italique (accolade)")
    return finish(text, ctx.lang)


def _list_html(items, ctx):
    out, stack = [], []
    for depth, kind, content in items:
        while len(stack) > depth:
            out.append(f"</li></{stack.pop()}>")
        if stack and len(stack) == depth and stack[-1] != kind:
            out.append(f"</li></{stack.pop()}>")
        if len(stack) == depth:
            out.append("</li><li>")
        while len(stack) < depth:
            stack.append(kind)
            out.append(f"<{kind}><li>")
        out.append(inline(content, ctx))
    while stack:
        out.append(f"</li></{stack.pop()}>")
    return "".join(out)


def _table_html(lines, ctx):
    rows = []
    for number, line in enumerate(lines):
        line = line.strip()
        if number == 0 and line.startswith("||"):
            caption = line.strip("|").split("|")[0]
            rows.append(f"<caption>{inline(caption, ctx)}</caption>")
            continue
        cells = line[1:-1].split("|")
        is_header = not rows or (len(rows) == 1 and rows[0].startswith("<caption>"))
        is_header = is_header and all(
            re.fullmatch(r"\s*(\{\{[^{}]+\}\}\s*)?|<", cell) for cell in cells
        )
        tag = "th" if is_header else "td"
        if is_header:  # the bold only marked the heading row
            cells = [cell.replace("{", "").replace("}", "") for cell in cells]
        html = "".join(
            f"<{tag}>{inline(cell, ctx)}</{tag}>"
            for cell in cells
            if cell.strip() not in ("<", "^")
        )
        rows.append(f"<tr>{html}</tr>")
    return "<table>" + "".join(rows) + "</table>"


def _chunk_html(chunk, ctx):
    """One text between blank lines: paragraphs, lists and tables, in order."""
    out, text_lines, items, table = [], [], [], []

    def flush_text():
        if text_lines:
            out.append("<p>" + inline("\n".join(text_lines), ctx) + "</p>")
            text_lines.clear()

    def flush_items():
        if items:
            out.append(_list_html(items, ctx))
            items.clear()

    def flush_table():
        if table:
            out.append(_table_html(table, ctx))
            table.clear()

    for line in chunk.split("\n"):
        stripped = line.rstrip()  # shortcuts start at the beginning of the line
        if stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 1:
            flush_text()
            flush_items()
            table.append(stripped)
            continue
        flush_table()
        item = LIST_ITEM.match(stripped)
        alinea = ALINEA.match(stripped)
        bullet = OLD_BULLET.match(stripped)
        if item:
            flush_text()
            items.append(
                [len(item.group(1)), "ol" if item.group(1)[0] == "#" else "ul", item.group(2)]
            )
        elif alinea:
            target = items[-1] if items else None
            if target:
                target[2] += "\n— " + alinea.group(1)
            else:
                text_lines.append("— " + alinea.group(1))
        elif bullet and stripped != "-":
            flush_text()
            items.append([1, "ul", bullet.group(1)])
        elif items:
            items[-1][2] += "\n" + line
        else:
            text_lines.append(line)
    flush_text()
    flush_items()
    flush_table()
    return "".join(out)


def to_html(text, ctx):
    """HTML (with placeholders) of a whole SPIP text whose inline shortcuts are set aside."""
    text = HEADING.sub(
        lambda m: "\n\n" + ctx.keep("<h2>" + inline(m.group(1), ctx) + "</h2>") + "\n\n", text
    )
    text = RULE.sub(lambda m: "\n\n" + ctx.keep("<hr/>") + "\n\n", text)
    return "".join(_chunk_html(chunk, ctx) for chunk in CHUNKS.split(text) if chunk.strip())

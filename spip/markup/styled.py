"""Inline content written as Wagtail's editor writes it back, so that an editor saving the
page changes nothing: the text cut where its bold, italic or link changes, links outside
bold and italic, bold outside italic, equal neighbours joined."""

import re
from html import escape

STYLE_ORDER = ("b", "i")
WHITE_SPACE = re.compile(r"[ \t\n\r\f]+")
BLOCK_LIKE = {"p", "h2", "div", "blockquote", "ul", "ol", "li", "table", "tr", "td", "th", "pre"}


def link_opening(attrs):
    """The `<a>` of a link node, or None for an anchor without address."""
    if "linktype" in attrs:
        return f'<a id="{escape(attrs["id"])}" linktype="{escape(attrs["linktype"])}">'
    if "href" in attrs:
        extra = f' id="{escape(attrs["id"])}"' if attrs.get("id") else ""
        return f'<a href="{escape(attrs["href"])}"{extra}>'
    return None


def segments(nodes, on_code=None):
    """[(text, styles, link)] of inline nodes: styles a tuple in STYLE_ORDER, link a
    (key, opening tag) or None; a line break is the text "\\n"."""
    out = []

    def walk(node, styles, link):
        if isinstance(node, str):
            text = WHITE_SPACE.sub(" ", node)
            if text:
                out.append((text, styles, link))
            return
        tag = node.tag
        if tag == "br":  # the editor keeps no line break inside a link
            out.append(("\n" if link is None else " ", styles, link))
            return
        if tag in STYLE_ORDER and tag not in styles:
            styles = tuple(style for style in STYLE_ORDER if style in styles or style == tag)
        elif tag == "a" and link is None:
            opening = link_opening(node.attrs)
            if opening:
                link = (id(node), opening)
        elif tag == "code" and on_code:
            on_code(node)
        block_like = tag in BLOCK_LIKE
        if block_like:
            separate(styles, link)
        for child in node.children:
            walk(child, styles, link)
        if block_like:
            separate(styles, link)

    def separate(styles, link):
        """A line ends before and after a block met inside inline content (once)."""
        if link is not None:
            out.append((" ", styles, link))
        elif not out or out[-1][0] != "\n":
            out.append(("\n", styles, link))

    for node in nodes:
        walk(node, (), None)
    for _ in range(5):  # what it drops can change what comes next: until nothing changes
        tidied = _spaces(out)
        if tidied == out:
            break
        out = tidied
    return _tidy(out)


def _between(before, after):
    """(styles, link) in force, in the HTML `render` writes, where one part ends and the
    next begins: where the editor puts a space it carried over."""
    (styles_before, link_before), (styles_after, link_after) = before, after
    if link_before != link_after:
        return (), None
    if link_before is not None:
        return (), link_before
    common = 0
    while (
        common < min(len(styles_before), len(styles_after))
        and styles_before[common] == styles_after[common]
    ):
        common += 1
    return styles_before[:common], None


def _opens(before, after, after_link):
    """Whether `render` opens an element (style or link) between two parts;
    `after_link`: `before` is the first part after a link (written whole)."""
    if before[1:] == after[1:]:
        return False  # joined into one run
    (_, styles_before, link_before), (_, styles_after, link_after) = before, after
    if link_before != link_after:
        return link_after is not None or bool(styles_after)
    if link_after is not None or after_link:
        return bool(styles_after)
    common = 0
    while (
        common < min(len(styles_before), len(styles_after))
        and styles_before[common] == styles_after[common]
    ):
        common += 1
    return len(styles_after) > common


STRIP, KEEP, FORCE = "strip", "keep", "force"


def _spaces(parts):
    """White space as Wagtail's editor stores it (its HTML-to-contentstate converter):
    runs collapsed to one space; none at the start of the block; a space ending a text
    carried over to the next text, or put before the next element, after which leading
    white space (non-breaking too) is dropped; a pending space at the end dropped."""
    out, alone, state = [], [], STRIP

    def add(part):
        previous = out[-1] if out else None
        if part[2] is not None or previous is None:
            alone.append(False)
        else:
            alone.append(previous[2] is not None or (alone[-1] and previous[1:] == part[1:]))
        out.append(part)

    for part in parts:
        text, styles, link = part
        if text == "\n":
            add(part)
            continue
        if out and state == FORCE and _opens(out[-1], part, alone[-1]):
            if alone[-1] and out[-1][1:] != part[1:]:
                add((" ", (), None))
            else:
                add((" ", *_between(out[-1][1:], part[1:])))
            state = STRIP
        if text == " ":
            if state != STRIP:
                state = FORCE
            continue
        if state == STRIP:
            text = text.lstrip()
        elif state == FORCE and not text.startswith(" "):
            text = " " + text
        if text.endswith(" "):
            text = text.rstrip()
            state = FORCE
        else:
            state = KEEP
        if text:
            add((text, styles, link))
    return out


def _tidy(parts):
    """Neighbours with the same look joined; no line break at either end."""
    while parts and parts[0][0] == "\n":
        parts.pop(0)
    while parts and parts[-1][0] == "\n":
        parts.pop()
    joined = []
    for text, styles, link in parts:
        if joined and joined[-1][1] == styles and joined[-1][2] == link:
            joined[-1] = (joined[-1][0] + text, styles, link)
        else:
            joined.append((text, styles, link))
    return joined


def _text_html(text):
    return "<br/>".join(escape(line, quote=False) for line in text.split("\n"))


def _styled(parts, share, first_alone=False):
    """HTML of parts in one link (or none). With `share`, a style open in a part stays open
    into the next when it comes first in both; a link's parts, and the first part after a
    link, are each written whole (as the editor's exporter does)."""
    out, open_styles = [], ()
    for number, (text, styles, _) in enumerate(parts):
        alone = not share or (first_alone and number == 0)
        common = 0
        while (
            common < len(open_styles)
            and common < len(styles)
            and open_styles[common] == styles[common]
        ):
            common += 1
        out.extend(f"</{style}>" for style in reversed(open_styles[common:]))
        out.extend(f"<{style}>" for style in styles[common:])
        out.append(_text_html(text))
        open_styles = styles
        if alone:
            out.extend(f"</{style}>" for style in reversed(styles))
            open_styles = ()
    out.extend(f"</{style}>" for style in reversed(open_styles))
    return "".join(out)


def render(parts):
    """HTML of the parts from `segments`."""
    out, index, after_link = [], 0, False
    while index < len(parts):
        link = parts[index][2]
        end = index
        while end < len(parts) and parts[end][2] == link:
            end += 1
        group = parts[index:end]
        if link is None:
            out.append(_styled(group, share=True, first_alone=after_link))
        else:
            out.append(link[1] + _styled(group, share=False) + "</a>")
        after_link = link is not None
        index = end
    return "".join(out)


def plain(parts):
    return "".join(text for text, _, _ in parts)

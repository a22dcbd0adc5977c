"""A guide read as one tree: its pages in reading order (one query by path prefix, however deep
or large the guide), the table of contents, the previous and next pages, the trail."""

from dataclasses import dataclass, field

from wagtail.models import Page

from core.lookups import view_restrictions_exist


@dataclass
class TocEntry:
    page: Page
    url: str
    current: bool = False
    children: list = field(default_factory=list)


def guide_pages(guide):
    """The guide and every live, public page below it, in reading order (the tree's path
    order: a chapter, then its sections, then the next chapter), as plain pages (the printable
    version reads their bodies: GuidePage.printed_pages)."""
    pages = Page.objects.filter(path__startswith=guide.path, depth__gte=guide.depth).live()
    if view_restrictions_exist():
        pages = pages.public()
    pages = pages.order_by("path")
    return list(pages)


class GuideTree:
    """What a page of a guide shows of the rest of it, from `guide_pages`."""

    def __init__(self, guide, current, request=None):
        self.guide = guide
        self.current = current
        self.pages = guide_pages(guide)
        self.request = request
        self.position = next(
            (i for i, page in enumerate(self.pages) if page.pk == current.pk), None
        )
        if self.position is not None:
            # The page as shown: in a preview, with the title in the editor's form.
            self.pages[self.position] = current

    def url(self, page):
        return page.get_url(request=self.request)

    @property
    def previous(self):
        if self.position is None or self.position == 0:
            return None
        return self.pages[self.position - 1]

    @property
    def next(self):
        if self.position is None or self.position + 1 >= len(self.pages):
            return None
        return self.pages[self.position + 1]

    def ancestors(self):
        """The pages of the guide above the current one, the guide first."""
        path = self.current.path or ""
        return [p for p in self.pages if path.startswith(p.path) and p.path != path]

    def toc(self):
        """The guide's pages below the guide itself as nested entries; the current one
        marked."""
        root = TocEntry(self.guide, "")
        stack = [root]
        for page in self.pages:
            if page.depth <= self.guide.depth:
                continue
            entry = TocEntry(page, self.url(page), current=page.pk == self.current.pk)
            while len(stack) > 1 and not page.path.startswith(stack[-1].page.path):
                stack.pop()
            stack[-1].children.append(entry)
            stack.append(entry)
        return root.children

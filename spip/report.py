"""The import's report: what was imported, updated, left as it was, redirected, converted with
losses, not imported and why; and, when the run wrote nothing, the rows at fault."""

from collections import Counter
from dataclasses import dataclass, field, fields

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

MODEL_LABELS = {
    "article": gettext_lazy("articles (press review)"),
    "decision": gettext_lazy("decisions"),
    "document": gettext_lazy("library documents"),
    "guide": gettext_lazy("guides"),
    "guide_section": gettext_lazy("guide sections"),
    "event": gettext_lazy("events"),
    "theme": gettext_lazy("themes"),
    "file": gettext_lazy("documents (files)"),
    "image": gettext_lazy("images"),
}


def item_line(mark, item, text):
    """One item of the report: « ✗ article 12 « Titre » : what is wrong »."""
    return f"  {mark} " + _("%(item)s: %(text)s") % {"item": item, "text": text}


@dataclass
class Report:
    dry_run: bool = False
    succeeded: bool = False
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)
    statuses: Counter = field(default_factory=Counter)  # live, review, draft
    redirected: int = 0  # old SPIP objects that now answer a redirect
    addresses: int = 0  # "URLs propres" kept
    losses: list = field(default_factory=list)  # (item, what was kept as text)
    skipped: list = field(default_factory=list)  # (item, why)
    problems: list = field(default_factory=list)  # (item, what is wrong): nothing written
    spip_items: int = 0

    def as_dict(self):
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        for name in ("created", "updated", "unchanged", "statuses"):
            data[name] = dict(data[name])
        return data

    @classmethod
    def from_dict(cls, data):
        report = cls(**{**data})
        for name in ("created", "updated", "unchanged", "statuses"):
            setattr(report, name, Counter(data.get(name, {})))
        return report

    def lines(self):
        """The report as text, in French (the editors' language)."""
        out = []
        if self.problems:
            out.append(_("Nothing was imported: correct these rows and run the import again."))
            out += [item_line("✗", item, message) for item, message in self.problems]
            return out
        if self.dry_run:
            out.append(_("Dry run: nothing was written. This is what the import would do."))
        out.append(_("%(count)s SPIP objects read.") % {"count": self.spip_items})
        for title, counts in (
            (_("Created"), self.created),
            (_("Updated"), self.updated),
            (_("Unchanged"), self.unchanged),
        ):
            if counts:
                parts = [
                    f"{count} {MODEL_LABELS.get(name, name)}"
                    for name, count in sorted(counts.items())
                ]
                out.append(_("%(item)s: %(text)s") % {"item": title, "text": ", ".join(parts)})
        if self.statuses:
            out.append(
                _("Pages: %(live)s published, %(review)s submitted for review, %(draft)s drafts.")
                % {name: self.statuses.get(name, 0) for name in ("live", "review", "draft")}
            )
        out.append(
            _("Old addresses: %(objects)s SPIP objects and %(urls)s « URLs propres » redirect.")
            % {"objects": self.redirected, "urls": self.addresses}
        )
        if self.losses:
            out.append(
                _("Converted with losses (kept as text): %(count)s") % {"count": len(self.losses)}
            )
            out += [item_line("~", item, loss) for item, loss in self.losses]
        if self.skipped:
            out.append(_("Not imported: %(count)s") % {"count": len(self.skipped)})
            out += [item_line("-", item, why) for item, why in self.skipped]
        return out

"""The mapping file: which SPIP rubriques become which section of the site, which keyword
groups become themes. TOML (read with tomllib), checked against the SPIP site before anything
is written; its mistakes are explained in French, naming the key at fault."""

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import gettext as _

from agenda.models import EventPage
from library.models import DecisionPage, DocumentPage

DEFAULT_MAPPING = Path(__file__).with_name("mapping.toml")
SECTIONS = ("press_review", "case_law", "library", "guides", "agenda")


class MappingError(Exception):
    pass


@dataclass
class Mapping:
    sections: dict = field(default_factory=dict)  # section -> [id_rubrique]
    theme_groups: list = field(default_factory=list)
    default_source: str = "InfoMIE"
    court: str = ""
    decision_kind: str = "decision"
    document_kind: str = "report"
    organiser: str = ""

    def section_of(self, site, id_rubrique):
        """The section a rubrique belongs to (its own, or its nearest ancestor's), or None."""
        named = {spip_id: name for name, ids in self.sections.items() for spip_id in ids}
        seen = set()
        while id_rubrique and id_rubrique not in seen:
            if id_rubrique in named:
                return named[id_rubrique]
            seen.add(id_rubrique)
            row = site.rubriques.get(id_rubrique)
            id_rubrique = row["id_parent"] if row else 0
        return None


def _ids(data, key, where):
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, int) for v in value):
        raise MappingError(
            _("In the mapping, %(key)s must be a list of numbers, like [1, 4].")
            % {"key": f"{where}.{key}"}
        )
    return value


def _choice(data, key, where, choices, default):
    value = data.get(key, default)
    if value not in dict(choices):
        raise MappingError(
            _("In the mapping, %(key)s = « %(value)s » is not one of: %(choices)s.")
            % {"key": f"{where}.{key}", "value": value, "choices": ", ".join(dict(choices))}
        )
    return value


def parse_mapping(text):
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise MappingError(
            _("The mapping file is not valid TOML: %(error)s.") % {"error": error}
        ) from error
    rubriques = data.get("rubriques", {})
    unknown = set(rubriques) - set(SECTIONS)
    if unknown:
        raise MappingError(
            _("In the mapping, [rubriques] names unknown sections: %(names)s (known: %(known)s).")
            % {"names": ", ".join(sorted(unknown)), "known": ", ".join(SECTIONS)}
        )
    return Mapping(
        sections={name: _ids(rubriques, name, "rubriques") for name in SECTIONS},
        theme_groups=_ids(data.get("themes", {}), "groups", "themes"),
        default_source=str(data.get("breves", {}).get("default_source", "InfoMIE"))[:200],
        court=str(data.get("case_law", {}).get("court", ""))[:200],
        decision_kind=_choice(
            data.get("case_law", {}),
            "kind",
            "case_law",
            DecisionPage._meta.get_field("kind").choices,
            "decision",
        ),
        document_kind=_choice(
            data.get("library", {}),
            "kind",
            "library",
            DocumentPage._meta.get_field("kind").choices,
            "report",
        ),
        organiser=str(data.get("agenda", {}).get("organiser", ""))[:200]
        or EventPage._meta.get_field("organiser").get_default(),
    )


def load_mapping(path=None):
    path = Path(path) if path else DEFAULT_MAPPING
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise MappingError(
            _("The mapping file %(path)s cannot be read (%(error)s).")
            % {"path": path, "error": error}
        ) from error
    return parse_mapping(text)


def check_against(mapping, site):
    """Every rubrique and keyword group the mapping names exists in the SPIP site; a rubrique
    is named in one section only."""
    errors, seen = [], {}
    for name, ids in mapping.sections.items():
        for spip_id in ids:
            if spip_id not in site.rubriques:
                errors.append(
                    _("The mapping names rubrique %(id)s (%(section)s), which the SPIP site lacks.")
                    % {"id": spip_id, "section": name}
                )
            elif spip_id in seen:
                errors.append(
                    _("Rubrique %(id)s is named twice in the mapping (%(a)s and %(b)s).")
                    % {"id": spip_id, "a": seen[spip_id], "b": name}
                )
            seen[spip_id] = name
    groups = {mot["id_groupe"] for mot in site.mots.values()} | set(site.groupes_mots)
    for spip_id in mapping.theme_groups:
        if spip_id not in groups:
            errors.append(
                _("The mapping names keyword group %(id)s, which the SPIP site lacks.")
                % {"id": spip_id}
            )
    if mapping.sections["case_law"] and not mapping.court:
        errors.append(_("The mapping must name the court of the case law ([case_law] court)."))
    return errors

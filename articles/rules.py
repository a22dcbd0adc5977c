"""What an article must have: one rule for the admin's form, the import and the export.

The rule is the article's own model, read the way Wagtail's admin reads it:
- to publish (or submit for review), every field the model requires: the French title and
  lead, the source's name, at least one theme, a date; lengths as the fields declare them;
- to save a draft, Wagtail lets the editor leave empty the text fields it defers
  (the FieldPanels' `defer_required_on_fields`: lead, source…); the title and the themes
  stay required;
- on top of the fields, `content_errors` (called by `ArticlePage.clean`, so by the admin's
  form too): the links to the original are web addresses (http or https).

The source URL is optional, as the admin has always let editors publish it: a press item
may come from a printed paper, a radio programme or an archive without a link online (the
page then shows no "Read online" button). Several articles may cite the same source URL (two
items on one report): it identifies nothing. An English title without an English lead is
allowed too: the article then shows up in *À traduire* until its translation is complete.
"""

from functools import cache
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.i18n import LANGUAGE_CODES, has_value

WEB_SCHEMES = ("http", "https")
# The fields an editor fills in on an article (and the import's columns write).
EDITED_FIELDS = [
    *(f"title_{code}" for code in LANGUAGE_CODES),
    *(f"lead_{code}" for code in LANGUAGE_CODES),
    "source_name",
    *(f"source_url_{code}" for code in LANGUAGE_CODES),
    *(f"authors_{code}" for code in LANGUAGE_CODES),
    "original_date",
    "original_language",
    "published_date",
]


def content_errors(article):
    """{field: [ValidationError]}: what the fields' own definitions do not check."""
    errors = {}
    for code in LANGUAGE_CODES:
        name = f"source_url_{code}"
        url = getattr(article, name, None)
        if url and urlsplit(url).scheme.lower() not in WEB_SCHEMES:
            errors[name] = [
                ValidationError(
                    _("Use a web address, starting with http:// or https://."), code="scheme"
                )
            ]
    return errors


@cache
def draft_optional_fields(model):
    """The fields the admin lets an editor leave empty when saving a draft (Wagtail defers
    their requirement until publication). Kept for the process: the panels are code."""
    return set(model.get_edit_handler().get_form_options().get("defer_required_on_fields", []))


def article_errors(article, theme_count, publishing):
    """{field: [ValidationError]} for an article about to be published (`publishing`) or
    saved as a draft: what the admin's form would refuse. `theme_count`: its themes."""
    model = type(article)
    exclude = {field.name for field in model._meta.fields} - set(EDITED_FIELDS)
    if not publishing:
        exclude |= {
            name
            for name in draft_optional_fields(model)
            if not has_value(getattr(article, name, None))
        }
    errors = {}
    try:
        article.clean_fields(exclude=exclude)
    except ValidationError as exc:
        errors.update(exc.error_dict)
    # A text field's length is checked by the form, not by the model: the same limit here.
    for name in EDITED_FIELDS:
        field = model._meta.get_field(name)
        value = getattr(article, name, None)
        limit = field.max_length
        if limit and isinstance(value, str) and len(value) > limit and name not in errors:
            errors[name] = [
                ValidationError(
                    "", code="max_length", params={"limit_value": limit, "show_value": len(value)}
                )
            ]
    for name, problems in content_errors(article).items():
        errors.setdefault(name, []).extend(problems)
    if not theme_count:
        errors["themes"] = [ValidationError("", code="required")]
    return errors

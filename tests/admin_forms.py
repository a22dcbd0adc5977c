"""POST data for the Wagtail admin's article form, as the editor's browser sends it."""

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield


def article_form_data(**overrides):
    data = {
        "title_fr": "Des enfants disparus des foyers",
        "title_en": "Children missing from care homes",
        "slug_fr": "",
        "slug_en": "",
        "lead_fr": "Un rapport recense les disparitions.",
        "lead_en": "A report counts the disappearances.",
        "body_fr": streamfield([("paragraph", rich_text("<p>Texte français.</p>"))]),
        "body_en": streamfield([("paragraph", rich_text("<p>English text.</p>"))]),
        "published_date": "2016-11-16",
        "source_name": "The Guardian",
        "source_url_fr": "https://www.theguardian.com/fr-link",
        "source_url_en": "https://www.theguardian.com/en-link",
        "authors_fr": "Annie Kelly, Kate Hodal",
        "authors_en": "Annie Kelly, Kate Hodal",
        "original_date": "2016-11-14",
        "original_language": "en",
        "themes": [],
        "seo_title_fr": "",
        "seo_title_en": "",
        "search_description_fr": "",
        "search_description_en": "",
        "comments": {
            "TOTAL_FORMS": 0,
            "INITIAL_FORMS": 0,
            "MIN_NUM_FORMS": 0,
            "MAX_NUM_FORMS": 1000,
        },
    }
    data.update(overrides)
    themes = data.pop("themes")  # a multiple-choice field: a list, not nested form data
    form_data = nested_form_data(data)
    form_data["themes"] = [str(pk) for pk in themes]
    return form_data

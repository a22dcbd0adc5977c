"""Demo events for `manage.py load_demo`, written by us, at dates relative to the day it runs
(so the agenda always shows upcoming and past ones): a training, a webinar whose link is
already shown, an event over three days, a cancelled meeting, a postponed conference, a
hearing, and two past ones. Only adds what is missing (same French title)."""

import datetime

from articles.demo_data import THEMES
from articles.models import Theme

from .dates import today
from .models import EventPage

T = datetime.time

EVENTS = [
    {
        "days": 12,
        "title_fr": "Formation : accompagner un mineur devant le juge des enfants",
        "title_en": "Training: supporting a minor before the children's judge",
        "description_fr": "<p>Une journée pour les éducateurs, bénévoles et administrateurs "
        "ad hoc : la saisine du juge des enfants, l’audience, les recours. Cas pratiques "
        "le matin, échanges avec une avocate l’après-midi.</p>",
        "description_en": "<p>A day for youth workers, volunteers and ad hoc guardians: "
        "referring a case to the children's judge, the hearing, appeals. Case studies in "
        "the morning, questions to a lawyer in the afternoon.</p>",
        "kind": "training",
        "start_time": T(9, 30),
        "end_time": T(17, 0),
        "venue_name": "Maison des associations",
        "address": "12 rue des Écoles",
        "postcode": "75005",
        "city": "Paris",
        "organiser": "InfoMIE",
        "registration_url": "https://www.example.org/inscription-formation",
        "price": 60,
        "price_details_fr": "gratuit pour les bénévoles des associations adhérentes",
        "price_details_en": "free for volunteers of member associations",
        "spoken_languages": ["fr"],
        "themes": ["mie", "droit"],
    },
    {
        "days": 1,
        "title_fr": "Webinaire : demander un titre de séjour à 18 ans",
        "title_en": "Webinar: applying for a residence permit at 18",
        "description_fr": "<p>Une heure et demie pour passer en revue les titres de séjour "
        "ouverts aux jeunes pris en charge par l’aide sociale à l’enfance, les pièces à "
        "réunir et les délais à ne pas manquer.</p>",
        "description_en": "<p>Ninety minutes on the residence permits open to young people "
        "in the care of child welfare services, the documents to gather and the deadlines "
        "not to miss.</p>",
        "kind": "webinar",
        "start_time": T(18, 0),
        "end_time": T(19, 30),
        "attendance": "online",
        "online_url": "https://visio.example.org/titre-de-sejour-18-ans",
        "organiser": "InfoMIE",
        "registration_url": "https://www.example.org/inscription-webinaire",
        "spoken_languages": ["fr", "en"],
        "themes": ["mie", "droit"],
    },
    {
        "days": 40,
        "last_day": 42,
        "title_fr": "Université d’automne « Protéger les enfants exilés »",
        "title_en": "Autumn school “Protecting exiled children”",
        "description_fr": "<p>Trois jours d’ateliers et de tables rondes entre juristes, "
        "soignants et travailleurs sociaux. Les séances plénières sont aussi retransmises "
        "en ligne.</p>",
        "description_en": "<p>Three days of workshops and round tables for lawyers, health "
        "workers and social workers. Plenary sessions are also streamed online.</p>",
        "kind": "conference",
        "attendance": "mixed",
        "venue_name": "Cité des associations",
        "address": "93 La Canebière",
        "postcode": "13001",
        "city": "Marseille",
        "online_url": "https://visio.example.org/universite-automne",
        "organiser": "Collectif d’associations du Sud",
        "registration_url": "https://www.example.org/universite-automne",
        "price": 120,
        "price_details_fr": "tarif réduit : 40 €",
        "price_details_en": "reduced rate: €40",
        "spoken_languages": ["fr", "en", "ar"],
        "themes": ["mie", "asile"],
    },
    {
        "days": 20,
        "title_fr": "Réunion publique : des jeunes à la rue en attendant leur recours",
        "title_en": "Public meeting: young people on the street while they appeal",
        "description_fr": "<p>Associations et riverains font le point sur l’hébergement des "
        "jeunes dont la minorité est contestée.</p>",
        "kind": "meeting",
        "status": "cancelled",
        "start_time": T(19, 0),
        "venue_name": "Salle municipale de la Madeleine",
        "city": "Nantes",
        "postcode": "44000",
        "organiser": "Réseau d’accueil nantais",
        "themes": ["mie"],
    },
    {
        "days": 60,
        "title_fr": "Colloque : les disparitions de mineurs isolés",
        "title_en": "Symposium: missing unaccompanied minors",
        "description_fr": "<p>Chercheurs et services de police croisent leurs données sur les "
        "mineurs qui disparaissent des structures d’accueil.</p>",
        "kind": "conference",
        "status": "postponed",
        "start_time": T(9, 0),
        "end_time": T(18, 0),
        "venue_name": "Amphithéâtre de la faculté de droit",
        "city": "Lyon",
        "postcode": "69007",
        "organiser": "Laboratoire de recherche en droit de l’enfance",
        "themes": ["disparitions", "chiffres"],
    },
    {
        "days": 25,
        "title_fr": "Audience publique sur l’évaluation de la minorité",
        "title_en": "Public hearing on age assessment",
        "description_fr": "<p>Une juridiction administrative examine en audience publique "
        "plusieurs recours sur la prise en charge de jeunes après une évaluation "
        "contestée. L’audience est ouverte à tous, dans la limite des places.</p>",
        "kind": "hearing",
        "start_time": T(14, 0),
        "venue_name": "Tribunal administratif",
        "address": "9 rue Tastet",
        "postcode": "33000",
        "city": "Bordeaux",
        "organiser": "Tribunal administratif de Bordeaux",
        "themes": ["droit", "mie"],
    },
    {
        "days": -45,
        "title_fr": "Journée d’étude : la traite des mineurs en France",
        "title_en": "Study day: child trafficking in France",
        "description_fr": "<p>Comment repérer un mineur victime de traite et à qui "
        "s’adresser : retours d’expérience de terrain.</p>",
        "description_en": "<p>How to identify a child victim of trafficking and whom to "
        "turn to: experience from the field.</p>",
        "kind": "conference",
        "start_time": T(9, 30),
        "end_time": T(16, 30),
        "venue_name": "Maison du barreau",
        "city": "Lille",
        "postcode": "59000",
        "organiser": "InfoMIE",
        "themes": ["traite"],
    },
    {
        "days": -400,
        "title_fr": "Webinaire : les chiffres de la prise en charge",
        "description_fr": "<p>Lecture commentée des données annuelles sur les jeunes confiés "
        "aux départements.</p>",
        "kind": "webinar",
        "start_time": T(12, 30),
        "end_time": T(13, 30),
        "attendance": "online",
        "online_url": "https://visio.example.org/chiffres",
        "organiser": "InfoMIE",
        "themes": ["chiffres"],
    },
]


def ensure_agenda_demo(agenda):
    """Add the demo events under `agenda`; the number of events added."""
    themes = {theme.slug_fr: theme for theme in Theme.objects.all()}
    keys = _theme_slugs()
    existing = set(EventPage.objects.child_of(agenda).values_list("title_fr", flat=True))
    created = 0
    for data in EVENTS:
        if data["title_fr"] in existing:
            continue
        fields = {k: v for k, v in data.items() if k not in {"days", "last_day", "themes"}}
        fields["start_date"] = today() + datetime.timedelta(days=data["days"])
        if "last_day" in data:
            fields["end_date"] = today() + datetime.timedelta(days=data["last_day"])
        event = EventPage(**fields)
        event.themes.set([themes[keys[k]] for k in data["themes"] if keys.get(k) in themes])
        agenda.add_child(instance=event)
        event.save_revision().publish()
        created += 1
    return created


def _theme_slugs():
    """{demo key: French slug} of the press review's demo themes."""
    return {theme["key"]: theme["slug_fr"] for theme in THEMES}

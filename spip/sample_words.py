"""The sample SPIP site's words: our own, French with its accents and typography, some English,
some Dari and Arabic (the languages of the young people the association meets), written in
SPIP's markup as editors typed it for years."""

import re
import unicodedata

AUTHORS = [
    "Élodie Marchand",
    "Noé Lefèvre",
    "Françoise Nguyễn",
    "Jérôme Boudjema",
    "Anaïs Kowalczyk",
    "Zoë Ben Saïd",
]

# id_rubrique: (id_parent, titre, lang)
RUBRIQUES = {
    1: (0, "Revue de presse", "fr"),
    2: (0, "Jurisprudence", "fr"),
    3: (0, "Centre de documentation", "fr"),
    4: (0, "Guides pratiques", "fr"),
    5: (4, "Accès aux droits des mineurs isolés", "fr"),
    6: (4, "Scolarisation et formation", "fr"),
    7: (0, "Agenda", "fr"),
    9: (6, "Apprentissage et contrat jeune majeur", "fr"),
}

THEMES = [
    (
        "Thèmes",
        [
            "Évaluation de la minorité",
            "Protection de l’enfance",
            "Santé et accès aux soins",
            "Scolarité",
            "Hébergement d’urgence",
            "Droit d’asile",
            "Traite des êtres humains",
            "Majorité et après",
        ],
    ),
    ("Publics", ["Travailleurs sociaux", "Avocats et juristes", "Jeunes concernés"]),
]

TITLES = [
    "Évaluation de l’âge : le Conseil d’État rappelle la présomption de minorité",
    "À Marseille, des jeunes dorment encore sous les ponts",
    "Le juge des enfants saisi « en urgence » à Créteil",
    "Scolarisation des mineurs isolés : où en est l’Éducation nationale ?",
    "Contrats jeune majeur : le département de l’Hérault recule",
    "Santé mentale des exilés : un rapport alarmant",
    "Tests osseux : l’Ordre des médecins réitère ses réserves",
    "Traite des êtres humains : démantèlement d’un réseau à Rouen",
    "Défenseur des droits : décision-cadre sur l’accueil provisoire",
    "Apprentissage : obtenir une autorisation de travail à 17 ans",
    "Hébergement à l’hôtel : la fin d’une pratique ?",
    "Cour européenne des droits de l’homme : la France condamnée",
]

TITLES_EN = [
    "Age assessment: the Council of State recalls the presumption of minority",
    "In Marseille, young people still sleep under bridges",
    "Schooling of unaccompanied minors: where does the Ministry stand?",
    "Mental health of young exiles: an alarming report",
    "Human trafficking: a network dismantled in Rouen",
]

BODY_PARTS = [
    "{{{Ce que dit la décision}}}\n\nLe juge rappelle que l’{évaluation sociale} "
    "doit être menée « avec bienveillance »[[Voir l’article 388 du Code civil.]].",
    "Les associations demandent :\n-* un accueil provisoire d’urgence ;\n-* un "
    "accompagnement par un {{administrateur ad hoc}} ;\n-* l’accès à l’école dès l’arrivée.",
    "Étapes de la procédure :\n-# saisine du juge des enfants ;\n-# audience ;\n-# décision.",
    "| {{Département}} | {{Jeunes accueillis}} |\n| Seine-Saint-Denis | 1 204 |\n"
    "| Bouches-du-Rhône | 873 |",
    "Lire le communiqué sur [le site du Défenseur des droits->https://www.defenseurdesdroits.fr/]"
    " ; en anglais : <multi>[fr]version française[en]English version</multi>.",
    "<quote>« Je veux seulement aller à l’école », dit Ahmad, 15 ans.</quote>",
    "Message d’accueil affiché en dari : {خوش آمدید} et en arabe : {أهلا وسهلا}.",
    "<code>Article L. 112-3 du CASF</code> : la protection de l’enfance vise à garantir "
    "la prise en compte des besoins fondamentaux de l’enfant.",
]

BREVE_SOURCES = [
    ("Le Monde", "https://www.lemonde.fr/societe/"),
    ("Libération", "https://www.liberation.fr/societe/"),
    ("Ouest-France", "https://www.ouest-france.fr/"),
    ("France Info", "https://www.francetvinfo.fr/societe/"),
    ("La Croix", "https://www.la-croix.com/"),
]

# (city, venue, address)
PLACES = [
    ("Lyon", "Maison des associations", "28 rue Denfert-Rochereau, 69004 Lyon"),
    ("Nantes", "Salle de l’Égalité", "2 rue de l’Hôtel-de-Ville, 44000 Nantes"),
    ("Lille", "Café des Réfugiés", "12 place du Théâtre, 59800 Lille"),
    ("Montreuil", "Bourse du travail", "24 rue de Paris, 93100 Montreuil"),
]


def slugify_spip(text):
    """A "URL propre" as SPIP makes one: ASCII words joined by hyphens, case kept."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-")[:70]

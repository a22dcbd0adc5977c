"""The demo guides, written for this site: short, general statements of French law on age
assessment and placement, each pointing to the texts. Not legal advice; the demo shows how a
guide reads. Each page: titles, leads and bodies in both languages, its pages below."""

CODE_CIVIL = "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006070721/"
CASF = "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006074069/"
QPC_2019 = "https://www.conseil-constitutionnel.fr/decision/2019/2018768QPC.htm"

GUIDES_INTRODUCTION = {
    "introduction_fr": (
        "<p>Des guides pratiques pour les professionnels et les bénévoles : ce que dit le "
        "droit, où le lire, et la date de la dernière relecture de chaque page.</p>"
    ),
    "introduction_en": (
        "<p>Practical guides for professionals and volunteers: what the law says, where to "
        "read it, and when each page was last reviewed.</p>"
    ),
}


def p(text):
    return {"type": "paragraph", "value": f"<p>{text}</p>"}


def key_points(text):
    return {"type": "key_points", "value": {"text": f"<p>{text}</p>"}}


def question(q, answer):
    return {"type": "question", "value": {"question": q, "answer": f"<p>{answer}</p>"}}


def reference(citation, url, note=""):
    return {
        "type": "reference",
        "value": {"citation": citation, "url": url, "page": None, "note": note},
    }


MINORITY = {
    "title_fr": "Minorité et état civil",
    "title_en": "Minority and civil status",
    "lead_fr": "Comment l’âge d’un jeune qui se dit mineur et isolé est apprécié, et quelle "
    "place y tiennent ses documents d’état civil.",
    "lead_en": "How the age of a young person who says they are an unaccompanied minor is "
    "assessed, and what weight their civil status documents carry.",
    "themes": ["mie", "droit"],
    "reviewed_days_ago": 60,
    "body_fr": [
        p(
            "Être reconnu mineur ouvre le droit à la protection de l’enfance. La question de "
            "l’âge se pose donc dès l’arrivée du jeune, et elle se règle d’abord par ses "
            "documents et par un entretien, non par un examen médical."
        ),
    ],
    "body_en": [
        p(
            "Being recognised as a minor opens the right to child protection. The question of "
            "age therefore arises as soon as the young person arrives, and it is settled "
            "first by their documents and an interview, not by a medical examination."
        ),
    ],
    "children": [
        {
            "title_fr": "Détermination de la minorité",
            "title_en": "Assessing minority",
            "lead_fr": "Un faisceau d’indices, réuni par le département, sous le contrôle du juge.",
            "lead_en": "A body of evidence gathered by the département, reviewed by a judge.",
            "body_fr": [
                p(
                    "L’évaluation de la minorité et de l’isolement relève du département, "
                    "pendant l’accueil provisoire d’urgence. Elle repose sur des entretiens, "
                    "sur les documents présentés et, au besoin, sur d’autres vérifications."
                ),
                key_points(
                    "Aucun élément pris seul ne suffit : c’est l’ensemble des indices qui "
                    "compte, et le doute profite à l’intéressé."
                ),
                reference("Code de l’action sociale et des familles, art. L. 221-2-4", CASF),
            ],
            "body_en": [
                p(
                    "Assessing minority and isolation is the département’s task, during the "
                    "emergency shelter period. It rests on interviews, on the documents "
                    "presented and, where needed, on further checks."
                ),
                key_points(
                    "No single element is enough: the evidence is weighed as a whole, and "
                    "any doubt benefits the young person."
                ),
                reference("Social Action and Families Code, art. L. 221-2-4", CASF),
            ],
            "children": [
                {
                    "title_fr": "Et lorsque la minorité est contestée ?",
                    "title_en": "And when minority is disputed?",
                    "lead_fr": "Le refus du département n’est pas le dernier mot : le juge "
                    "des enfants peut être saisi.",
                    "lead_en": "The département’s refusal is not the last word: the "
                    "juvenile judge can be asked to decide.",
                    "body_fr": [
                        p(
                            "Un jeune dont la minorité n’est pas reconnue par le département "
                            "peut saisir lui-même le juge des enfants, qui apprécie à nouveau "
                            "sa situation."
                        ),
                        question(
                            "Un examen osseux peut-il trancher à lui seul ?",
                            "Non. Il ne peut être ordonné que par l’autorité judiciaire, avec "
                            "l’accord de l’intéressé ; ses conclusions doivent préciser leur "
                            "marge d’erreur et ne peuvent à elles seules déterminer l’âge.",
                        ),
                        reference("Code civil, art. 388", CODE_CIVIL),
                        reference(
                            "Conseil constitutionnel, décision n° 2018-768 QPC du 21 mars 2019",
                            QPC_2019,
                            "Les examens osseux sont conformes à la Constitution, avec ces "
                            "garanties.",
                        ),
                    ],
                    "body_en": [
                        p(
                            "A young person whose minority the département does not accept "
                            "can apply to the juvenile judge themselves, who looks at their "
                            "situation afresh."
                        ),
                        question(
                            "Can a bone examination settle the question on its own?",
                            "No. Only a judicial authority can order it, with the young "
                            "person’s consent; its conclusions must state their margin of "
                            "error and cannot on their own determine age.",
                        ),
                        reference("Civil Code, art. 388", CODE_CIVIL),
                        reference(
                            "Constitutional Council, decision no. 2018-768 QPC of 21 March 2019",
                            QPC_2019,
                            "Bone examinations are constitutional, with these safeguards.",
                        ),
                    ],
                },
            ],
        },
        {
            "title_fr": "Les actes d’état civil étrangers",
            "title_en": "Foreign civil status documents",
            "lead_fr": "Un acte établi à l’étranger fait foi, sauf preuve contraire.",
            "lead_en": "A document drawn up abroad is taken as true unless shown otherwise.",
            "body_fr": [
                p(
                    "Un acte d’état civil étranger rédigé dans les formes du pays fait foi. "
                    "Il ne peut être écarté que si d’autres actes, des éléments extérieurs ou "
                    "l’acte lui-même établissent qu’il est irrégulier, falsifié, ou que les "
                    "faits qu’il déclare ne correspondent pas à la réalité."
                ),
                key_points("C’est à celui qui conteste l’acte d’en démontrer l’irrégularité."),
                reference("Code civil, art. 47", CODE_CIVIL),
            ],
            "body_en": [
                p(
                    "A foreign civil status document drawn up in the forms of its country is "
                    "taken as true. It can be set aside only if other documents, outside "
                    "evidence or the document itself show that it is irregular, forged, or "
                    "that the facts it states are untrue."
                ),
                key_points("Whoever disputes the document must show what is wrong with it."),
                reference("Civil Code, art. 47", CODE_CIVIL),
            ],
        },
    ],
}

PLACEMENT = {
    "title_fr": "Placement et protection de l’enfance",
    "title_en": "Placement and child protection",
    "lead_fr": "De la mise à l’abri au placement décidé par le juge : qui décide, et "
    "comment contester.",
    "lead_en": "From emergency shelter to placement ordered by a judge: who decides, and how "
    "to challenge it.",
    "themes": ["mie"],
    # Left overdue on purpose: the demo shows the moderators' list and the visitors' warning.
    "reviewed_days_ago": 800,
    "body_fr": [
        p(
            "Un mineur privé de la protection de sa famille relève de l’aide sociale à "
            "l’enfance du département, quelle que soit sa nationalité."
        ),
    ],
    "body_en": [
        p(
            "A minor deprived of their family’s protection is in the care of the "
            "département’s child welfare service, whatever their nationality."
        ),
    ],
    "children": [
        {
            "title_fr": "La mise à l’abri",
            "title_en": "Emergency shelter",
            "lead_fr": "Un accueil provisoire d’urgence, le temps de l’évaluation.",
            "lead_en": "Temporary emergency care while the assessment is made.",
            "body_fr": [
                p(
                    "Le président du conseil départemental met à l’abri toute personne qui "
                    "se présente comme mineure et privée de la protection de sa famille, "
                    "pendant que sa situation est évaluée."
                ),
                reference("Code de l’action sociale et des familles, art. L. 221-2-4", CASF),
            ],
            "body_en": [
                p(
                    "The president of the departmental council provides shelter to anyone "
                    "who says they are a minor deprived of their family’s protection, while "
                    "their situation is assessed."
                ),
                reference("Social Action and Families Code, art. L. 221-2-4", CASF),
            ],
        },
        {
            "title_fr": "Le placement par le juge des enfants",
            "title_en": "Placement by the juvenile judge",
            "lead_fr": "L’assistance éducative, quand un mineur est en danger.",
            "lead_en": "Educational assistance, when a minor is in danger.",
            "body_fr": [
                p(
                    "Lorsque la santé, la sécurité ou la moralité d’un mineur sont en danger, "
                    "le juge des enfants peut ordonner des mesures d’assistance éducative, "
                    "dont le placement. Le mineur peut le saisir lui-même."
                ),
                reference("Code civil, art. 375", CODE_CIVIL),
            ],
            "body_en": [
                p(
                    "When a minor’s health, safety or morals are in danger, the juvenile "
                    "judge can order educational assistance measures, placement among them. "
                    "Minors can apply to the judge themselves."
                ),
                reference("Civil Code, art. 375", CODE_CIVIL),
            ],
            "children": [
                {
                    "title_fr": "Les recours",
                    "title_en": "Appeals",
                    "lead_fr": "Faire appel d’une décision du juge des enfants.",
                    "lead_en": "Appealing a juvenile judge’s decision.",
                    "body_fr": [
                        p(
                            "Les décisions du juge des enfants peuvent être frappées d’appel "
                            "devant la cour d’appel, dans un délai bref : il est indiqué dans "
                            "la notification de la décision, à lire dès qu’on la reçoit."
                        ),
                        key_points("Le délai court à compter de la notification."),
                    ],
                    "body_en": [
                        p(
                            "Decisions of the juvenile judge can be appealed before the court "
                            "of appeal, within a short time limit: it is stated in the "
                            "notice of the decision, to be read as soon as it arrives."
                        ),
                        key_points("Time runs from the notice of the decision."),
                    ],
                },
            ],
        },
    ],
}

GUIDES = [MINORITY, PLACEMENT]

"""Demo content for `manage.py load_demo`: our own short press-review summaries (facts and figures are the sources'; the wording is ours)."""

import datetime

THEMES = [
    {
        "key": "traite",
        "name_fr": "Traite des êtres humains",
        "name_en": "Human trafficking",
        "slug_fr": "traite-des-etres-humains",
        "slug_en": "human-trafficking",
        "description_fr": "Exploitation sexuelle, travail forcé, délinquance forcée : les mineurs pris dans les réseaux de traite, et les moyens de les repérer et de les protéger.",
        "description_en": "Sexual exploitation, forced labour and forced criminality: children caught in trafficking networks, and how they are identified and protected.",
    },
    {
        "key": "mie",
        "name_fr": "Mineurs isolés étrangers (MIE/MNA)",
        "name_en": "Unaccompanied minors",
        "slug_fr": "mineurs-isoles-etrangers",
        "slug_en": "unaccompanied-minors",
        "description_fr": "Les enfants et adolescents arrivés sans parent ni représentant légal, leur accueil et leur prise en charge.",
        "description_en": "Children and teenagers who arrive without a parent or legal guardian, and how they are received and cared for.",
    },
    {
        "key": "asile",
        "name_fr": "Droit d’asile",
        "name_en": "Asylum",
        "slug_fr": "droit-d-asile",
        "slug_en": "asylum",
        "description_fr": "Les demandes de protection internationale déposées par des mineurs et les procédures qui les encadrent.",
        "description_en": "Applications for international protection made by minors, and the procedures that govern them.",
    },
    {
        "key": "disparitions",
        "name_fr": "Disparitions d’enfants",
        "name_en": "Missing children",
        "slug_fr": "disparitions-d-enfants",
        "slug_en": "missing-children",
        "description_fr": "Les enfants qui disparaissent des structures d’accueil ou en cours de route, et ce que l’on sait de leur sort.",
        "description_en": "Children who go missing from care or along migration routes, and what is known of what becomes of them.",
    },
    {
        "key": "chiffres",
        "name_fr": "Données et statistiques",
        "name_en": "Data and statistics",
        "slug_fr": "donnees-et-statistiques",
        "slug_en": "data-and-statistics",
        "description_fr": "Rapports, statistiques officielles et enquêtes qui permettent de mesurer l’ampleur du phénomène.",
        "description_en": "Reports, official statistics and surveys that measure the scale of the issue.",
    },
    {
        "key": "droit",
        "name_fr": "Droit et politiques publiques",
        "name_en": "Law and policy",
        "slug_fr": "droit-et-politiques-publiques",
        "slug_en": "law-and-policy",
        "description_fr": "Conventions internationales, lois, décrets et décisions politiques qui encadrent la protection des mineurs étrangers.",
        "description_en": "International conventions, laws, decrees and policy decisions that shape the protection of foreign minors.",
    },
]

# The two legal texts quoted verbatim below.
_DUBS_SECTION_67 = (
    "The Secretary of State must, as soon as possible after the passing of this Act, make "
    "arrangements to relocate to the United Kingdom and support a specified number of "
    "unaccompanied refugee children from other countries in Europe."
)
_CIDE_ARTICLE_20 = (
    "Tout enfant qui est temporairement ou définitivement privé de son milieu familial, ou qui "
    "dans son propre intérêt ne peut être laissé dans ce milieu, a droit à une protection et une "
    "aide spéciales de l’État."
)

ARTICLES = [
    {
        "key": "ecpat-missing-children-2016",
        "title_fr": "Royaume-Uni : plus d’un enfant victime de traite sur quatre a disparu de sa prise en charge",
        "title_en": "UK: more than one in four trafficked children went missing from care",
        "lead_fr": "Selon un rapport d’ECPAT UK et de Missing People relayé par The Guardian, 167 enfants victimes de traite et 593 mineurs non accompagnés ont disparu des services sociaux britanniques en un an ; 207 d’entre eux n’ont jamais été retrouvés.",
        "lead_en": "A report by ECPAT UK and Missing People, covered by The Guardian, found that 167 trafficked children and 593 unaccompanied children went missing from UK local-authority care in a single year; 207 of them were never found.",
        "body_fr": [
            {
                "type": "paragraph",
                "value": (
                    "<p>Intitulé <em>Heading back to harm</em>, le rapport des associations ECPAT UK et Missing People "
                    "repose sur des demandes d’accès à l’information (<em>Freedom of Information</em>) adressées à "
                    "217 collectivités locales britanniques. Il couvre la période de septembre 2014 à septembre 2015.</p>"
                    "<p>Sur 590 enfants victimes de traite pris en charge par les services locaux, 167 ont disparu. "
                    "C’est aussi le cas de 593 des 4 744 enfants non accompagnés confiés à ces mêmes services.</p>"
                ),
            },
            {"type": "heading", "value": {"text": "207 enfants jamais retrouvés"}},
            {
                "type": "paragraph",
                "value": (
                    "<p>Au total, 760 enfants ont disparu, et 207 d’entre eux n’ont jamais été retrouvés. "
                    "Le titre du rapport (« retour vers le danger ») résume l’inquiétude des associations : "
                    "que ces enfants, livrés à eux-mêmes, retombent entre les mains de ceux qui les exploitaient.</p>"
                ),
            },
            {
                "type": "link_list",
                "value": {
                    "heading": "Pour aller plus loin",
                    "links": [
                        {
                            "title": "ECPAT UK",
                            "url": "https://www.ecpat.org.uk",
                            "description": "Association britannique de lutte contre la traite et l’exploitation des enfants.",
                        },
                        {
                            "title": "Missing People",
                            "url": "https://www.missingpeople.org.uk",
                            "description": "Association britannique d’aide aux personnes disparues et à leurs proches.",
                        },
                    ],
                },
            },
        ],
        "body_en": [
            {
                "type": "paragraph",
                "value": (
                    "<p>The report by the charities ECPAT UK and Missing People, <em>Heading back to harm</em>, is based "
                    "on Freedom of Information requests sent to 217 local authorities across the UK. It covers the "
                    "period from September 2014 to September 2015.</p>"
                    "<p>Of 590 child victims of trafficking in local-authority care, 167 went missing. So did 593 of "
                    "the 4,744 unaccompanied children looked after by the same services.</p>"
                ),
            },
            {"type": "heading", "value": {"text": "207 children never found"}},
            {
                "type": "paragraph",
                "value": (
                    "<p>In all, 760 children went missing, and 207 of them were never found. The report’s title sums "
                    "up the charities’ concern: that these children, left on their own, fall back into the hands of "
                    "the people who exploited them.</p>"
                ),
            },
            {
                "type": "link_list",
                "value": {
                    "heading": "Further reading",
                    "links": [
                        {
                            "title": "ECPAT UK",
                            "url": "https://www.ecpat.org.uk",
                            "description": "UK charity working against child trafficking and exploitation.",
                        },
                        {
                            "title": "Missing People",
                            "url": "https://www.missingpeople.org.uk",
                            "description": "UK charity supporting missing people and their families.",
                        },
                    ],
                },
            },
        ],
        "published_date": datetime.date(2016, 11, 17),
        "source_name": "The Guardian",
        "source_url": "https://www.theguardian.com",
        "authors": "Annie Kelly, Kate Hodal",
        "original_date": datetime.date(2016, 11, 14),
        "original_language": "en",
        "themes": ["traite", "mie", "disparitions", "chiffres"],
    },
    {
        "key": "europol-10000-missing-2016",
        "title_fr": "Europol : au moins 10 000 enfants réfugiés non accompagnés ont disparu en Europe",
        "title_en": "Europol: at least 10,000 unaccompanied child refugees have disappeared in Europe",
        "lead_fr": "D’après Europol, cité par The Observer, au moins 10 000 enfants réfugiés non accompagnés ont disparu après leur arrivée en Europe en l’espace de 18 à 24 mois. L’agence s’inquiète de réseaux criminels qui les prennent pour cible.",
        "lead_en": "Europol told The Observer that at least 10,000 unaccompanied child refugees had disappeared after arriving in Europe over the previous 18 to 24 months, and warned that criminal networks were targeting them.",
        "body_fr": [
            {
                "type": "paragraph",
                "value": (
                    "<p>L’office européen de police Europol estime qu’au moins 10 000 enfants réfugiés arrivés en "
                    "Europe sans leurs parents ont disparu au cours des 18 à 24 mois précédents. Le chiffre est "
                    "rapporté par le journal britannique <em>The Observer</em> le 30 janvier 2016.</p>"
                    "<p>Environ 5 000 de ces enfants auraient disparu en Italie, et un millier en Suède.</p>"
                ),
            },
            {"type": "heading", "value": {"text": "Des réseaux criminels à l’affût"}},
            {
                "type": "paragraph",
                "value": (
                    "<p>Europol met en garde contre des réseaux criminels qui ciblent ces mineurs. Isolés et souvent "
                    "en transit d’un pays à l’autre, ils sont particulièrement exposés à la traite et à "
                    "l’exploitation, ce qui rend d’autant plus nécessaire leur repérage dès l’arrivée.</p>"
                ),
            },
            {
                "type": "link_list",
                "value": {
                    "heading": "Pour aller plus loin",
                    "links": [
                        {
                            "title": "Europol",
                            "url": "https://www.europol.europa.eu",
                            "description": "Agence de l’Union européenne pour la coopération des services répressifs.",
                        },
                    ],
                },
            },
        ],
        "body_en": [
            {
                "type": "paragraph",
                "value": (
                    "<p>Europol, the European Union’s police agency, estimates that at least 10,000 refugee children "
                    "who reached Europe without their parents had disappeared over the previous 18 to 24 months. "
                    "The figure was reported by the British newspaper <em>The Observer</em> on 30 January 2016.</p>"
                    "<p>About 5,000 of these children are thought to have disappeared in Italy, and 1,000 in Sweden.</p>"
                ),
            },
            {"type": "heading", "value": {"text": "Criminal networks on the lookout"}},
            {
                "type": "paragraph",
                "value": (
                    "<p>Europol warns that criminal networks are targeting these minors. Alone and often moving from "
                    "one country to another, they are especially exposed to trafficking and exploitation, which makes "
                    "identifying them on arrival all the more important.</p>"
                ),
            },
            {
                "type": "link_list",
                "value": {
                    "heading": "Further reading",
                    "links": [
                        {
                            "title": "Europol",
                            "url": "https://www.europol.europa.eu",
                            "description": "European Union Agency for Law Enforcement Cooperation.",
                        },
                    ],
                },
            },
        ],
        "published_date": datetime.date(2016, 2, 2),
        "source_name": "The Observer",
        "source_url": "https://www.theguardian.com/theobserver",
        "authors": "Mark Townsend",
        "original_date": datetime.date(2016, 1, 30),
        "original_language": "en",
        "themes": ["mie", "disparitions", "traite"],
    },
    {
        "key": "eurostat-2015-88300",
        "title_fr": "88 300 mineurs non accompagnés ont demandé l’asile dans l’Union européenne en 2015",
        "title_en": "88,300 unaccompanied minors sought asylum in the European Union in 2015",
        "lead_fr": "Selon Eurostat, 88 300 demandeurs d’asile considérés comme mineurs non accompagnés ont déposé une demande dans l’Union européenne en 2015, soit environ quatre fois plus qu’en 2014. Plus de la moitié étaient afghans.",
        "lead_en": "According to Eurostat, 88,300 asylum seekers considered to be unaccompanied minors applied for protection in the European Union in 2015, about four times as many as in 2014. More than half were Afghans.",
        "body_fr": [
            {
                "type": "paragraph",
                "value": (
                    "<p>Dans un communiqué publié le 2 mai 2016, l’office statistique de l’Union européenne indique "
                    "que 88 300 demandeurs d’asile considérés comme mineurs non accompagnés ont déposé une demande "
                    "de protection internationale dans l’un des États membres en 2015. C’est environ quatre fois "
                    "plus qu’en 2014.</p>"
                ),
            },
            {"type": "heading", "value": {"text": "Le profil des demandeurs"}},
            {
                "type": "paragraph",
                "value": (
                    "<p>Ces jeunes demandeurs sont très majoritairement des garçons (91 %). Les Afghans représentent "
                    "à eux seuls 51 % du total. Environ 13 % des mineurs concernés avaient moins de 14 ans.</p>"
                    "<p>Ces données ne disent rien du parcours de ces enfants après le dépôt de leur demande, mais "
                    "elles donnent la mesure du nombre de jeunes à accueillir et à accompagner.</p>"
                ),
            },
        ],
        "body_en": [
            {
                "type": "paragraph",
                "value": (
                    "<p>In a news release published on 2 May 2016, the European Union’s statistical office reports "
                    "that 88,300 asylum seekers considered to be unaccompanied minors applied for international "
                    "protection in one of the Member States in 2015. That is about four times as many as in 2014.</p>"
                ),
            },
            {"type": "heading", "value": {"text": "Who the applicants were"}},
            {
                "type": "paragraph",
                "value": (
                    "<p>The great majority of these young applicants were boys (91%). Afghans alone accounted for "
                    "51% of the total. Around 13% of the minors concerned were aged under 14.</p>"
                    "<p>The figures say nothing about what happened to these children after they applied, but they "
                    "show how many young people needed to be received and supported.</p>"
                ),
            },
        ],
        "published_date": datetime.date(2016, 5, 5),
        "source_name": "Eurostat",
        "source_url": "https://ec.europa.eu/eurostat",
        "authors": "",
        "original_date": datetime.date(2016, 5, 2),
        "original_language": "en",
        "themes": ["mie", "asile", "chiffres"],
    },
    {
        "key": "eurostat-2016-63300",
        "title_fr": "Asile : 63 300 mineurs non accompagnés dans l’Union européenne en 2016",
        "title_en": "Asylum: 63,300 unaccompanied minors in the European Union in 2016",
        "lead_fr": "En 2016, 63 300 mineurs non accompagnés ont demandé l’asile dans l’Union européenne, selon Eurostat. Leur nombre recule par rapport à 2015 ; les Afghans restent le premier groupe, devant les Syriens.",
        "lead_en": "In 2016, 63,300 unaccompanied minors applied for asylum in the European Union, according to Eurostat. The number is down on 2015; Afghans remain the largest group, followed by Syrians.",
        "body_fr": [
            {
                "type": "paragraph",
                "value": (
                    "<p>Eurostat a publié le 11 mai 2017 ses chiffres sur les demandes d’asile des mineurs non "
                    "accompagnés. En 2016, 63 300 d’entre eux ont demandé une protection internationale dans "
                    "l’Union européenne, un nombre en baisse par rapport à l’année précédente, où l’office en avait "
                    "recensé 88 300.</p>"
                ),
            },
            {"type": "heading", "value": {"text": "Afghans et Syriens en tête"}},
            {
                "type": "paragraph",
                "value": (
                    "<p>Comme en 2015, les garçons sont très largement majoritaires (89 %). Les Afghans forment le "
                    "groupe le plus important (38 %), suivis des Syriens (19 %).</p>"
                    "<p>La baisse ne signifie pas que les besoins diminuent d’autant : les jeunes arrivés les années "
                    "précédentes restent, pour beaucoup, pris en charge par les services de protection de l’enfance.</p>"
                ),
            },
        ],
        "body_en": [
            {
                "type": "paragraph",
                "value": (
                    "<p>On 11 May 2017 Eurostat published its figures on asylum applications by unaccompanied minors. "
                    "In 2016, 63,300 of them applied for international protection in the European Union, fewer than "
                    "in the previous year, when the statistical office had counted 88,300.</p>"
                ),
            },
            {"type": "heading", "value": {"text": "Afghans and Syrians in the lead"}},
            {
                "type": "paragraph",
                "value": (
                    "<p>As in 2015, boys were the vast majority (89%). Afghans were the largest group (38%), "
                    "followed by Syrians (19%).</p>"
                    "<p>A lower number does not mean needs fall by as much: many of the young people who arrived in "
                    "earlier years are still in the care of child-protection services.</p>"
                ),
            },
        ],
        "published_date": datetime.date(2017, 5, 15),
        "source_name": "Eurostat",
        "source_url": "https://ec.europa.eu/eurostat",
        "authors": "",
        "original_date": datetime.date(2017, 5, 11),
        "original_language": "en",
        "themes": ["mie", "asile", "chiffres"],
    },
    {
        "key": "unhcr-global-trends-2015",
        "title_fr": "HCR : un record de 98 400 demandes d’asile d’enfants non accompagnés ou séparés en 2015",
        "title_en": "UNHCR: a record 98,400 asylum claims by unaccompanied or separated children in 2015",
        "lead_fr": "Le rapport « Tendances mondiales » du HCR recense 65,3 millions de personnes déplacées de force fin 2015. Les enfants représentent 51 % des réfugiés, et 98 400 demandes d’asile ont été déposées par des enfants non accompagnés ou séparés.",
        "lead_en": "UNHCR’s Global Trends report counts 65.3 million people forcibly displaced at the end of 2015. Children made up 51% of refugees, and unaccompanied or separated children lodged 98,400 asylum applications.",
        "body_fr": [
            {
                "type": "paragraph",
                "value": (
                    "<p>Publié le 20 juin 2016, à l’occasion de la Journée mondiale des réfugiés, le rapport annuel "
                    "« Tendances mondiales » du Haut-Commissariat des Nations unies pour les réfugiés fait état de "
                    "65,3 millions de personnes déplacées de force dans le monde à la fin de 2015. Les enfants "
                    "représentent 51 % des réfugiés.</p>"
                ),
            },
            {"type": "heading", "value": {"text": "Un record depuis 2006"}},
            {
                "type": "paragraph",
                "value": (
                    "<p>En 2015, des enfants non accompagnés ou séparés de leur famille ont déposé 98 400 demandes "
                    "d’asile dans 78 pays. C’est le nombre le plus élevé depuis que le HCR a commencé à collecter "
                    "ces données, en 2006. "
                    "Derrière chacune de ces demandes, un enfant arrivé dans un pays étranger sans parent pour le "
                    "représenter.</p>"
                ),
            },
            {
                "type": "link_list",
                "value": {
                    "heading": "Pour aller plus loin",
                    "links": [
                        {
                            "title": "HCR (UNHCR)",
                            "url": "https://www.unhcr.org",
                            "description": "Site du Haut-Commissariat des Nations unies pour les réfugiés.",
                        },
                    ],
                },
            },
        ],
        "body_en": [
            {
                "type": "paragraph",
                "value": (
                    "<p>Published on 20 June 2016, World Refugee Day, the annual Global Trends report of the United "
                    "Nations High Commissioner for Refugees puts the number of people forcibly displaced worldwide "
                    "at 65.3 million at the end of 2015. Children made up 51% of refugees.</p>"
                ),
            },
            {"type": "heading", "value": {"text": "A record since 2006"}},
            {
                "type": "paragraph",
                "value": (
                    "<p>In 2015, unaccompanied or separated children lodged 98,400 asylum applications in 78 "
                    "countries. That is the highest number since UNHCR began collecting such data in 2006. "
                    "Behind each of these applications is a child who reached a foreign country without a parent to "
                    "speak for them.</p>"
                ),
            },
            {
                "type": "link_list",
                "value": {
                    "heading": "Further reading",
                    "links": [
                        {
                            "title": "UNHCR",
                            "url": "https://www.unhcr.org",
                            "description": "Website of the UN Refugee Agency.",
                        },
                    ],
                },
            },
        ],
        "published_date": datetime.date(2016, 6, 23),
        "source_name": "UNHCR / HCR",
        "source_url": "https://www.unhcr.org",
        "authors": "",
        "original_date": datetime.date(2016, 6, 20),
        "original_language": "en",
        "themes": ["mie", "asile", "chiffres"],
    },
    {
        "key": "dubs-scheme-350-2017",
        "title_fr": "Royaume-Uni : le dispositif « Dubs » pour les enfants réfugiés fermera après 350 accueils",
        "title_en": "UK to close the “Dubs” scheme for child refugees after 350 children",
        "lead_fr": "Le gouvernement britannique a annoncé, selon la BBC, que le dispositif de relocalisation d’enfants réfugiés non accompagnés créé par l’article 67 de l’Immigration Act 2016, dit « amendement Dubs », prendrait fin après l’accueil de 350 enfants.",
        "lead_en": "The UK government has announced, BBC News reports, that the relocation scheme for unaccompanied refugee children created by section 67 of the Immigration Act 2016, known as the “Dubs amendment”, will close after 350 children.",
        "body_fr": [
            {
                "type": "paragraph",
                "value": (
                    "<p>Le 8 février 2017, la BBC rapporte que le gouvernement britannique met fin au dispositif prévu "
                    "par l’article 67 de l’<em>Immigration Act 2016</em>. Surnommé « amendement Dubs », du nom du "
                    "parlementaire qui l’avait proposé, Lord Dubs, ce texte organise l’accueil au Royaume-Uni "
                    "d’enfants réfugiés non accompagnés se trouvant dans d’autres pays européens. Voici ce que dit "
                    "la loi, dans sa version originale anglaise :</p>"
                ),
            },
            {
                "type": "quote",
                "value": {
                    "text": _DUBS_SECTION_67,
                    "language": "en",
                    "attribution": "Immigration Act 2016, section 67",
                },
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>La loi parlait d’un « nombre déterminé » d’enfants, sans l’inscrire dans le texte : le "
                    "gouvernement l’arrête désormais à 350, après quoi le dispositif sera fermé.</p>"
                ),
            },
        ],
        "body_en": [
            {
                "type": "paragraph",
                "value": (
                    "<p>On 8 February 2017, BBC News reported that the UK government was bringing to an end the scheme "
                    "set up under section 67 of the <em>Immigration Act 2016</em>. Known as the “Dubs amendment”, after "
                    "Lord Dubs, the peer who proposed it, the provision brings unaccompanied refugee children from "
                    "elsewhere in Europe to the United Kingdom. The Act reads:</p>"
                ),
            },
            {
                "type": "quote",
                "value": {
                    "text": _DUBS_SECTION_67,
                    "language": "en",
                    "attribution": "Immigration Act 2016, section 67",
                },
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>The Act spoke of a “specified number” of children without writing a figure into the text: "
                    "the government has now set it at 350, after which the scheme will close.</p>"
                ),
            },
        ],
        "published_date": datetime.date(2017, 2, 10),
        "source_name": "BBC News",
        "source_url": "https://www.bbc.co.uk/news",
        "authors": "",
        "original_date": datetime.date(2017, 2, 8),
        "original_language": "en",
        "themes": ["mie", "asile", "droit"],
    },
    {
        "key": "decret-evaluation-2016",
        "title_fr": "Évaluation de la minorité et de l’isolement : le décret du 24 juin 2016",
        "title_en": None,
        "lead_fr": "Pris en application de la loi du 14 mars 2016 relative à la protection de l’enfant, le décret n° 2016-840 encadre l’évaluation de la minorité et de l’isolement des jeunes par les départements, ainsi que leur répartition entre départements.",
        "lead_en": None,
        "body_fr": [
            {
                "type": "paragraph",
                "value": (
                    "<p>Le <em>Journal officiel</em> publie le décret n° 2016-840 du 24 juin 2016 relatif aux "
                    "modalités de l’évaluation des mineurs privés temporairement ou définitivement de la protection "
                    "de leur famille. Il est pris en application de la loi n° 2016-297 du 14 mars 2016 relative à la "
                    "protection de l’enfant.</p>"
                ),
            },
            {"type": "heading", "value": {"text": "Ce que prévoit le texte"}},
            {
                "type": "paragraph",
                "value": (
                    "<p>Le décret précise comment le département évalue la situation d’un jeune qui se présente "
                    "comme mineur et privé de la protection de sa famille : il s’agit d’établir à la fois sa "
                    "minorité et son isolement.</p>"
                    "<p>Il organise aussi, à l’échelle nationale, la répartition de ces jeunes entre les "
                    "départements. Pour les professionnels, c’est désormais le cadre de référence de l’évaluation "
                    "et de l’orientation des mineurs isolés étrangers.</p>"
                ),
            },
            {
                "type": "link_list",
                "value": {
                    "heading": "Pour aller plus loin",
                    "links": [
                        {
                            "title": "Légifrance",
                            "url": "https://www.legifrance.gouv.fr",
                            "description": "Le service public de la diffusion du droit, où lire le décret et la loi du 14 mars 2016.",
                        },
                    ],
                },
            },
        ],
        "body_en": None,
        "published_date": datetime.date(2016, 6, 29),
        "source_name": "Journal officiel (Légifrance)",
        "source_url": "https://www.legifrance.gouv.fr",
        "authors": "",
        "original_date": datetime.date(2016, 6, 24),
        "original_language": "fr",
        "themes": ["mie", "droit"],
    },
    {
        "key": "cide-article-20",
        "title_fr": "Rappel : l’article 20 de la Convention internationale des droits de l’enfant",
        "title_en": None,
        "lead_fr": "Adoptée le 20 novembre 1989 et ratifiée par la France en 1990, la Convention internationale des droits de l’enfant garantit une protection spéciale de l’État à tout enfant privé de son milieu familial. Un texte central pour les mineurs isolés étrangers.",
        "lead_en": None,
        "body_fr": [
            {
                "type": "paragraph",
                "value": (
                    "<p>À l’occasion de la Journée internationale des droits de l’enfant, nous rappelons un article "
                    "essentiel de la Convention des Nations unies relative aux droits de l’enfant, adoptée le "
                    "20 novembre 1989 et ratifiée par la France en 1990.</p>"
                ),
            },
            {
                "type": "quote",
                "value": {
                    "text": _CIDE_ARTICLE_20,
                    "language": "fr",
                    "attribution": "Convention internationale des droits de l’enfant, article 20",
                },
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>Le texte ne distingue pas selon la nationalité : il vise « tout enfant ». Un mineur arrivé "
                    "seul en France, sans parent pour le protéger, relève donc de cette protection et de cette aide "
                    "spéciales, que l’État doit lui assurer.</p>"
                ),
            },
        ],
        "body_en": None,
        "published_date": datetime.date(2016, 11, 20),
        "source_name": "Nations unies / HCDH",
        "source_url": "https://www.ohchr.org/fr",
        "authors": "",
        "original_date": datetime.date(1989, 11, 20),
        "original_language": "fr",
        "themes": ["mie", "droit"],
    },
]

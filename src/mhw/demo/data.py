"""The demo data set as plain tables. Every name is invented; e-mail addresses use the reserved .example domain."""

DEMO_DOMAIN = "demo.makehydrogenwork.example"
DEMO_PASSWORD = "waterstof-demo"

# slug, name, region, city, description
CAMPUSES = [
    (
        "noord",
        "MHW Campus Noord",
        "Groningen, Friesland en Drenthe",
        "Groningen",
        "Waterstofvallei van het noorden: elektrolyse bij de Eemshaven, opslag in zoutcavernes en een regionaal "
        "waterstofnetwerk.",
    ),
    (
        "noord-holland",
        "MHW Campus Noord-Holland",
        "Noord-Holland Noord",
        "Den Helder",
        "Wind op zee en waterstof voor de maritieme sector en de haven van Den Helder.",
    ),
    (
        "rijnmond",
        "MHW Campus Rijnmond",
        "Rotterdam-Rijnmond",
        "Rotterdam",
        "De grootste haven van Europa als knooppunt voor import, productie en gebruik van groene waterstof.",
    ),
    (
        "zeeland",
        "MHW Campus Zeeland",
        "Zeeland en West-Brabant",
        "Vlissingen",
        "Industrie in de Kanaalzone die overstapt op waterstof, met pijpleidingen naar Vlaanderen.",
    ),
    (
        "brabant",
        "MHW Campus Brabant",
        "Noord-Brabant",
        "Eindhoven",
        "Hightech maakindustrie die componenten voor elektrolysers en brandstofcellen bouwt.",
    ),
    (
        "limburg",
        "MHW Campus Limburg",
        "Limburg",
        "Geleen",
        "Chemie en materialen rond het Chemelot-achtige cluster dat waterstof als grondstof gebruikt.",
    ),
    (
        "oost",
        "MHW Campus Oost",
        "Gelderland en Overijssel",
        "Arnhem",
        "Kennis van energiesystemen, testfaciliteiten en waterstof in mobiliteit en logistiek.",
    ),
]

# Partner organisations per campus: (name, kind, size class, city). Campuses not listed get a smaller default set.
PARTNERS = {
    "noord": [
        ("Noorderwind Elektrolyse B.V.", "company", "large", "Delfzijl"),
        ("Waddenpijp Leidingbouw B.V.", "company", "sme", "Veendam"),
        ("Groen Gas & Waterstof Installaties Hunze", "company", "sme", "Assen"),
        ("Eemsdelta Procestechniek B.V.", "company", "large", "Delfzijl"),
        ("Transport Vennootschap Lauwersmeer", "company", "sme", "Leeuwarden"),
        ("Wadden Distributie Groningen B.V.", "company", "large", "Groningen"),
        ("Busvervoer Hunzeland", "company", "sme", "Assen"),
        ("Noordelijk Vakcollege Techniek", "education_provider", "", "Groningen"),
        ("Hogeschool Waterstof Noord", "education_provider", "", "Groningen"),
        ("Veiligheidsacademie Noordkust", "education_provider", "", "Emmen"),
        ("Provincie Noorderland (fictief)", "government", "", "Groningen"),
        ("Omgevingsdienst Eemsdelta (fictief)", "government", "", "Delfzijl"),
        ("Fieldlab Zoutcaverne", "fieldlab", "", "Zuidwending"),
        ("Waterstof Innovatielab Zernike", "innovation_lab", "", "Groningen"),
        ("Energie Onderzoekscentrum Noord (fictief)", "research_institute", "", "Groningen"),
        ("Vereniging Waterstof Noord", "sector_association", "", "Groningen"),
        ("Werkplein Groningen (UWV, fictief)", "work_centre", "", "Groningen"),
    ],
    "rijnmond": [
        ("Maasvlakte Waterstofterminal B.V.", "company", "large", "Rotterdam"),
        ("Botlek Pijpleidingtechniek B.V.", "company", "sme", "Spijkenisse"),
        ("Rijnmond Elektrolyserbouw B.V.", "company", "large", "Rotterdam"),
        ("Havenlogistiek Waalhaven B.V.", "company", "sme", "Rotterdam"),
        ("Vakschool Haven en Proces", "education_provider", "", "Rotterdam"),
        ("Opleidingscentrum Procesveiligheid Rijnmond", "education_provider", "", "Vlaardingen"),
        ("Gemeente Havenstad (fictief)", "government", "", "Rotterdam"),
        ("Fieldlab Haven Waterstof", "fieldlab", "", "Rotterdam"),
        ("Innovatielab Procesindustrie", "innovation_lab", "", "Delft"),
        ("Onderzoeksinstituut Haven Energie (fictief)", "research_institute", "", "Delft"),
        ("Brancheorganisatie Procesindustrie Rijnmond", "sector_association", "", "Rotterdam"),
        ("Werkgeversservicepunt Rijnmond (UWV, fictief)", "work_centre", "", "Rotterdam"),
    ],
}
# The type of education of the providers above (and of the default provider of other campuses).
EDUCATION_TYPES = {
    "Noordelijk Vakcollege Techniek": "mbo",
    "Hogeschool Waterstof Noord": "hbo",
    "Veiligheidsacademie Noordkust": "private",
    "Vakschool Haven en Proces": "mbo",
    "Opleidingscentrum Procesveiligheid Rijnmond": "private",
}
DEFAULT_PARTNERS = [
    ("{city} Waterstoftechniek B.V.", "company", "sme", "{city}"),
    ("{city} Energie Industrie B.V.", "company", "large", "{city}"),
    ("Technisch Opleidingscentrum {city}", "education_provider", "", "{city}"),
    ("Regio {city} (fictief)", "government", "", "{city}"),
]

# Staff per campus: (local part of the e-mail address, full name, role).
STAFF = {
    "noord": [
        ("accountmanager-kandidaten.noord", "Anouk de Vries", "candidate_account_manager"),
        ("coach.noord", "Bram Hoekstra", "coach"),
        ("docent.noord", "Carla Jansen", "teacher"),
        ("accountmanager-bedrijven.noord", "Dirk Postma", "company_account_manager"),
        ("makelaar.noord", "Esther Wiersma", "broker"),
        ("expert.noord", "Wouter Zijlstra", "expert"),
        ("beheer.noord", "Frank Bakker", "campus_admin"),
    ],
    "rijnmond": [
        ("accountmanager-kandidaten.rijnmond", "Gijs van Dam", "candidate_account_manager"),
        ("coach.rijnmond", "Hanna El Amrani", "coach"),
        ("docent.rijnmond", "Ivo Verbeek", "teacher"),
        ("accountmanager-bedrijven.rijnmond", "Jasmijn Kok", "company_account_manager"),
        ("makelaar.rijnmond", "Koen de Graaf", "broker"),
        ("expert.rijnmond", "Yara Peeters", "expert"),
        ("beheer.rijnmond", "Lotte Smits", "campus_admin"),
    ],
}
DEFAULT_STAFF = [
    ("beheer.{slug}", "Beheerder {name}", "campus_admin"),
    ("coach.{slug}", "Coach {name}", "coach"),
]

NATIONAL_ADMIN = ("landelijk.beheer", "Noor Landman", "national_admin")

# Users of partner organisations: (local part, full name, role, campus slug, organisation name).
ORGANISATION_USERS = [
    ("hr.noorderwind", "Maaike Dijkstra", "company_hr", "noord", "Noorderwind Elektrolyse B.V."),
    ("hr.waddenpijp", "Niels Brouwer", "company_hr", "noord", "Waddenpijp Leidingbouw B.V."),
    ("opleider.vakcollege", "Olga Mulder", "provider_staff", "noord", "Noordelijk Vakcollege Techniek"),
    ("hr.maasvlakte", "Pieter Visser", "company_hr", "rijnmond", "Maasvlakte Waterstofterminal B.V."),
]

# Candidates (the toolbox's Sophie, Michael and Mo among them): campus, first, last, local part, occupation,
# trajectory, employer (for upskilling), has a portal account, coach's local part.
CANDIDATES = [
    (
        "noord",
        "Michael",
        "Zwart",
        "michael.zwart",
        "Scheepswerktuigkundige (machinist)",
        "lateral_entry",
        None,
        True,
        "coach.noord",
    ),
    (
        "noord",
        "Sophie",
        "Meijer",
        "sophie.meijer",
        "Engineer gasinstallaties",
        "upskilling",
        "Groen Gas & Waterstof Installaties Hunze",
        True,
        "coach.noord",
    ),
    (
        "noord",
        "Mo",
        "Haddou",
        "mo.haddou",
        "Omgevingsmanager",
        "upskilling",
        "Omgevingsdienst Eemsdelta (fictief)",
        True,
        "coach.noord",
    ),
    (
        "noord",
        "Ruben",
        "Kuipers",
        "ruben.kuipers",
        "Monteur cv-installaties",
        "lateral_entry",
        None,
        False,
        None,
    ),
    (
        "noord",
        "Sanne",
        "Vos",
        "sanne.vos",
        "Procesoperator voedingsmiddelen",
        "lateral_entry",
        None,
        False,
        "coach.noord",
    ),
    (
        "rijnmond",
        "Tarik",
        "Bouali",
        "tarik.bouali",
        "Lasser offshore",
        "lateral_entry",
        None,
        True,
        "coach.rijnmond",
    ),
    (
        "rijnmond",
        "Ursula",
        "de Wit",
        "ursula.dewit",
        "Elektromonteur",
        "lateral_entry",
        None,
        False,
        "coach.rijnmond",
    ),
    (
        "rijnmond",
        "Vincent",
        "Hendriks",
        "vincent.hendriks",
        "Onderhoudsmonteur raffinaderij",
        "upskilling",
        "Maasvlakte Waterstofterminal B.V.",
        False,
        None,
    ),
]

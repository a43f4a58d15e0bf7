"""The demo network's services, pathways and capacity: enough to route a survivor from the
police or the helpline to shelter, care and advice — and some problems on purpose for
pathway health to find (a closed court desk, an unreachable service, an overdue review,
no police service in the north, a dead end)."""

from typing import Any

WEEKDAYS_9_TO_5 = [
    {"day": day, "opens": "09:00", "closes": "17:00"} for day in ("mon", "tue", "wed", "thu", "fri")
]

HOSPITAL = "Riverside General Hospital Emergency Department"
SARC = "Riverside Sexual Assault Referral Centre"
FSU = "South District Family Support Unit"
SOCIAL = "Riverside Department of Social Services"
LUNA = "Casa de Acogida Luna"
CRISIS = "Riverside Women's Crisis Centre"
MIGRANTS = "Asociación de Mujeres Migrantes de Ribera"
LEGAL = "Riverside Women's Legal Advice Centre"
CHILDREN = "Riverside Children's Safeguarding Service"
COURT = "Riverside Family Court"
CHANGE = "Riverside Men's Change Programme"

# key: (partner name, the service's fields, its locations)
DEMO_SERVICES: dict[str, dict[str, Any]] = {
    "ed": {
        "partner": HOSPITAL,
        "name": "Emergency department",
        "type": "medical_care",
        "entry_point": True,
        "open_24_7": True,
        "wheelchair_access": True,
        "interpreters": True,
        "languages": ["en", "es"],
        "front_door_phone": "+1 555 0111",
    },
    "forensic": {
        "partner": SARC,
        "name": "Forensic examination suite",
        "type": "forensic_examination",
        "open_24_7": True,
        "female_staff": True,
        "wheelchair_access": True,
        "languages": ["en", "es"],
        "front_door_phone": "+1 555 0112",
    },
    "sarc_clinic": {
        "partner": SARC,
        "name": "Sexual health follow-up clinic",
        "type": "sexual_reproductive_health",
        "female_staff": True,
        "languages": ["en", "es"],
        "opening_hours": WEEKDAYS_9_TO_5,
    },
    "fsu": {
        "partner": FSU,
        "name": "Family Support Unit desk",
        "type": "police_response",
        "entry_point": True,
        "open_24_7": True,
        "female_staff": True,
        "languages": ["en", "es"],
        "areas": ["south-district", "riverside-port"],
        "front_door_phone": "+1 555 0113",
    },
    "housing": {
        "partner": SOCIAL,
        "name": "Emergency housing team",
        "type": "housing",
        "languages": ["en", "es"],
        "opening_hours": WEEKDAYS_9_TO_5,
    },
    "income": {
        "partner": SOCIAL,
        "name": "Income support desk",
        "type": "economic_support",
        "languages": ["en"],
        "opening_hours": WEEKDAYS_9_TO_5,
    },
    "refuge": {
        "partner": LUNA,
        "name": "Refugio Luna",
        "type": "shelter",
        "open_24_7": True,
        "wheelchair_access": True,
        "genders": ["women"],
        "languages": ["es", "en"],
        "front_door_phone": "+1 555 0150",
        "front_door_email": "acogida@riverside.example",
        "locations": [
            {
                "name": "Refuge",
                "address": "Address held by the refuge",
                "area": "old-town",
                "confidential": True,
            },
            {"name": "Advice office", "address": "4 Calle Mayor, Old Town", "area": "old-town"},
        ],
    },
    "helpline": {
        "partner": CRISIS,
        "name": "24/7 helpline",
        "type": "hotline",
        "entry_point": True,
        "open_24_7": True,
        "interpreters": True,
        "languages": ["en", "es"],
        "front_door_phone": "+1 555 0100",
    },
    "crisis": {
        "partner": CRISIS,
        "name": "Crisis centre",
        "type": "crisis_centre",
        "open_24_7": True,
        "wheelchair_access": True,
        "languages": ["en", "es"],
    },
    "counselling": {
        "partner": CRISIS,
        "name": "Counselling service",
        "type": "psychosocial_support",
        "languages": ["en", "es"],
        "opening_hours": WEEKDAYS_9_TO_5,
    },
    "interpreting": {
        "partner": MIGRANTS,
        "name": "Acompañamiento e interpretación",
        "type": "interpretation",
        "populations": ["migrant", "refugee"],
        "languages": ["es", "en", "pt"],
    },
    "legal": {
        "partner": LEGAL,
        "name": "Legal advice clinic",
        "type": "legal_aid",
        "languages": ["en", "es"],
        "opening_hours": WEEKDAYS_9_TO_5,
    },
    "children": {
        "partner": CHILDREN,
        "name": "Children's safeguarding duty team",
        "type": "child_protection",
        "languages": ["en"],
    },
    "court": {
        "partner": COURT,
        "name": "Court support desk",
        "type": "court_support",
        "status": "temporarily_closed",
        "languages": ["en"],
    },
    "change": {
        "partner": CHANGE,
        "name": "Change programme",
        "type": "perpetrator_programme",
        "languages": ["en", "es"],
    },
}

# (from, to, needs, extra fields); active unless a status is given.
DEMO_PATHWAYS: list[tuple[str, str, list[str], dict[str, Any]]] = [
    (
        "fsu",
        "crisis",
        ["immediate_safety", "emergency_shelter", "psychosocial_support", "safety_planning"],
        {"channel": "phone", "expected_response_minutes": 30},
    ),
    (
        "helpline",
        "refuge",
        ["emergency_shelter"],
        {"channel": "phone", "expected_response_minutes": 60},
    ),
    (
        "crisis",
        "refuge",
        ["emergency_shelter"],
        {"channel": "phone", "expected_response_minutes": 60},
    ),
    (
        "ed",
        "forensic",
        ["forensic_examination"],
        {"channel": "phone", "expected_response_minutes": 60},
    ),
    (
        "forensic",
        "sarc_clinic",
        ["post_exposure_care"],
        {"channel": "in_person", "expected_response_minutes": 30},
    ),
    (
        "ed",
        "crisis",
        ["psychosocial_support", "safety_planning", "emergency_shelter"],
        {"channel": "phone", "expected_response_minutes": 120},
    ),
    (
        "crisis",
        "legal",
        ["legal_advice", "protection_order", "information_on_rights"],
        {"channel": "secure_email", "expected_response_minutes": 2880},
    ),
    (
        "helpline",
        "fsu",
        ["police_report", "immediate_safety"],
        {"channel": "phone", "expected_response_minutes": 15},
    ),
    (
        "crisis",
        "housing",
        ["housing"],
        {"channel": "secure_email", "expected_response_minutes": 1440, "review_overdue": True},
    ),
    ("legal", "court", ["court_accompaniment"], {"channel": "secure_email"}),
    (
        "crisis",
        "interpreting",
        ["interpretation"],
        {"channel": "phone", "expected_response_minutes": 240},
    ),
    ("refuge", "counselling", ["psychosocial_support"], {"channel": "in_person"}),
    (
        "fsu",
        "children",
        ["child_protection"],
        {
            "channel": "phone",
            "expected_response_minutes": 60,
            "mandatory_reporting_note": "Where a child is at risk the law requires the police to "
            "inform the safeguarding duty team the same day.",
        },
    ),
    ("helpline", "change", ["safety_planning"], {"channel": "phone", "status": "draft"}),
]

# (service, status, beds free, hours ago): the refuge's post is fresh, the crisis centre's
# is three days old and must read as unknown.
DEMO_CAPACITY: list[tuple[str, str, int | None, int]] = [
    ("refuge", "accepting", 2, 2),
    ("crisis", "waitlist", 0, 72),
]

"""Demo data for `make run`: the fictional bilingual city of Riverside (Ribera) and its
coordinated community response to violence against women and girls.

Everything here is invented: organisations, people, e-mail addresses (all under the
reserved `riverside.example` domain) and phone numbers (the fictional 555-01xx range).
Descriptions, notes and risks are about organisations and their practices only; there is
no survivor data anywhere in this file.
"""

from typing import Any

DEMO_NETWORK: dict[str, Any] = {
    "slug": "riverside-ccr",
    "name": "Riverside Coordinated Community Response",
    "level": "local",
    "area": "Riverside",
    "languages": ["en", "es"],
}

# Every entry: required keys name, sector, level, stage; all others optional.
DEMO_PARTNERS: list[dict[str, Any]] = [
    # ------------------------------------------------------------------ active
    {
        "name": "Riverside General Hospital Emergency Department",
        "acronym": "RGH-ED",
        "description": (
            "The city's main accident and emergency department, open around the clock. "
            "It has introduced routine enquiry about violence for adult patients and a "
            "referral protocol to the Sexual Assault Referral Centre and the Women's "
            "Crisis Centre."
        ),
        "website": None,
        "sector": "health",
        "level": "local",
        "stage": "active",
        "stage_path": [
            "identified",
            "approached",
            "met",
            "roundtable",
            "agreement_drafting",
            "agreement_signed",
            "active",
        ],
        "stage_notes": {
            "met": "Charge nurse asked for a simple referral card for triage staff.",
            "agreement_signed": (
                "Signed the city MoU; commits to routine enquiry training for all triage nurses "
                "within a year."
            ),
            "active": "Sends a named representative to the monthly risk assessment conference.",
        },
        "populations": ["low_income", "homeless", "substance_use"],
        "languages": ["en", "es"],
        "areas": [
            "north-district",
            "south-district",
            "old-town",
            "riverside-port",
            "hill-villages",
        ],
        "tags": ["24-7", "marac", "routine-enquiry", "female-staff-on-request"],
        "assessment": {
            "trusted_by_survivors": 3,
            "connected_respected": 4,
            "influence": 4,
            "commitment": 4,
            "risks": "High staff turnover means training has to be repeated every few months.",
            "champion": True,
            "decision_authority": "limited",
        },
        "contacts": [
            {
                "name": "Dr. Helen Okafor",
                "job_title": "Consultant in Emergency Medicine, safeguarding lead",
                "email": "h.okafor@riverside.example",
                "phone": "+1 555 0101",
            },
            {
                "name": "Marcus Bell",
                "job_title": "Senior Charge Nurse",
                "email": "m.bell@riverside.example",
                "phone": "+1 555 0102",
            },
        ],
    },
    {
        "name": "Riverside Sexual Assault Referral Centre",
        "acronym": "SARC",
        "description": (
            "A hospital-based unit offering forensic medical examination, emergency "
            "contraception and post-exposure care, with female examiners available at "
            "any hour. Evidence can be stored while a person decides whether to report."
        ),
        "website": None,
        "sector": "health",
        "level": "local",
        "stage": "active",
        "stage_path": [
            "identified",
            "approached",
            "met",
            "roundtable",
            "agreement_drafting",
            "agreement_signed",
            "active",
        ],
        "stage_notes": {
            "roundtable": "Offered to host the first roundtable in its training room.",
            "active": "Shares quarterly aggregate figures on attendances and onward referrals.",
        },
        "populations": ["young_women_girls", "lgbti", "sex_workers"],
        "languages": ["en", "es"],
        "areas": [
            "north-district",
            "south-district",
            "old-town",
            "riverside-port",
            "hill-villages",
        ],
        "tags": ["24-7", "forensic", "marac", "pep", "self-referral"],
        "assessment": {
            "trusted_by_survivors": 5,
            "connected_respected": 5,
            "influence": 3,
            "commitment": 5,
            "risks": None,
            "champion": True,
            "decision_authority": "full",
        },
        "contacts": [
            {
                "name": "Dr. Priya Raman",
                "job_title": "Clinical Director",
                "email": "p.raman@riverside.example",
                "phone": "+1 555 0103",
            },
        ],
    },
    {
        "name": "South District Family Support Unit",
        "acronym": "FSU-South",
        "description": (
            "A specialised police unit for domestic and sexual violence and child abuse, "
            "based at the South District station with a private interview room. A social "
            "worker from the Department of Social Services is co-located in the unit to "
            "handle referrals and psychosocial support."
        ),
        "website": None,
        "sector": "police",
        "level": "local",
        "stage": "active",
        "stage_path": [
            "identified",
            "approached",
            "met",
            "roundtable",
            "agreement_drafting",
            "agreement_signed",
            "active",
        ],
        "stage_notes": {
            "agreement_drafting": (
                "Co-location agreement with Social Services drafted, following the Family Support "
                "Unit model used in Sierra Leone."
            ),
            "agreement_signed": (
                "MoU signed: one social worker placed in the unit, reviewed every twelve months."
            ),
            "active": "Unit commander chairs the monthly risk assessment conference.",
        },
        "populations": ["young_women_girls", "migrant", "low_income"],
        "languages": ["en", "es"],
        "areas": ["south-district", "riverside-port"],
        "tags": ["marac", "co-located-social-worker", "trauma-informed-interviewing"],
        "assessment": {
            "trusted_by_survivors": 3,
            "connected_respected": 4,
            "influence": 3,
            "commitment": 4,
            "risks": (
                "Depends heavily on one co-located post; if it is left vacant the referral link "
                "weakens."
            ),
            "champion": True,
            "decision_authority": "limited",
        },
        "contacts": [
            {
                "name": "Inspector Grace Mensah",
                "job_title": "Unit Commander",
                "email": "g.mensah@riverside.example",
                "phone": "+1 555 0104",
            },
            {
                "name": "Daniel Ortega",
                "job_title": "Co-located Social Worker",
                "email": "d.ortega@riverside.example",
                "phone": "+1 555 0105",
            },
        ],
    },
    {
        "name": "Riverside Department of Social Services",
        "acronym": "DSS",
        "description": (
            "The city's public social welfare department, covering income support, "
            "family services and community work. It runs the local referral mechanism "
            "and seconds a social worker to the South District Family Support Unit."
        ),
        "website": None,
        "sector": "social_services",
        "level": "local",
        "stage": "active",
        "stage_path": [
            "identified",
            "approached",
            "met",
            "roundtable",
            "agreement_drafting",
            "agreement_signed",
            "active",
        ],
        "stage_notes": {
            "met": "Director keen to pilot screening questions in the income support office.",
            "active": "Maintains the shared directory of referral contacts for the network.",
        },
        "populations": ["low_income", "older_women", "disabled", "rural"],
        "languages": ["en", "es"],
        "areas": [
            "north-district",
            "south-district",
            "old-town",
            "riverside-port",
            "hill-villages",
        ],
        "tags": ["marac", "referral-mechanism", "outreach", "income-support"],
        "assessment": {
            "trusted_by_survivors": 3,
            "connected_respected": 4,
            "influence": 4,
            "commitment": 4,
            "risks": "Outreach to the hill villages is limited by a single mobile team.",
            "champion": False,
            "decision_authority": "full",
        },
        "contacts": [
            {
                "name": "Rosa Delgado",
                "job_title": "Director of Social Services",
                "email": "r.delgado@riverside.example",
                "phone": "+1 555 0106",
            },
        ],
    },
    {
        "name": "Casa de Acogida Luna",
        "acronym": None,
        "description": (
            "Casa de acogida para mujeres y sus hijas e hijos, con 18 plazas en una "
            "ubicación confidencial. Ofrece alojamiento de emergencia, acompañamiento "
            "con profesionales mujeres y planes de seguridad."
        ),
        "website": None,
        "sector": "specialist_ngo",
        "level": "local",
        "stage": "active",
        "stage_path": [
            "identified",
            "approached",
            "met",
            "roundtable",
            "agreement_drafting",
            "agreement_signed",
            "active",
        ],
        "stage_notes": {
            "approached": "Primer contacto a través de la coordinadora de la Unidad de Igualdad.",
            "agreement_signed": (
                "Firmó el protocolo de derivación con la policía y los servicios sociales."
            ),
        },
        "populations": ["migrant", "low_income", "young_women_girls"],
        "languages": ["es", "en"],
        "areas": ["old-town", "south-district", "north-district"],
        "tags": ["24-7", "shelter", "confidential-address", "women-staff"],
        "assessment": {
            "trusted_by_survivors": 5,
            "connected_respected": 4,
            "influence": 2,
            "commitment": 5,
            "risks": "Funding is renewed year by year; the shelter is often full.",
            "champion": False,
            "decision_authority": "full",
        },
        "contacts": [
            {
                "name": "Lucía Fernández Rivas",
                "job_title": "Directora",
                "email": "l.fernandez@riverside.example",
                "phone": "+1 555 0107",
            },
        ],
    },
    {
        "name": "Riverside Women's Crisis Centre",
        "acronym": "RWCC",
        "description": (
            "An independent women's organisation that runs the city's free 24/7 helpline "
            "and a drop-in crisis centre. It offers advocacy, safety planning and "
            "accompaniment to court and other services."
        ),
        "website": None,
        "sector": "specialist_ngo",
        "level": "local",
        "stage": "active",
        "stage_path": [
            "identified",
            "approached",
            "met",
            "roundtable",
            "agreement_drafting",
            "agreement_signed",
            "active",
        ],
        "stage_notes": {
            "identified": "One of the founding group that proposed the coordinated response.",
            "agreement_drafting": (
                "Led the drafting group for the code of conduct annexed to the MoU."
            ),
        },
        "populations": ["low_income", "lgbti", "sex_workers", "substance_use", "homeless"],
        "languages": ["en", "es"],
        "areas": [
            "north-district",
            "south-district",
            "old-town",
            "riverside-port",
            "hill-villages",
        ],
        "tags": ["24-7", "hotline", "crisis-centre", "marac", "court-accompaniment"],
        "assessment": {
            "trusted_by_survivors": 5,
            "connected_respected": 5,
            "influence": 3,
            "commitment": 5,
            "risks": None,
            "champion": True,
            "decision_authority": "full",
        },
        "contacts": [
            {
                "name": "Janet Achterberg",
                "job_title": "Chief Executive",
                "email": "j.achterberg@riverside.example",
                "phone": "+1 555 0108",
            },
            {
                "name": "Carmen Ibáñez",
                "job_title": "Helpline Manager",
                "email": "c.ibanez@riverside.example",
                "phone": "+1 555 0109",
            },
        ],
    },
    {
        "name": "Asociación de Mujeres Migrantes de Ribera",
        "acronym": "AMMR",
        "description": (
            "Asociación de base creada por mujeres migrantes del barrio del puerto. "
            "Ofrece información sobre derechos, grupos de apoyo mutuo e intérpretes "
            "voluntarias para acompañar a otras entidades."
        ),
        "website": None,
        "sector": "specialist_ngo",
        "level": "local",
        "stage": "active",
        "stage_path": [
            "identified",
            "approached",
            "met",
            "roundtable",
            "agreement_drafting",
            "agreement_signed",
            "active",
        ],
        "stage_notes": {
            "met": "Pidió que las reuniones de la red se celebren también en español.",
            "active": "Coordina el turno de intérpretes voluntarias para la red.",
        },
        "populations": ["migrant", "refugee", "minority", "low_income"],
        "languages": ["es", "en", "pt"],
        "areas": ["riverside-port", "south-district"],
        "tags": ["interpretation", "peer-support", "rights-information"],
        "assessment": {
            "trusted_by_survivors": 5,
            "connected_respected": 3,
            "influence": 1,
            "commitment": 5,
            "risks": "Run entirely by volunteers; relies on small grants.",
            "champion": False,
            "decision_authority": "full",
        },
        "contacts": [
            {
                "name": "Yolanda Quispe",
                "job_title": "Presidenta",
                "email": "y.quispe@riverside.example",
                "phone": "+1 555 0110",
            },
        ],
    },
    {
        "name": "Riverside Gender Equality Unit",
        "acronym": "GEU",
        "description": (
            "A unit within the City of Riverside that advises the council on gender "
            "equality policy. It hosts the network coordinator and manages the city's "
            "small grants for specialist women's services."
        ),
        "website": None,
        "sector": "local_government",
        "level": "local",
        "stage": "active",
        "stage_path": [
            "identified",
            "approached",
            "met",
            "roundtable",
            "agreement_drafting",
            "agreement_signed",
            "active",
        ],
        "stage_notes": {
            "roundtable": "Co-chaired the first roundtable with the Women's Crisis Centre.",
            "agreement_signed": (
                "Signed the city MoU, which sets general duties for each sector and a shared "
                "commitment to prevention."
            ),
            "active": "Publishes the network's annual progress report.",
        },
        "populations": [],
        "languages": ["en", "es"],
        "areas": [
            "north-district",
            "south-district",
            "old-town",
            "riverside-port",
            "hill-villages",
        ],
        "tags": ["coordination", "funding", "policy"],
        "assessment": {
            "trusted_by_survivors": 2,
            "connected_respected": 4,
            "influence": 4,
            "commitment": 5,
            "risks": "Budget depends on the council's political priorities after each election.",
            "champion": True,
            "decision_authority": "limited",
        },
        "contacts": [
            {
                "name": "Naomi Clarke",
                "job_title": "Network Coordinator",
                "email": "n.clarke@riverside.example",
                "phone": "+1 555 0111",
            },
        ],
    },
    {
        "name": "Foro de Mujeres Supervivientes Voces Libres",
        "acronym": None,
        "description": (
            "Foro autónomo que se reúne cada mes para opinar sobre la planificación y la "
            "evaluación de la respuesta coordinada. Cuenta con una facilitadora "
            "independiente y la participación es voluntaria y confidencial."
        ),
        "website": None,
        "sector": "survivors_forum",
        "level": "local",
        "stage": "active",
        "stage_path": [
            "identified",
            "approached",
            "met",
            "roundtable",
            "agreement_drafting",
            "agreement_signed",
            "active",
        ],
        "stage_notes": {
            "roundtable": "El foro decidió participar a través de su facilitadora.",
            "active": "Revisa cada año el mapa de rutas de derivación de la red.",
        },
        "populations": [],
        "languages": ["es", "en"],
        "areas": [
            "north-district",
            "south-district",
            "old-town",
            "riverside-port",
            "hill-villages",
        ],
        "tags": ["reference-group", "evaluation", "independent-facilitation"],
        "assessment": {
            "trusted_by_survivors": 5,
            "connected_respected": 3,
            "influence": 2,
            "commitment": 5,
            "risks": "Needs secure, accessible meeting space and stable funding for facilitation.",
            "champion": False,
            "decision_authority": "full",
        },
        "contacts": [
            {
                "name": "Marta Salinas",
                "job_title": "Facilitadora",
                "email": "m.salinas@riverside.example",
                "phone": "+1 555 0112",
            },
        ],
    },
    {
        "name": "University of Riverside Centre for Gender and Violence Research",
        "acronym": "CGVR",
        "description": (
            "An academic research centre studying gender-based violence and the "
            "effectiveness of local services. It supports the network with evaluation "
            "design and analysis of aggregate, anonymised data."
        ),
        "website": None,
        "sector": "research",
        "level": "sub_national",
        "stage": "active",
        "stage_path": [
            "identified",
            "approached",
            "met",
            "roundtable",
            "agreement_drafting",
            "agreement_signed",
            "active",
        ],
        "stage_notes": {
            "agreement_drafting": "Data-sharing annex limits the centre to aggregate figures only.",
            "active": "Running the baseline evaluation of the referral pathways.",
        },
        "populations": [],
        "languages": ["en", "es"],
        "areas": [
            "north-district",
            "south-district",
            "old-town",
            "riverside-port",
            "hill-villages",
        ],
        "tags": ["evaluation", "aggregate-data", "training"],
        "assessment": {
            "trusted_by_survivors": 2,
            "connected_respected": 4,
            "influence": 3,
            "commitment": 4,
            "risks": (
                "Research timelines are slower than the network's needs; ethics approval required "
                "for any new study."
            ),
            "champion": False,
            "decision_authority": "limited",
        },
        "contacts": [
            {
                "name": "Prof. Samuel Adeyemi",
                "job_title": "Centre Director",
                "email": "s.adeyemi@riverside.example",
                "phone": "+1 555 0113",
            },
        ],
    },
    # -------------------------------------------------------- agreement_signed
    {
        "name": "Riverside District Prosecutor's Office",
        "acronym": "DPO",
        "description": (
            "The public prosecution service for Riverside and its surrounding district. "
            "A small team of prosecutors specialises in domestic and sexual violence cases."
        ),
        "website": None,
        "sector": "justice",
        "level": "sub_national",
        "stage": "agreement_signed",
        "stage_path": [
            "identified",
            "approached",
            "met",
            "roundtable",
            "agreement_drafting",
            "agreement_signed",
        ],
        "stage_notes": {
            "met": "Deputy prosecutor interested in earlier contact with court support workers.",
            "agreement_signed": (
                "Agreed to notify the court support service of hearing dates within 48 hours."
            ),
        },
        "populations": [],
        "languages": ["en"],
        "areas": [
            "north-district",
            "south-district",
            "old-town",
            "riverside-port",
            "hill-villages",
        ],
        "tags": ["specialist-prosecutors", "court-notification"],
        "assessment": {
            "trusted_by_survivors": 2,
            "connected_respected": 3,
            "influence": 5,
            "commitment": 3,
            "risks": "High caseloads; specialist team may be reassigned to other priorities.",
            "champion": True,
            "decision_authority": "limited",
        },
        "contacts": [
            {
                "name": "Olivia Hart",
                "job_title": "Deputy District Prosecutor",
                "email": "o.hart@riverside.example",
                "phone": "+1 555 0114",
            },
        ],
    },
    {
        "name": "Riverside Children's Safeguarding Service",
        "acronym": "CSS",
        "description": (
            "The city's statutory child protection service, responsible for assessing "
            "risk to children and arranging protection plans. It is working on guidance "
            "for cases where children live with domestic violence."
        ),
        "website": None,
        "sector": "child_protection",
        "level": "local",
        "stage": "agreement_signed",
        "stage_path": [
            "identified",
            "approached",
            "met",
            "roundtable",
            "agreement_drafting",
            "agreement_signed",
        ],
        "stage_notes": {
            "roundtable": "Raised concerns about information sharing; resolved in the MoU annex.",
        },
        "populations": ["young_women_girls"],
        "languages": ["en", "es"],
        "areas": [
            "north-district",
            "south-district",
            "old-town",
            "riverside-port",
            "hill-villages",
        ],
        "tags": ["statutory", "child-protection", "marac"],
        "assessment": {
            "trusted_by_survivors": 2,
            "connected_respected": 3,
            "influence": 4,
            "commitment": 3,
            "risks": (
                "Practice has tended to focus on the non-abusive parent's 'failure to protect' "
                "rather than on supporting her."
            ),
            "champion": False,
            "decision_authority": "full",
        },
        "contacts": [
            {
                "name": "Peter Lindqvist",
                "job_title": "Head of Service",
                "email": "p.lindqvist@riverside.example",
                "phone": "+1 555 0115",
            },
        ],
    },
    {
        "name": "Riverside Women's Legal Advice Centre",
        "acronym": "RWLAC",
        "description": (
            "A non-profit legal aid clinic giving free advice and representation to women "
            "on protection orders, family law, housing and immigration status. Advice is "
            "available in English and Spanish."
        ),
        "website": None,
        "sector": "specialist_ngo",
        "level": "local",
        "stage": "agreement_signed",
        "stage_path": [
            "identified",
            "approached",
            "met",
            "roundtable",
            "agreement_drafting",
            "agreement_signed",
        ],
        "stage_notes": {
            "agreement_drafting": (
                "Proposed a same-week appointment slot for referrals from the network."
            ),
        },
        "populations": ["migrant", "low_income", "refugee"],
        "languages": ["en", "es"],
        "areas": ["old-town", "north-district", "south-district"],
        "tags": ["legal-aid", "protection-orders", "immigration-advice"],
        "assessment": {
            "trusted_by_survivors": 4,
            "connected_respected": 4,
            "influence": 2,
            "commitment": 5,
            "risks": "Waiting list of several weeks for non-urgent cases.",
            "champion": False,
            "decision_authority": "full",
        },
        "contacts": [
            {
                "name": "Amelia Navarro",
                "job_title": "Supervising Solicitor",
                "email": "a.navarro@riverside.example",
                "phone": "+1 555 0116",
            },
        ],
    },
    # ------------------------------------------------------ agreement_drafting
    {
        "name": "Riverside Police Domestic Abuse Unit",
        "acronym": "DAU",
        "description": (
            "The central police unit responsible for investigating domestic abuse across "
            "the city outside the South District. It handles the largest volume of "
            "domestic abuse reports in Riverside."
        ),
        "website": None,
        "sector": "police",
        "level": "local",
        "stage": "agreement_drafting",
        "stage_path": ["identified", "approached", "met", "roundtable", "agreement_drafting"],
        "stage_notes": {
            "roundtable": (
                "Women's organisations challenged the unit's response times; a joint workplan was "
                "proposed."
            ),
            "agreement_drafting": (
                "Drafting a joint workplan and communication plan alongside the MoU."
            ),
        },
        "populations": [],
        "languages": ["en"],
        "areas": ["north-district", "old-town", "riverside-port", "hill-villages"],
        "tags": ["joint-workplan", "training-needed"],
        "assessment": {
            "trusted_by_survivors": 1,
            "connected_respected": 2,
            "influence": 5,
            "commitment": 2,
            "risks": (
                "Reputation for slow responses to domestic violence calls and for discouraging "
                "reports; some women's groups oppose the partnership until practice changes."
            ),
            "champion": False,
            "decision_authority": "limited",
        },
        "contacts": [
            {
                "name": "Chief Inspector Robert Haines",
                "job_title": "Head of Unit",
                "email": "r.haines@riverside.example",
                "phone": "+1 555 0117",
            },
        ],
    },
    {
        "name": "Radio Comunitaria Ribera 98.5",
        "acronym": None,
        "description": (
            "Emisora comunitaria en español con gran audiencia en el puerto y los pueblos "
            "de la sierra. Emite programas de servicio público y espacios con llamadas "
            "de oyentes."
        ),
        "website": None,
        "sector": "media",
        "level": "local",
        "stage": "agreement_drafting",
        "stage_path": ["identified", "approached", "met", "roundtable", "agreement_drafting"],
        "stage_notes": {
            "met": (
                "Propuso una radionovela y un programa semanal con el número de la línea 24 horas,"
                " inspirado en Soul City."
            ),
        },
        "populations": ["rural", "migrant", "isolated"],
        "languages": ["es"],
        "areas": ["riverside-port", "hill-villages", "south-district"],
        "tags": ["radio", "awareness", "edutainment"],
        "assessment": {
            "trusted_by_survivors": 3,
            "connected_respected": 3,
            "influence": 3,
            "commitment": 4,
            "risks": "Presenters need guidance on responsible reporting of violence.",
            "champion": False,
            "decision_authority": "full",
        },
        "contacts": [
            {
                "name": "Javier Montoya",
                "job_title": "Director de programación",
                "email": "j.montoya@riverside.example",
                "phone": "+1 555 0118",
            },
        ],
    },
    {
        "name": "Riverside Housing Authority",
        "acronym": "RHA",
        "description": (
            "The municipal body that manages social housing and the housing waiting list. "
            "It is drafting a priority transfer protocol for tenants at risk of violence."
        ),
        "website": None,
        "sector": "housing",
        "level": "local",
        "stage": "agreement_drafting",
        "stage_path": ["identified", "approached", "met", "roundtable", "agreement_drafting"],
        "stage_notes": {
            "roundtable": "Agreed in principle to a priority transfer route; legal review pending.",
        },
        "populations": ["low_income", "homeless", "disabled"],
        "languages": ["en", "es"],
        "areas": [
            "north-district",
            "south-district",
            "old-town",
            "riverside-port",
            "hill-villages",
        ],
        "tags": ["social-housing", "priority-transfer"],
        "assessment": {
            "trusted_by_survivors": 2,
            "connected_respected": 2,
            "influence": 4,
            "commitment": 2,
            "risks": (
                "Long waiting lists; tenancy rules do not yet distinguish the tenant at risk from "
                "the person causing harm."
            ),
            "champion": False,
            "decision_authority": "limited",
        },
        "contacts": [
            {
                "name": "Gareth Pryce",
                "job_title": "Head of Tenancy Services",
                "email": "g.pryce@riverside.example",
                "phone": "+1 555 0119",
            },
        ],
    },
    # -------------------------------------------------------------- roundtable
    {
        "name": "Riverside Family Court",
        "acronym": None,
        "description": (
            "The court that hears family law matters, including protection orders, "
            "custody and contact arrangements for Riverside."
        ),
        "website": None,
        "sector": "justice",
        "level": "local",
        "stage": "roundtable",
        "stage_path": ["identified", "approached", "met", "roundtable"],
        "stage_notes": {
            "roundtable": (
                "Court administrator attended as an observer; judges cannot sign operational "
                "agreements."
            ),
        },
        "populations": [],
        "languages": ["en"],
        "areas": [
            "north-district",
            "south-district",
            "old-town",
            "riverside-port",
            "hill-villages",
        ],
        "tags": ["protection-orders", "court-administration"],
        "assessment": {
            "trusted_by_survivors": 2,
            "connected_respected": 2,
            "influence": 5,
            "commitment": 2,
            "risks": (
                "Judicial independence limits formal commitments; mediation is still sometimes "
                "ordered where there is a history of violence."
            ),
            "champion": False,
            "decision_authority": "none",
        },
        "contacts": [
            {
                "name": "Susan Whitfield",
                "job_title": "Court Administrator",
                "email": "s.whitfield@riverside.example",
                "phone": "+1 555 0120",
            },
        ],
    },
    {
        "name": "Red de Parroquias del Casco Antiguo",
        "acronym": None,
        "description": (
            "Red de cinco parroquias del casco antiguo con comedores sociales, grupos de "
            "familias y un servicio de escucha. Tiene mucha presencia entre las personas "
            "mayores del barrio."
        ),
        "website": None,
        "sector": "faith_group",
        "level": "local",
        "stage": "roundtable",
        "stage_path": ["identified", "approached", "met", "roundtable"],
        "stage_notes": {
            "met": (
                "El párroco coordinador se mostró abierto a formar a los equipos del servicio de "
                "escucha."
            ),
            "roundtable": "Surgieron opiniones divididas sobre la mediación familiar.",
        },
        "populations": ["older_women", "low_income", "homeless"],
        "languages": ["es"],
        "areas": ["old-town"],
        "tags": ["listening-service", "food-bank"],
        "assessment": {
            "trusted_by_survivors": 3,
            "connected_respected": 2,
            "influence": 4,
            "commitment": 2,
            "risks": (
                "Some leaders favour reconciliation and family mediation; a clear commitment to a "
                "rights-based approach is needed before joining the referral pathway."
            ),
            "champion": False,
            "decision_authority": "unknown",
        },
        "contacts": [
            {
                "name": "Padre Tomás Echeverría",
                "job_title": "Párroco coordinador",
                "email": "t.echeverria@riverside.example",
                "phone": "+1 555 0121",
            },
        ],
    },
    {
        "name": "Riverside Men's Change Programme",
        "acronym": "RMCP",
        "description": (
            "A group programme for men who use violence in their relationships, run by a "
            "local charity. It includes contact with a partner support worker from the "
            "Women's Crisis Centre."
        ),
        "website": None,
        "sector": "perpetrator_programme",
        "level": "local",
        "stage": "roundtable",
        "stage_path": ["identified", "approached", "met", "roundtable"],
        "stage_notes": {
            "roundtable": (
                "Network asked for evidence of its partner safety work before going further."
            ),
        },
        "populations": [],
        "languages": ["en", "es"],
        "areas": ["north-district", "south-district", "old-town"],
        "tags": ["group-work", "partner-support-link"],
        "assessment": {
            "trusted_by_survivors": 2,
            "connected_respected": 3,
            "influence": 2,
            "commitment": 4,
            "risks": "Not yet accredited; must not be offered as an alternative to prosecution.",
            "champion": False,
            "decision_authority": "full",
        },
        "contacts": [
            {
                "name": "Kwame Asante",
                "job_title": "Programme Manager",
                "email": "k.asante@riverside.example",
                "phone": "+1 555 0122",
            },
        ],
    },
    {
        "name": "Observatorio de Derechos Humanos de Ribera",
        "acronym": "ODHR",
        "description": (
            "Organización de derechos humanos que vigila la actuación de las instituciones "
            "públicas y publica informes anuales. Tiene experiencia en la defensa de los "
            "derechos de las mujeres migrantes."
        ),
        "website": None,
        "sector": "human_rights_organisation",
        "level": "local",
        "stage": "roundtable",
        "stage_path": ["identified", "approached", "met", "roundtable"],
        "stage_notes": {
            "roundtable": (
                "Ofreció revisar el código de conducta de la red desde un enfoque de derechos."
            ),
        },
        "populations": ["migrant", "minority", "indigenous"],
        "languages": ["es", "en"],
        "areas": [
            "north-district",
            "south-district",
            "old-town",
            "riverside-port",
            "hill-villages",
        ],
        "tags": ["monitoring", "advocacy", "rights-based"],
        "assessment": {
            "trusted_by_survivors": 3,
            "connected_respected": 3,
            "influence": 3,
            "commitment": 4,
            "risks": "Its public criticism of the police may strain relations at the roundtable.",
            "champion": False,
            "decision_authority": "full",
        },
        "contacts": [
            {
                "name": "Andrés Villalobos",
                "job_title": "Coordinador",
                "email": "a.villalobos@riverside.example",
                "phone": "+1 555 0123",
            },
        ],
    },
    # --------------------------------------------------------------------- met
    {
        "name": "Riverside Probation Service",
        "acronym": None,
        "description": (
            "The service that supervises people on community sentences and after release "
            "from prison. It can require attendance at an approved behaviour change programme."
        ),
        "website": None,
        "sector": "justice",
        "level": "sub_national",
        "stage": "met",
        "stage_path": ["identified", "approached", "met"],
        "stage_notes": {
            "met": (
                "Interested in sharing risk information with the monthly conference; needs "
                "regional approval."
            ),
        },
        "populations": [],
        "languages": ["en"],
        "areas": [
            "north-district",
            "south-district",
            "old-town",
            "riverside-port",
            "hill-villages",
        ],
        "tags": ["offender-management"],
        "assessment": {
            "trusted_by_survivors": 1,
            "connected_respected": 2,
            "influence": 3,
            "commitment": 3,
            "risks": "Decisions are taken at regional level, which slows any local agreement.",
            "champion": False,
            "decision_authority": "limited",
        },
        "contacts": [
            {
                "name": "Ian Moffat",
                "job_title": "Senior Probation Officer",
                "email": "i.moffat@riverside.example",
                "phone": "+1 555 0124",
            },
        ],
    },
    {
        "name": "Asociación Vecinal Puerto Ribera",
        "acronym": None,
        "description": (
            "Asociación de vecinas y vecinos del barrio del puerto que organiza fiestas, "
            "actividades culturales y campañas sobre el alumbrado y la seguridad de las calles."
        ),
        "website": None,
        "sector": "neighbourhood_group",
        "level": "local",
        "stage": "met",
        "stage_path": ["identified", "approached", "met"],
        "stage_notes": {
            "met": "Propuso hacer juntas una marcha exploratoria de seguridad por el puerto.",
        },
        "populations": ["migrant", "low_income"],
        "languages": ["es"],
        "areas": ["riverside-port"],
        "tags": ["safety-audit", "street-lighting", "volunteers"],
        "assessment": {
            "trusted_by_survivors": 3,
            "connected_respected": 2,
            "influence": 2,
            "commitment": 3,
            "risks": "The board changes every year and meets irregularly.",
            "champion": False,
            "decision_authority": "limited",
        },
        "contacts": [
            {
                "name": "Esperanza Gil",
                "job_title": "Presidenta de la junta",
                "email": "e.gil@riverside.example",
                "phone": "+1 555 0125",
            },
        ],
    },
    {
        "name": "Mujeres con Voz - Asociación de Mujeres con Discapacidad de Ribera",
        "acronym": "MCV",
        "description": (
            "Asociación de mujeres con discapacidad que defiende la accesibilidad de los "
            "servicios y forma a profesionales. Ofrece materiales en lectura fácil y "
            "apoyo entre iguales."
        ),
        "website": None,
        "sector": "specialist_ngo",
        "level": "local",
        "stage": "met",
        "stage_path": ["identified", "approached", "met"],
        "stage_notes": {
            "met": "Ofreció revisar la accesibilidad de la casa de acogida y de la línea 24 horas.",
        },
        "populations": ["disabled", "older_women", "isolated"],
        "languages": ["es", "en"],
        "areas": [
            "north-district",
            "south-district",
            "old-town",
            "riverside-port",
            "hill-villages",
        ],
        "tags": ["accessibility", "easy-read", "peer-support"],
        "assessment": {
            "trusted_by_survivors": 4,
            "connected_respected": 2,
            "influence": 1,
            "commitment": 5,
            "risks": "No paid staff; many meeting venues used by the network are not accessible.",
            "champion": False,
            "decision_authority": "full",
        },
        "contacts": [
            {
                "name": "Inés Carrasco",
                "job_title": "Coordinadora",
                "email": "i.carrasco@riverside.example",
                "phone": "+1 555 0126",
            },
        ],
    },
    # -------------------------------------------------------------- approached
    {
        "name": "Consejo de Ancianos de los Pueblos de la Sierra",
        "acronym": None,
        "description": (
            "Consejo tradicional de los pueblos de la sierra que resuelve disputas "
            "locales y representa a las comunidades ante el ayuntamiento."
        ),
        "website": None,
        "sector": "traditional_authority",
        "level": "local",
        "stage": "approached",
        "stage_path": ["identified", "approached"],
        "stage_notes": {
            "approached": (
                "Carta enviada a través del equipo móvil de servicios sociales; se espera "
                "respuesta tras la cosecha."
            ),
        },
        "populations": ["rural", "isolated", "indigenous"],
        "languages": ["es"],
        "areas": ["hill-villages"],
        "tags": ["customary-dispute-resolution", "rural-outreach"],
        "assessment": {
            "trusted_by_survivors": 2,
            "connected_respected": 1,
            "influence": 4,
            "commitment": 2,
            "risks": (
                "Customary dispute resolution may push for reconciliation in cases of violence; no"
                " women sit on the council."
            ),
            "champion": False,
            "decision_authority": "unknown",
        },
        "contacts": [
            {
                "name": "Don Aurelio Mamani",
                "job_title": "Portavoz del consejo",
                "email": "a.mamani@riverside.example",
                "phone": "+1 555 0127",
            },
        ],
    },
    {
        "name": "Riverside Unified School District",
        "acronym": "RUSD",
        "description": (
            "The public school district for the city and the hill villages, with 34 "
            "schools. It is reviewing its healthy relationships curriculum for secondary "
            "students."
        ),
        "website": None,
        "sector": "education",
        "level": "local",
        "stage": "approached",
        "stage_path": ["identified", "approached"],
        "stage_notes": {
            "approached": "Invitation sent to the Deputy Superintendent for Student Welfare.",
        },
        "populations": ["young_women_girls"],
        "languages": ["en", "es"],
        "areas": [
            "north-district",
            "south-district",
            "old-town",
            "riverside-port",
            "hill-villages",
        ],
        "tags": ["prevention", "healthy-relationships"],
        "contacts": [
            {
                "name": "Linda Park",
                "job_title": "Deputy Superintendent, Student Welfare",
                "email": "l.park@riverside.example",
                "phone": "+1 555 0128",
            },
        ],
    },
    {
        "name": "Rainbow Riverside LGBTI Centre",
        "acronym": None,
        "description": (
            "A community centre for lesbian, gay, bisexual, trans and intersex people, "
            "offering a drop-in, peer support groups and training for other services on "
            "inclusive practice."
        ),
        "website": None,
        "sector": "specialist_ngo",
        "level": "local",
        "stage": "approached",
        "stage_path": ["identified", "approached"],
        "stage_notes": {
            "approached": "Introduced by the Women's Crisis Centre; first meeting being scheduled.",
        },
        "populations": ["lgbti", "young_women_girls", "homeless"],
        "languages": ["en", "es"],
        "areas": ["old-town", "north-district"],
        "tags": ["inclusive-practice", "peer-support", "drop-in"],
        "contacts": [
            {
                "name": "Sam Rivera",
                "job_title": "Centre Manager",
                "email": "s.rivera@riverside.example",
                "phone": "+1 555 0129",
            },
        ],
    },
    # -------------------------------------------------------------- identified
    {
        "name": "Sindicato de Trabajadoras del Hogar y de los Cuidados de Ribera",
        "acronym": "STHCR",
        "description": (
            "Sindicato que representa a trabajadoras del hogar y cuidadoras, muchas de "
            "ellas migrantes. Ofrece asesoría laboral y formación sobre derechos en el trabajo."
        ),
        "website": None,
        "sector": "trade_union",
        "level": "sub_national",
        "stage": "identified",
        "stage_path": ["identified"],
        "populations": ["migrant", "low_income"],
        "languages": ["es"],
        "areas": ["riverside-port", "south-district", "north-district"],
        "tags": ["workplace-rights", "domestic-workers"],
        "contacts": [],
    },
    {
        "name": "Riverside Port Business Association",
        "acronym": "RPBA",
        "description": (
            "An association of around 120 businesses in the port and warehouse district, "
            "including the main employers of night-shift workers."
        ),
        "website": None,
        "sector": "private_sector",
        "level": "local",
        "stage": "identified",
        "stage_path": ["identified"],
        "stage_notes": {
            "identified": "Possible partner for workplace policies and safer night-time transport.",
        },
        "populations": [],
        "languages": ["en"],
        "areas": ["riverside-port"],
        "tags": ["workplace-policy", "night-transport"],
        "contacts": [],
    },
    {
        "name": "Global Partnership for Women's Safety - Americas Office",
        "acronym": "GPWS",
        "description": (
            "The regional office of an international organisation that funds and gives "
            "technical advice to local and national programmes on ending violence against "
            "women."
        ),
        "website": None,
        "sector": "international_organisation",
        "level": "international",
        "stage": "identified",
        "stage_path": ["identified"],
        "stage_notes": {
            "identified": "Possible source of technical support for the network's action plan.",
        },
        "populations": [],
        "languages": ["en", "es", "fr"],
        "areas": [],
        "tags": ["technical-assistance", "funding"],
        "contacts": [],
    },
    # ----------------------------------------------------------------- dormant
    {
        "name": "Riverside Community Safety Unit",
        "acronym": "CSU",
        "description": (
            "A council unit responsible for crime prevention, CCTV and public space "
            "safety, including lighting and transport stops."
        ),
        "website": None,
        "sector": "local_government",
        "level": "local",
        "stage": "dormant",
        "stage_path": ["identified", "approached", "met", "roundtable", "dormant"],
        "stage_notes": {
            "roundtable": "Agreed to join the women's safety audit of the port district.",
            "dormant": (
                "Lead officer post left vacant after the council restructure; no attendance since."
            ),
        },
        "populations": [],
        "languages": ["en"],
        "areas": [
            "north-district",
            "south-district",
            "old-town",
            "riverside-port",
            "hill-villages",
        ],
        "tags": ["public-space", "safety-audit", "transport"],
        "assessment": {
            "trusted_by_survivors": 2,
            "connected_respected": 3,
            "influence": 3,
            "commitment": 2,
            "risks": "Unit merged into a larger department; unclear who can commit it.",
            "champion": False,
            "decision_authority": "unknown",
        },
        "contacts": [
            {
                "name": "Colin Baptiste",
                "job_title": "Community Safety Manager (interim)",
                "email": "c.baptiste@riverside.example",
                "phone": "+1 555 0130",
            },
        ],
    },
    {
        "name": "Riverside Youth Service",
        "acronym": None,
        "description": (
            "The council's youth service, running youth clubs and street-based youth "
            "work for young people aged 11 to 19."
        ),
        "website": None,
        "sector": "youth_services",
        "level": "local",
        "stage": "dormant",
        "stage_path": ["identified", "approached", "met", "dormant"],
        "stage_notes": {
            "met": "Youth workers asked for training on dating violence and online abuse.",
            "dormant": (
                "Two youth centres closed after budget cuts; to be revisited next financial year."
            ),
        },
        "populations": ["young_women_girls", "low_income"],
        "languages": ["en", "es"],
        "areas": ["north-district", "south-district"],
        "tags": ["youth-work", "dating-violence", "online-abuse"],
        "assessment": {
            "trusted_by_survivors": 3,
            "connected_respected": 3,
            "influence": 2,
            "commitment": 3,
            "risks": "Reduced budget and staff; capacity to take part is uncertain.",
            "champion": False,
            "decision_authority": "limited",
        },
        "contacts": [
            {
                "name": "Tasha Greene",
                "job_title": "Senior Youth Worker",
                "email": "t.greene@riverside.example",
                "phone": "+1 555 0131",
            },
        ],
    },
    # --------------------------------------------------------------- withdrawn
    {
        "name": "Colectivo Feminista Barrio Norte",
        "acronym": None,
        "description": (
            "Colectivo feminista de base del Distrito Norte que organiza talleres, "
            "campañas de sensibilización y actos del 25 de noviembre."
        ),
        "website": None,
        "sector": "community_group",
        "level": "local",
        "stage": "withdrawn",
        "stage_path": ["identified", "approached", "met", "roundtable", "withdrawn"],
        "stage_notes": {
            "roundtable": (
                "Cuestionó la incorporación de la Unidad de Violencia Doméstica de la policía."
            ),
            "withdrawn": (
                "Se retiró hasta que se publique el plan de trabajo conjunto con la policía; "
                "dispuesto a volver."
            ),
        },
        "populations": ["young_women_girls", "low_income"],
        "languages": ["es", "en"],
        "areas": ["north-district"],
        "tags": ["awareness", "workshops", "campaigns"],
        "assessment": {
            "trusted_by_survivors": 4,
            "connected_respected": 3,
            "influence": 2,
            "commitment": 4,
            "risks": (
                "Distrust of police involvement; may campaign publicly against the partnership."
            ),
            "champion": False,
            "decision_authority": "full",
        },
        "contacts": [
            {
                "name": "Paula Herrero",
                "job_title": "Portavoz",
                "email": "p.herrero@riverside.example",
                "phone": "+1 555 0132",
            },
        ],
    },
]


# The demo network's gazetteer: every area code the partners, services and locations above
# use, with its names, and the city they sit in (tests/demo checks none is missing).
DEMO_AREAS: list[dict[str, Any]] = [
    {
        "code": "greater-riverside",
        "names": {"en": "Greater Riverside", "fr": "Grand Riverside", "es": "Gran Riverside"},
    },
    {
        "code": "north-district",
        "names": {"en": "North District", "fr": "Quartier Nord", "es": "Distrito Norte"},
        "parent": "greater-riverside",
    },
    {
        "code": "south-district",
        "names": {"en": "South District", "fr": "Quartier Sud", "es": "Distrito Sur"},
        "parent": "greater-riverside",
    },
    {
        "code": "old-town",
        "names": {"en": "Old Town", "fr": "Vieille Ville", "es": "Casco Antiguo"},
        "parent": "greater-riverside",
    },
    {
        "code": "riverside-port",
        "names": {"en": "Riverside Port", "fr": "Port de Riverside", "es": "Puerto de Riverside"},
        "parent": "greater-riverside",
    },
    {
        "code": "hill-villages",
        "names": {
            "en": "Hill Villages",
            "fr": "Villages des collines",
            "es": "Pueblos de la sierra",
        },
    },
]

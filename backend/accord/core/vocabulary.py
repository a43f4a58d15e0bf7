"""The stable codes of shared/VOCABULARY.md. Codes never change once shipped: add, never rename.

Labels for people live in the i18n catalogues (accord/core/i18n.py), not here.
"""

from enum import StrEnum
from typing import Any

from pydantic import GetCoreSchemaHandler
from pydantic_core import CoreSchema


class Code(StrEnum):
    """A vocabulary code. Request models are strict (core/models.py: InputModel), and FastAPI
    validates a JSON body in Python mode, where a strict enum would refuse the very string
    JSON carries: a code is therefore read from its string, and from nothing else."""

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        schema = handler(source)
        schema["strict"] = False  # type: ignore[index]
        return schema


class Sector(Code):
    health = "health"
    police = "police"
    justice = "justice"
    social_services = "social_services"
    child_protection = "child_protection"
    housing = "housing"
    education = "education"
    specialist_ngo = "specialist_ngo"
    community_group = "community_group"
    neighbourhood_group = "neighbourhood_group"
    faith_group = "faith_group"
    local_government = "local_government"
    traditional_authority = "traditional_authority"
    perpetrator_programme = "perpetrator_programme"
    survivors_forum = "survivors_forum"
    youth_services = "youth_services"
    sports_recreation = "sports_recreation"
    urban_planning = "urban_planning"
    research = "research"
    media = "media"
    private_sector = "private_sector"
    trade_union = "trade_union"
    donor = "donor"
    international_organisation = "international_organisation"
    human_rights_organisation = "human_rights_organisation"
    military = "military"
    network = "network"


class Level(Code):
    local = "local"
    sub_national = "sub_national"
    national = "national"
    regional = "regional"
    international = "international"


class Stage(Code):
    """Engagement stages, in the order of the guidance's "how to begin the process" (000)."""

    identified = "identified"
    approached = "approached"
    met = "met"
    roundtable = "roundtable"
    agreement_drafting = "agreement_drafting"
    agreement_signed = "agreement_signed"
    active = "active"
    dormant = "dormant"
    withdrawn = "withdrawn"


STAGE_ORDER: dict[Stage, int] = {stage: rank for rank, stage in enumerate(Stage)}


class Population(Code):
    rural = "rural"
    isolated = "isolated"
    disabled = "disabled"
    migrant = "migrant"
    refugee = "refugee"
    minority = "minority"
    indigenous = "indigenous"
    lgbti = "lgbti"
    older_women = "older_women"
    young_women_girls = "young_women_girls"
    low_income = "low_income"
    sex_workers = "sex_workers"
    substance_use = "substance_use"
    homeless = "homeless"


class DecisionAuthority(Code):
    """How far the partner's representative can commit their organisation (000, 001)."""

    full = "full"
    limited = "limited"
    none = "none"
    unknown = "unknown"


class MembershipRole(Code):
    coordinator = "coordinator"
    partner_editor = "partner_editor"
    viewer = "viewer"


class ServiceType(Code):
    hotline = "hotline"
    shelter = "shelter"
    crisis_centre = "crisis_centre"
    medical_care = "medical_care"
    forensic_examination = "forensic_examination"
    sexual_reproductive_health = "sexual_reproductive_health"
    mental_health = "mental_health"
    psychosocial_support = "psychosocial_support"
    legal_aid = "legal_aid"
    police_response = "police_response"
    prosecution_support = "prosecution_support"
    court_support = "court_support"
    housing = "housing"
    economic_support = "economic_support"
    child_protection = "child_protection"
    perpetrator_programme = "perpetrator_programme"
    advocacy = "advocacy"
    interpretation = "interpretation"
    information = "information"


class ServiceStatus(Code):
    """As in Open Referral HSDS."""

    active = "active"
    inactive = "inactive"
    temporarily_closed = "temporarily_closed"
    defunct = "defunct"


class Need(Code):
    """A survivor's coded needs: never free text (001, 004)."""

    immediate_safety = "immediate_safety"
    emergency_shelter = "emergency_shelter"
    medical_treatment = "medical_treatment"
    forensic_examination = "forensic_examination"
    post_exposure_care = "post_exposure_care"
    psychosocial_support = "psychosocial_support"
    mental_health_care = "mental_health_care"
    legal_advice = "legal_advice"
    protection_order = "protection_order"
    police_report = "police_report"
    court_accompaniment = "court_accompaniment"
    housing = "housing"
    income_support = "income_support"
    child_protection = "child_protection"
    interpretation = "interpretation"
    safety_planning = "safety_planning"
    information_on_rights = "information_on_rights"


# Which service types meet which need (VOCABULARY.md).
NEED_SERVICE_TYPES: dict[Need, frozenset[ServiceType]] = {
    Need.immediate_safety: frozenset(
        {ServiceType.police_response, ServiceType.hotline, ServiceType.crisis_centre}
    ),
    Need.emergency_shelter: frozenset({ServiceType.shelter, ServiceType.crisis_centre}),
    Need.medical_treatment: frozenset({ServiceType.medical_care, ServiceType.crisis_centre}),
    Need.forensic_examination: frozenset({ServiceType.forensic_examination}),
    Need.post_exposure_care: frozenset(
        {ServiceType.sexual_reproductive_health, ServiceType.medical_care}
    ),
    Need.psychosocial_support: frozenset(
        {ServiceType.psychosocial_support, ServiceType.crisis_centre}
    ),
    Need.mental_health_care: frozenset({ServiceType.mental_health}),
    Need.legal_advice: frozenset({ServiceType.legal_aid}),
    Need.protection_order: frozenset(
        {ServiceType.legal_aid, ServiceType.court_support, ServiceType.police_response}
    ),
    Need.police_report: frozenset({ServiceType.police_response}),
    Need.court_accompaniment: frozenset({ServiceType.court_support, ServiceType.advocacy}),
    Need.housing: frozenset({ServiceType.housing}),
    Need.income_support: frozenset({ServiceType.economic_support}),
    Need.child_protection: frozenset({ServiceType.child_protection}),
    Need.interpretation: frozenset({ServiceType.interpretation}),
    Need.safety_planning: frozenset(
        {ServiceType.advocacy, ServiceType.hotline, ServiceType.crisis_centre}
    ),
    Need.information_on_rights: frozenset(
        {ServiceType.information, ServiceType.legal_aid, ServiceType.hotline, ServiceType.advocacy}
    ),
}


class CapacityStatus(Code):
    accepting = "accepting"
    waitlist = "waitlist"
    full = "full"
    unknown = "unknown"  # reported when the last post is too old to trust


class GenderEligibility(Code):
    women = "women"
    men = "men"
    gender_diverse = "gender_diverse"


class Weekday(Code):
    mon = "mon"
    tue = "tue"
    wed = "wed"
    thu = "thu"
    fri = "fri"
    sat = "sat"
    sun = "sun"


class PathwayStatus(Code):
    draft = "draft"
    agreed = "agreed"
    active = "active"
    suspended = "suspended"


class ReferralStatus(Code):
    """A referral's lifecycle (referrals/lifecycle.py), mapped one to one to HL7 FHIR Task
    statuses: sent = requested, received = received, accepted = accepted, declined =
    rejected, completed = completed, revoked = cancelled, expired = failed."""

    sent = "sent"
    received = "received"
    accepted = "accepted"
    declined = "declined"
    completed = "completed"
    revoked = "revoked"
    expired = "expired"


class Urgency(Code):
    immediate = "immediate"
    same_day = "same_day"
    routine = "routine"


class DeclineReason(Code):
    no_capacity = "no_capacity"
    not_eligible = "not_eligible"
    unable_to_contact = "unable_to_contact"
    survivor_declined = "survivor_declined"
    referred_onward = "referred_onward"  # names the onward service: the next referral
    other = "other"


class Channel(Code):
    phone = "phone"
    secure_email = "secure_email"
    in_person = "in_person"
    system = "system"


# Services a survivor passes through rather than ends at: they are expected to refer on.
ONWARD_REFERRAL_EXPECTED: frozenset[ServiceType] = frozenset(
    {
        ServiceType.hotline,
        ServiceType.police_response,
        ServiceType.crisis_centre,
        ServiceType.medical_care,
        ServiceType.forensic_examination,
        ServiceType.information,
    }
)

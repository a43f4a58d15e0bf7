"""The stable codes of shared/VOCABULARY.md. Codes never change once shipped: add, never rename.

Labels for people live in the i18n catalogues (accord/core/i18n.py), not here.
"""

from enum import StrEnum


class Sector(StrEnum):
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


class Level(StrEnum):
    local = "local"
    sub_national = "sub_national"
    national = "national"
    regional = "regional"
    international = "international"


class Stage(StrEnum):
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


class Population(StrEnum):
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


class DecisionAuthority(StrEnum):
    """How far the partner's representative can commit their organisation (000, 001)."""

    full = "full"
    limited = "limited"
    none = "none"
    unknown = "unknown"


class MembershipRole(StrEnum):
    coordinator = "coordinator"
    partner_editor = "partner_editor"
    viewer = "viewer"

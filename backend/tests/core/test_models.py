"""New rows built for Core inserts carry the model's own defaults."""

import uuid

import pytest

from accord.core.models import new_row
from accord.partners.models import PartnerStageChange


def test_a_new_row_gets_the_models_defaults_fresh_each_time() -> None:
    partner_id = uuid.uuid4()
    first = new_row(PartnerStageChange, partner_id=partner_id, to_stage="met")
    second = new_row(PartnerStageChange, partner_id=partner_id, to_stage="met")
    assert first["id"] != second["id"]  # a factory is called per row, not shared
    assert first["note"] is None and first["from_stage"] is None
    assert first["changed_at"].tzinfo is not None


def test_a_new_row_without_a_required_value_is_refused() -> None:
    with pytest.raises(TypeError, match="to_stage"):
        new_row(PartnerStageChange, partner_id=uuid.uuid4())

"""Referrals are most of a busy network's writes; the directory is not built from them, so
its kept pages and records stay kept through them, and a change to a partner shows at once."""

from typing import Any

import pytest

from accord.partners import service as partners
from tests.referrals.conftest import Referrals


def test_referrals_leave_the_directory_kept(
    net: Referrals, monkeypatch: pytest.MonkeyPatch
) -> None:
    base = f"/api/v1/networks/{net.world.a.slug}/partners"
    headers = net.world.viewer.headers
    first = net.client.get(base, headers=headers).json()
    built: list[int] = []
    original = partners.list_partners

    def counted(*args: Any, **kwargs: Any) -> Any:
        built.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(partners, "list_partners", counted)
    referral = net.sent()
    net.moved(referral, net.shelter, "received")
    assert net.client.get(base, headers=headers).json() == first
    assert built == []  # served as kept
    partner = net.world.a_partner
    response = net.client.patch(
        f"{base}/{partner['id']}",
        json={"acronym": "RF"},
        headers=net.world.coordinator.headers | {"If-Match": f'"{partner["version"]}"'},
    )
    assert response.status_code == 200, response.text
    after = net.client.get(base, headers=headers).json()
    assert built == [1]
    assert any(item.get("acronym") == "RF" for item in after["items"])

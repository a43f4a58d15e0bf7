import { Select, Text } from '@mantine/core';
import { IconBuildingCommunity } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

import type { MyMembership } from '@/client';

/** Shown as a select when the user belongs to several networks, as plain text otherwise. */
export function NetworkSwitcher({
  memberships,
  current,
  onChange,
}: {
  memberships: MyMembership[];
  current: string | undefined;
  onChange: (network: string) => void;
}) {
  const { t } = useTranslation();
  const active = memberships.find((m) => m.network === current);
  if (memberships.length <= 1) {
    return active ? (
      <Text size="sm" fw={600} lineClamp={2} data-testid="network-name">
        {active.network_name}
      </Text>
    ) : null;
  }
  return (
    <Select
      aria-label={t('network.switch')}
      data={memberships.map((m) => ({ value: m.network, label: m.network_name }))}
      value={current ?? null}
      placeholder={t('network.choose')}
      onChange={(value) => value && value !== current && onChange(value)}
      allowDeselect={false}
      leftSection={<IconBuildingCommunity size={16} aria-hidden="true" />}
      maw={320}
      data-testid="network-switcher"
    />
  );
}

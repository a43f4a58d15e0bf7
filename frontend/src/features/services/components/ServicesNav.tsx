import { Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { ButtonLink } from '@/components/links';

export function ServicesNav({ network, current }: { network: string; current: 'services' | 'routes' | 'beds' | 'health' | 'map' }) {
  const { t } = useTranslation();
  const links = [
    { key: 'services', to: '/n/$network/services', label: t('nav.services') },
    { key: 'routes', to: '/n/$network/services/routes', label: t('nav.routeFinder') },
    { key: 'beds', to: '/n/$network/services/beds', label: t('bedsTonight.nav') },
    { key: 'health', to: '/n/$network/services/health', label: t('nav.pathwayHealth') },
    { key: 'map', to: '/n/$network/services/map', label: t('nav.pathwayMap') },
  ] as const;
  return (
    <Group gap="xs" mb="md" component="nav" aria-label={t('nav.servicesSection')} className="no-print">
      {links.map((link) => (
        <ButtonLink
          key={link.key}
          to={link.to}
          params={{ network }}
          size="xs"
          variant={current === link.key ? 'light' : 'subtle'}
          c="dark.9"
          fw={current === link.key ? 700 : 500}
          aria-current={current === link.key ? 'page' : undefined}
        >
          {link.label}
        </ButtonLink>
      ))}
    </Group>
  );
}

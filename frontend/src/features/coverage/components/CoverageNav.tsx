import { Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { ButtonLink } from '@/components/links';

import type { CoverageSearch } from '../api/search';

/** The three coverage screens, side by side under the page title. */
/** The matrix and the gaps share their filters: moving between them keeps the view. */
export function CoverageNav({ network, current, search = {} }: { network: string; current: 'matrix' | 'gaps' | 'roles'; search?: CoverageSearch }) {
  const { t } = useTranslation();
  const links = [
    { key: 'matrix', to: '/n/$network/coverage', label: t('nav.coverageMatrix') },
    { key: 'gaps', to: '/n/$network/coverage/gaps', label: t('nav.coverageGaps') },
    { key: 'roles', to: '/n/$network/coverage/roles', label: t('nav.roleCatalogue') },
  ] as const;
  return (
    <Group gap="xs" mb="md" component="nav" aria-label={t('nav.coverage')}>
      {links.map((link) => (
        <ButtonLink
          key={link.key}
          to={link.to}
          params={{ network }}
          search={link.key === 'roles' ? {} : search}
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

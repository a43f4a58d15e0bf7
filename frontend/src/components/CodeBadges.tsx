import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { Sector, Stage } from '@/lib/vocabulary';

// Stage colour always comes with its label (never colour alone).
const STAGE_COLOURS: Record<Stage, string> = {
  identified: 'gray',
  approached: 'blue',
  met: 'cyan',
  roundtable: 'indigo',
  agreement_drafting: 'violet',
  agreement_signed: 'grape',
  active: 'teal',
  dormant: 'yellow',
  withdrawn: 'dark',
};

export function stageColour(stage: Stage): string {
  return STAGE_COLOURS[stage];
}

export function StageBadge({ stage }: { stage: Stage }) {
  const { t } = useTranslation();
  return (
    <Badge color={STAGE_COLOURS[stage]} variant="light" styles={{ label: { color: 'var(--mantine-color-dark-8)' } }}>
      {t(`stage.${stage}`)}
    </Badge>
  );
}

export function SectorBadge({ sector }: { sector: Sector }) {
  const { t } = useTranslation();
  return (
    <Badge color="gray" variant="outline" styles={{ label: { color: 'var(--mantine-color-gray-8)' } }}>
      {t(`sector.${sector}`)}
    </Badge>
  );
}

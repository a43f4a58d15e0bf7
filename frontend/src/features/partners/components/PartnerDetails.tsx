import { Anchor, Badge, Group, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { PartnerPublic } from '@/client';
import { Fact } from '@/components/Fact';
import { useFormat } from '@/lib/format';
import { useNames } from '@/lib/use-names';

function BadgeList({ values, empty }: { values: string[]; empty: string }) {
  if (values.length === 0) return <>{empty}</>;
  return (
    <Group gap={6} component="span">
      {values.map((value) => (
        <Badge key={value} color="gray" variant="light" styles={{ label: { color: 'var(--mantine-color-gray-9)' } }}>
          {value}
        </Badge>
      ))}
    </Group>
  );
}

export function PartnerDetails({ partner }: { partner: PartnerPublic }) {
  const { t } = useTranslation();
  const format = useFormat();
  const names = useNames();
  const none = t('common.none');
  const safeWebsite = partner.website && /^https?:\/\//i.test(partner.website) ? partner.website : null;
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="details-title">
      <Title order={2} size="h4" id="details-title" mb="md">
        {t('partner.details')}
      </Title>
      {partner.description && (
        <Text mb="md" style={{ whiteSpace: 'pre-line' }}>
          {partner.description}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" component="dl" m={0}>
        <Fact label={t('partner.fields.sector')}>{t(`sector.${partner.sector}`)}</Fact>
        <Fact label={t('partner.fields.level')}>{t(`level.${partner.level}`)}</Fact>
        <Fact label={t('partner.fields.acronym')}>{partner.acronym ?? none}</Fact>
        <Fact label={t('partner.fields.website')}>
          {safeWebsite ? (
            <Anchor href={safeWebsite} target="_blank" rel="noopener noreferrer" style={{ overflowWrap: 'anywhere' }}>
              {safeWebsite}
            </Anchor>
          ) : (
            (partner.website ?? none)
          )}
        </Fact>
        <Fact label={t('partner.fields.populations')}>
          <BadgeList values={partner.populations.map((code) => t(`population.${code}`))} empty={none} />
        </Fact>
        <Fact label={t('partner.fields.languages')}>
          <BadgeList values={partner.languages.map(names.language)} empty={none} />
        </Fact>
        <Fact label={t('partner.fields.areas')}>
          <BadgeList values={partner.areas.map(names.area)} empty={none} />
        </Fact>
        <Fact label={t('partner.fields.tags')}>
          <BadgeList values={partner.tags} empty={none} />
        </Fact>
        <Fact label={t('partner.fields.created')}>{format.dateTime(partner.created_at)}</Fact>
        <Fact label={t('partner.fields.updated')}>{format.dateTime(partner.updated_at)}</Fact>
      </SimpleGrid>
    </Paper>
  );
}

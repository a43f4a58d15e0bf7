import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * Under a list loaded page by page: how many are shown of how many in all, and the next
 * page on request, so a long list is never cut short without saying so.
 */
export function ListMore({
  shown,
  total,
  hasMore,
  loading,
  onMore,
}: {
  shown: number;
  total: number;
  hasMore: boolean;
  loading: boolean;
  onMore: () => void;
}) {
  const { t } = useTranslation();
  if (!hasMore && shown >= total) return null;
  return (
    <Group gap="sm">
      <Text size="sm" c="dimmed">
        {t('common.shownOfTotal', { shown, total })}
      </Text>
      {hasMore && (
        <Button size="xs" variant="default" loading={loading} onClick={onMore}>
          {t('common.showMore')}
        </Button>
      )}
    </Group>
  );
}

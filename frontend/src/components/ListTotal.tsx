import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

type CountedPages<T> = { pages: { items: T[]; total: number }[] };

/** Every item of the pages loaded so far, and how many there are in all. */
export function loadedPages<T>(data: CountedPages<T> | undefined): { items: T[]; total: number } {
  return { items: data?.pages.flatMap((page) => page.items) ?? [], total: data?.pages[0]?.total ?? 0 };
}

/**
 * Under a list loaded page by page (an infinite query): how many are shown of how many in
 * all, and the next page on request, so a long list is never cut short without saying so.
 */
export function ListMore({
  query,
  shown,
  total,
}: {
  query: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => Promise<unknown> };
  shown: number;
  total: number;
}) {
  const { t } = useTranslation();
  if (!query.hasNextPage && shown >= total) return null;
  return (
    <Group gap="sm">
      <Text size="sm" c="dimmed">
        {t('common.shownOfTotal', { shown, total })}
      </Text>
      {query.hasNextPage && (
        <Button size="xs" variant="default" loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
          {t('common.showMore')}
        </Button>
      )}
    </Group>
  );
}

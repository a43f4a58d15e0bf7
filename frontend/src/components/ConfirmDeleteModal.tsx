import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Asks before something is deleted: what will go, Cancel, and the destructive action. */
export function ConfirmDeleteModal({
  opened,
  onClose,
  title,
  message,
  actionLabel,
  onConfirm,
  loading,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  message: string;
  actionLabel: string;
  onConfirm: () => void;
  loading: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Modal closeButtonProps={{ 'aria-label': t('common.close') }} opened={opened} onClose={onClose} title={title}>
      <Stack gap="md">
        <Text>{message}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="#a63a0c" onClick={onConfirm} loading={loading}>
            {actionLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

import { notifications } from '@mantine/notifications';

import i18n from '@/lib/i18n';

/** A short confirmation; status uses text and a calm colour, and its close button is labelled. */
export function notify(message: string, kind: 'success' | 'problem' = 'success') {
  notifications.show({
    message,
    color: kind === 'success' ? 'teal.9' : 'orange.9',
    autoClose: 4000,
    closeButtonProps: { 'aria-label': i18n.t('common.close') },
  });
}

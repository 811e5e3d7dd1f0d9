/**
 * The short confirmations of the limits screens (toasts), with a labelled close button: Mantine's close
 * button has no text of its own, and an unlabelled button is an accessibility failure.
 */
import { notifications } from '@mantine/notifications';
import i18next from 'i18next';

export function notify(message: string, isError = false): void {
  notifications.show({
    color: isError ? 'red' : 'teal',
    message,
    autoClose: 5000,
    closeButtonProps: { 'aria-label': i18next.t('alertCentre.close') },
  });
}

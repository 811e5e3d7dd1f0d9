/**
 * Small pieces shared by the alert centre's rows: the severity badge, the chip of one kind of alert and the
 * deadline with its distance to today. Text colours are the palette's darkest shades (or darker) because
 * Mantine's light badges tint their background: the default light text (orange.6 on orange 10 %) is about
 * 2.5:1, below the 4.5:1 WCAG AA asks for small text.
 */
import { Badge, Stack, Text } from '@mantine/core';
import { IconAlertOctagon, IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AlertCode, AlertSeverity } from '../../../shared/domain/alerts';
import { formatDate } from '../../lib/format';
import { daysUntil } from './alert-view';

export const SEVERITY_STYLE: Readonly<
  Record<AlertSeverity, { color: string; textColor: string; icon: typeof IconAlertOctagon }>
> = {
  // red.9 #c92a2a: 5.5:1 on white, 4.9:1 on the light badge tint.
  critical: { color: 'red', textColor: 'red.9', icon: IconAlertOctagon },
  // orange.9 #d9480f is only 4.3:1 on white: a burnt orange #9a3b00, 6.9:1 on white, 6:1 on the tint.
  warning: { color: 'orange', textColor: '#9a3b00', icon: IconAlertTriangle },
  // blue.9 #1864ab: 6.3:1 on white, 5.5:1 on the tint.
  info: { color: 'blue', textColor: 'blue.9', icon: IconInfoCircle },
};

export function SeverityBadge({ severity }: { readonly severity: AlertSeverity }) {
  const { t } = useTranslation();
  const style = SEVERITY_STYLE[severity];
  const Icon = style.icon;
  return (
    <Badge
      color={style.color}
      c={style.textColor}
      variant="light"
      leftSection={<Icon size={14} aria-hidden />}
      style={{ textTransform: 'none' }}
    >
      {t(`alertCentre.severity.${severity}`)}
    </Badge>
  );
}

export function KindChip(props: {
  readonly code: AlertCode;
  readonly severity: AlertSeverity;
  readonly count: number;
}) {
  const { t } = useTranslation();
  const style = SEVERITY_STYLE[props.severity];
  return (
    <Badge
      color={style.color}
      c={style.textColor}
      variant="outline"
      size="sm"
      radius="sm"
      style={{ textTransform: 'none', fontWeight: 600 }}
    >
      {t(`alertCentre.chip.${props.code}`, { count: props.count })}
    </Badge>
  );
}

/** « 30/11/2026 » over « dans 5 jours » / « dépassée depuis 3 jours » (in dark red and bold once passed). */
export function Deadline(props: { readonly deadline: string | undefined; readonly today: string }) {
  const { t } = useTranslation();
  if (props.deadline === undefined) {
    return (
      <Text size="sm" c="dimmed">
        {t('alertCentre.noDeadline')}
      </Text>
    );
  }
  const days = daysUntil(props.deadline, props.today);
  const relative =
    days > 0
      ? t('alertCentre.deadlineIn', { count: days })
      : days === 0
        ? t('alertCentre.deadlineToday')
        : t('alertCentre.deadlinePassed', { count: -days });
  return (
    <Stack gap={0}>
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        {formatDate(props.deadline)}
      </Text>
      <Text
        size="xs"
        fw={days <= 0 ? 700 : 400}
        c={days < 0 ? 'red.9' : days <= 7 ? SEVERITY_STYLE.warning.textColor : 'dimmed'}
        style={{ whiteSpace: 'nowrap' }}
      >
        {relative}
      </Text>
    </Stack>
  );
}

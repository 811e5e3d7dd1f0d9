import { Text } from '@mantine/core';
import type { MantineSize } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LimitSource } from '../../../shared/commands/entities';
import type { Cents } from '../../../shared/domain/types';
import { formatMoney } from '../../lib/format';

/** The words under the amount for a source, or none for a plain named limit. */
function noteKey(source: LimitSource, coveredCents: Cents): string | undefined {
  switch (source) {
    case 'named':
      return undefined;
    case 'discretionary':
      return 'discretionary';
    case 'unnamed':
      return 'unnamed';
    case 'top-up':
      return 'topUp';
    case 'none':
      // Figures that look contradictory (no limit, yet covered): say why — shipments made while a limit was
      // in force keep it (cover.ts).
      return coveredCents > 0 ? 'priorCover' : undefined;
  }
}

/**
 * The limit in force as a finance user reads it: « 10 000,00 € » with a small « non dénommé » note when it
 * is the policy's unnamed threshold rather than a named limit (likewise discretionary, top-up alone), or
 * « Sans garantie » when nothing covers new shipments. `source` is undefined only for an aggregate stored
 * before the field existed (until the start-up refresh): the amount alone is shown then.
 */
export function LimitAmount({
  limitCents,
  source,
  coveredCents,
  size = 'sm',
  align = 'right',
  isNoteWrapped = false,
}: {
  readonly limitCents: Cents;
  readonly source: LimitSource | undefined;
  readonly coveredCents: Cents;
  readonly size?: MantineSize;
  readonly align?: 'left' | 'right';
  /** Let the note wrap (a narrow figure card); in tables it stays on one line. */
  readonly isNoteWrapped?: boolean;
}) {
  const { t } = useTranslation();
  const isNone = source === 'none';
  const key = source === undefined ? undefined : noteKey(source, coveredCents);
  const hint =
    key !== undefined
      ? t(`clients.limitSourceHint.${key}`)
      : isNone
        ? t('clients.limitSourceHint.none')
        : undefined;
  return (
    <span title={hint} style={{ display: 'inline-block', textAlign: align, lineHeight: 1.2 }}>
      <Text span size={size} fw="inherit" c={isNone ? 'dimmed' : undefined} style={{ display: 'block' }}>
        {isNone ? t('clients.limitSource.none') : formatMoney(limitCents)}
      </Text>
      {key === undefined ? null : (
        <Text
          span
          size="xs"
          c="dimmed"
          fw={400}
          style={{ display: 'block', whiteSpace: isNoteWrapped ? 'normal' : 'nowrap' }}
        >
          {t(`clients.limitSource.${key}`)}
        </Text>
      )}
    </span>
  );
}

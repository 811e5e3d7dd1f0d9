import { Box } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Cents } from '../../../shared/domain/types';
import { formatMoney } from '../../lib/format';
import { exposureBarGeometry } from './clients-list';

/**
 * Exposure against the limit: the covered part, then the uncovered part, on a scale of max(limit, exposure),
 * with a mark where the limit stands. The figures are given in words to assistive technologies.
 */
export function ExposureBar(props: {
  readonly exposureCents: Cents;
  readonly coveredCents: Cents;
  readonly uncoveredCents: Cents;
  readonly limitCents: Cents;
}) {
  const { t } = useTranslation();
  const geometry = exposureBarGeometry(props);
  const figures = {
    exposure: formatMoney(props.exposureCents),
    covered: formatMoney(props.coveredCents),
    uncovered: formatMoney(props.uncoveredCents),
  };
  const label =
    props.limitCents > 0
      ? t('clients.bar.label', { ...figures, limit: formatMoney(props.limitCents) })
      : t('clients.bar.labelNoLimit', figures);
  return (
    <Box
      role="img"
      aria-label={label}
      title={label}
      pos="relative"
      h={10}
      w="100%"
      miw={90}
      bg="gray.2"
      style={{ borderRadius: 5, overflow: 'hidden' }}
    >
      <Box
        pos="absolute"
        left={0}
        top={0}
        h="100%"
        bg="teal.7"
        style={{ width: `${geometry.coveredPct}%` }}
      />
      <Box
        pos="absolute"
        top={0}
        h="100%"
        bg="red.7"
        style={{ left: `${geometry.coveredPct}%`, width: `${geometry.uncoveredPct}%` }}
      />
      {geometry.limitPct !== null && geometry.limitPct < 100 ? (
        <Box
          pos="absolute"
          top={0}
          h="100%"
          w={2}
          bg="dark.7"
          style={{ left: `calc(${geometry.limitPct}% - 1px)` }}
        />
      ) : null}
    </Box>
  );
}

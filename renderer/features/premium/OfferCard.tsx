/**
 * One offer of the comparison: its label, its pricing formula (premium.ts kinds) and conditions, filled by hand
 * or from an insurer-profile preset or the workspace's own policy.
 */
import {
  ActionIcon,
  Button,
  Card,
  Group,
  Menu,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconChevronDown, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Policy } from '../../../shared/domain/policy';
import { POLICY_PRESETS } from '../../../shared/domain/policy-presets';
import { useLanguage } from '../clients/use-language';
import {
  OFFER_KINDS,
  offerValuesFromPolicy,
  offerValuesFromPreset,
  type OfferKind,
  type SimulationDraft,
} from './simulation-model';

export function OfferCard(props: {
  readonly form: UseFormReturnType<SimulationDraft>;
  readonly index: number;
  readonly letter: string;
  readonly policy: Policy;
  readonly isBest: boolean;
  readonly canRemove: boolean;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { form, index, letter } = props;
  const offer = form.values.offers[index];
  if (offer === undefined) return null;
  const path = `offers.${index}`;
  const field = (name: string) => {
    const input = form.getInputProps(`${path}.${name}`);
    const error: unknown = input['error'];
    return { ...input, error: typeof error === 'string' ? t(error) : undefined };
  };
  const money = { decimalSeparator: ',', thousandSeparator: ' ', min: 0, decimalScale: 2, suffix: ' €' };
  const pct = { decimalSeparator: ',', min: 0, max: 100, decimalScale: 2, suffix: ' %' };
  const prefix = t('premium.offer.prefix', { letter });
  const kindLabel = (kind: OfferKind): string => {
    switch (kind) {
      case 'turnover-rate':
        return t('premium.offer.kinds.turnoverRate');
      case 'turnover-band':
        return t('premium.offer.kinds.turnoverBand');
      case 'outstanding-rate':
        return t('premium.offer.kinds.outstandingRate');
    }
  };
  return (
    <Card
      withBorder
      radius="lg"
      padding="lg"
      component="section"
      aria-label={offer.label}
      style={props.isBest ? { borderColor: 'var(--mantine-color-teal-6)', borderWidth: 2 } : undefined}
    >
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Menu position="bottom-start" withinPortal>
            <Menu.Target>
              <Button variant="light" size="xs" rightSection={<IconChevronDown size={14} aria-hidden />}>
                {t('premium.offer.fillFrom', { letter })}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item
                onClick={() => {
                  form.setFieldValue(
                    path,
                    offerValuesFromPolicy(
                      props.policy,
                      offer.id,
                      `${prefix} — ${t('premium.offer.myPolicy')}`,
                    ),
                  );
                }}
              >
                {t('premium.offer.fromPolicy')}
              </Menu.Item>
              <Menu.Divider />
              {POLICY_PRESETS.map((preset) => (
                <Menu.Item
                  key={preset.id}
                  onClick={() => {
                    form.setFieldValue(
                      path,
                      offerValuesFromPreset(preset, offer.id, `${prefix} — ${preset.label[lang]}`),
                    );
                  }}
                >
                  {preset.label[lang]}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
          {props.canRemove ? (
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('premium.offer.remove', { label: offer.label })}
              onClick={() => {
                form.removeListItem('offers', index);
              }}
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          ) : null}
        </Group>
        <TextInput label={t('premium.offer.label', { letter })} {...field('label')} />
        <Select
          label={t('premium.offer.kind', { letter })}
          data={OFFER_KINDS.map((kind) => ({ value: kind, label: kindLabel(kind) }))}
          allowDeselect={false}
          {...field('kind')}
        />
        <SimpleGrid cols={2} spacing="sm">
          {offer.kind === 'turnover-band' ? null : (
            <>
              <NumberInput
                label={t(
                  offer.kind === 'turnover-rate' ? 'premium.offer.rate' : 'premium.offer.rateOutstanding',
                  {
                    letter,
                  },
                )}
                {...pct}
                decimalScale={3}
                {...field('ratePercent')}
              />
              <NumberInput
                label={t('premium.offer.minimum', { letter })}
                {...money}
                {...field('minimumPremium')}
              />
            </>
          )}
          <NumberInput
            label={t('premium.offer.monitoringFee', { letter })}
            {...money}
            {...field('monitoringFee')}
          />
          <NumberInput
            label={t('premium.offer.multiple', { letter })}
            decimalSeparator=","
            min={0}
            suffix=" ×"
            {...field('maxLiabilityMultiple')}
          />
          <NumberInput label={t('premium.offer.quotity', { letter })} {...pct} {...field('quotityPercent')} />
          <NumberInput
            label={t('premium.offer.deductible', { letter })}
            {...money}
            {...field('deductible')}
          />
        </SimpleGrid>
        {offer.kind === 'turnover-band' ? (
          <Stack gap="xs">
            <Text size="sm" fw={500}>
              {t('premium.offer.bands')}
            </Text>
            {offer.bands.map((_, bandIndex) => (
              <Group key={bandIndex} gap="xs" align="flex-end" wrap="nowrap">
                <NumberInput
                  label={t('premium.offer.bandUpTo', { n: bandIndex + 1 })}
                  placeholder={t('premium.offer.noLimit')}
                  {...money}
                  {...field(`bands.${bandIndex}.upTo`)}
                />
                <NumberInput
                  label={t('premium.offer.bandPrice', { n: bandIndex + 1 })}
                  {...money}
                  {...field(`bands.${bandIndex}.price`)}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  mb={4}
                  aria-label={t('premium.offer.removeBand', { n: bandIndex + 1 })}
                  onClick={() => {
                    form.removeListItem(`${path}.bands`, bandIndex);
                  }}
                >
                  <IconTrash size={14} aria-hidden />
                </ActionIcon>
              </Group>
            ))}
            {typeof field('bands').error === 'string' ? (
              <Text size="xs" c="red">
                {field('bands').error}
              </Text>
            ) : null}
            <Button
              variant="subtle"
              size="xs"
              leftSection={<IconPlus size={14} aria-hidden />}
              onClick={() => {
                form.insertListItem(`${path}.bands`, { upTo: '', price: 0 });
              }}
            >
              {t('premium.offer.addBand')}
            </Button>
          </Stack>
        ) : null}
      </Stack>
    </Card>
  );
}

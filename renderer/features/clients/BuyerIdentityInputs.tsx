/**
 * The identity inputs of a buyer, shared by « Nouveau client » and « Modifier » so both ask the same
 * questions with the same help: name, SIREN, SIRET, NAF, country, payment terms (+ `children`, e.g. the
 * insurer's grade, in the same grid).
 */
import { NumberInput, SimpleGrid, TextInput } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type BuyerIdentityField = 'name' | 'siren' | 'siret' | 'naf' | 'country' | 'paymentTermsDays';

export function BuyerIdentityInputs({
  inputProps,
  columns,
  children,
}: {
  /** The form's `getInputProps`, for the fields above. */
  readonly inputProps: (field: BuyerIdentityField) => GetInputPropsReturnType;
  readonly columns: number;
  readonly children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput label={t('buyer.fields.name')} withAsterisk data-autofocus {...inputProps('name')} />
      <SimpleGrid cols={{ base: 1, sm: columns }} spacing="sm">
        <TextInput
          label={t('buyer.fields.siren')}
          description={t('buyer.fields.sirenHint')}
          {...inputProps('siren')}
        />
        <TextInput
          label={t('buyer.fields.siret')}
          description={t('buyer.fields.siretHint')}
          {...inputProps('siret')}
        />
        <TextInput
          label={t('buyer.fields.naf')}
          description={t('buyer.fields.nafHint')}
          {...inputProps('naf')}
        />
        <TextInput
          label={t('buyer.fields.country')}
          description={t('buyer.fields.countryHint')}
          maxLength={2}
          {...inputProps('country')}
        />
        <NumberInput
          label={t('buyer.fields.paymentTerms')}
          description={t('buyer.fields.paymentTermsHint')}
          suffix={` ${t('buyer.daysUnit')}`}
          min={0}
          max={365}
          allowDecimal={false}
          allowNegative={false}
          {...inputProps('paymentTermsDays')}
        />
        {children}
      </SimpleGrid>
    </>
  );
}

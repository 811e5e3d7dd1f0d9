/**
 * A date typed the French way (JJ/MM/AAAA) whatever the browser's language: the native date input shows
 * the operating system's format (MM/DD/YYYY on an English system). The value handed out is ISO when the
 * text is a real date, else the text as typed, so the form's validation reports it.
 */
import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TextInputProps } from '@mantine/core';
import { isIsoDate } from '../../shared/domain/dates';

/** « 27/12/2026 » (also 27.12.2026, 27-12-2026) → « 2026-12-27 »; anything else → `null`. */
export function isoOfFrench(text: string): string | null {
  const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text.trim());
  if (match === null) return null;
  const iso = `${match[3] ?? ''}-${(match[2] ?? '').padStart(2, '0')}-${(match[1] ?? '').padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

export function frenchOfIso(value: string): string {
  return isIsoDate(value) ? `${value.slice(8, 10)}/${value.slice(5, 7)}/${value.slice(0, 4)}` : value;
}

export function DateField(
  props: Omit<TextInputProps, 'value' | 'onChange'> & {
    readonly value: string;
    readonly onChange: (value: string) => void;
  },
) {
  const { value, onChange, ...rest } = props;
  const { t } = useTranslation();
  return (
    <TextInput
      // The help below the box, so that date fields side by side stay aligned whatever their help text.
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      {...rest}
      placeholder={t('common.datePlaceholder')}
      inputMode="numeric"
      value={frenchOfIso(value)}
      onChange={(event) => {
        const text = event.currentTarget.value;
        onChange(isoOfFrench(text) ?? text);
      }}
    />
  );
}

/** Words for the forms' coded field errors: each message names the field it is about, in the UI language. */
import type { TFunction } from 'i18next';
import type { LocalizedText } from '../../../shared/domain/types';
import type { FieldError } from './invoice-form-model';

export function fieldErrorText(t: TFunction, code: FieldError, fieldLabel: string): string {
  return t(`invoices.errors.${code}`, { field: fieldLabel });
}

/** Turns `{ field: code }` into Mantine form errors, each message naming the field by its label. */
export function formErrors<F extends string>(
  t: TFunction,
  errors: Partial<Record<F, FieldError>>,
  fields: readonly F[],
  labelOf: (field: F) => string,
): Partial<Record<F, string>> {
  const result: Partial<Record<F, string>> = {};
  for (const field of fields) {
    const code = errors[field];
    if (code !== undefined) result[field] = fieldErrorText(t, code, labelOf(field));
  }
  return result;
}

/** A command's rejection in the UI language (commands carry both). */
export function inLanguage(message: LocalizedText, language: string): string {
  return language.startsWith('en') ? message.en : message.fr;
}

/**
 * Coded errors of the local store. The UI switches on `code`; each code has a French sentence (and its
 * English equivalent) that tells the user what to do.
 */
import type { RejectionCode } from '../../shared/commands/define';
import type { LocalizedText } from '../../shared/domain/types';

export type StoreErrorCode =
  RejectionCode | 'invalid-args' | 'storage-full' | 'storage-error' | 'database-newer-than-app';

export type StoreError = { readonly code: StoreErrorCode; readonly message: LocalizedText };

export const STORAGE_FULL: StoreError = {
  code: 'storage-full',
  message: {
    fr: "L'espace disque est plein : rien n'a été enregistré. Libérez de la place sur le disque puis recommencez.",
    en: 'The disk is full: nothing was saved. Free some disk space and try again.',
  },
};

export const DATABASE_NEWER_THAN_APP: StoreError = {
  code: 'database-newer-than-app',
  message: {
    fr: "Cette base a été créée par une version plus récente d'Encours : mettez l'application à jour pour l'ouvrir. Rien n'a été modifié.",
    en: 'This database was created by a newer version of Encours: update the application to open it. Nothing was changed.',
  },
};

export function storageError(detail: string): StoreError {
  return {
    code: 'storage-error',
    message: {
      fr: `L'enregistrement a échoué et n'a rien modifié (${detail}). Réessayez ; si cela persiste, redémarrez l'application.`,
      en: `Saving failed and changed nothing (${detail}). Try again; if it persists, restart the application.`,
    },
  };
}

/** Thrown only where a value cannot be returned (opening a database); carries the coded error. */
export class StoreFailure extends Error {
  readonly error: StoreError;
  constructor(error: StoreError) {
    super(error.message.en);
    this.name = 'StoreFailure';
    this.error = error;
  }
}

function nested(error: object): unknown {
  if ('inner' in error && error.inner !== undefined && error.inner !== null) return error.inner;
  if ('cause' in error) return error.cause;
  return undefined;
}

/** True for a quota / disk-full error, however deeply Dexie wrapped it. */
export function hasErrorName(error: unknown, name: string): boolean {
  let current = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    if ('name' in current && current.name === name) return true;
    current = nested(current);
  }
  return false;
}

export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

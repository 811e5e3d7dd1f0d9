/**
 * The sync engine's coded failures. The UI switches on `code` (never on message text); each code carries a
 * French sentence that tells the user what happens or what to do, and its English equivalent.
 */
import type { LocalizedText } from '../../shared/domain/types';

export type SyncFailureCode =
  | 'offline'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'sequence-gap'
  | 'cursor-too-old'
  | 'body-too-large'
  | 'version-not-supported'
  | 'rate-limited'
  | 'server-error'
  | 'invalid-request'
  | 'invalid-response'
  | 'local-error';

export type SyncFailure = {
  readonly code: SyncFailureCode;
  readonly message: LocalizedText;
  /** Only for `rate-limited`: the server's Retry-After, in milliseconds. */
  readonly retryAfterMs?: number;
  /** The HTTP status, when there was an answer (diagnostics only). */
  readonly status?: number;
};

export function syncMessage(code: SyncFailureCode): LocalizedText {
  switch (code) {
    case 'offline':
      return {
        fr: 'Serveur injoignable : vos saisies restent sur ce poste et partiront dès le retour de la connexion.',
        en: 'Server unreachable: your changes stay on this computer and will be sent once the connection is back.',
      };
    case 'unauthorized':
      return {
        fr: "L'accès de ce poste a été révoqué ou a expiré : reconnectez-le avec un nouveau code d'invitation. Vos saisies non envoyées sont conservées.",
        en: 'This device token was revoked or has expired: reconnect it with a new invite code. Your unsent changes are kept.',
      };
    case 'forbidden':
      return {
        fr: "Ce poste n'a plus accès à cet espace de travail : demandez une invitation à son propriétaire.",
        en: 'This device no longer has access to this workspace: ask its owner for an invite.',
      };
    case 'not-found':
      return {
        fr: "Cet espace de travail n'existe pas sur le serveur : vérifiez l'adresse du serveur.",
        en: 'This workspace does not exist on the server: check the server address.',
      };
    case 'sequence-gap':
      return {
        fr: "Le serveur n'a pas reçu certaines saisies précédentes : nouvel essai automatique. Si cela persiste, contactez l'administrateur du serveur.",
        en: 'The server missed some earlier changes: retrying automatically. If this persists, contact the server administrator.',
      };
    case 'cursor-too-old':
      return {
        fr: 'Ce poste est resté trop longtemps hors ligne : les données sont rechargées depuis le serveur.',
        en: 'This device was offline for too long: the data is being reloaded from the server.',
      };
    case 'body-too-large':
      return {
        fr: "Une saisie dépasse la taille acceptée par le serveur : elle reste sur ce poste. Demandez à l'administrateur d'augmenter la limite.",
        en: 'A change exceeds the size the server accepts: it stays on this computer. Ask the administrator to raise the limit.',
      };
    case 'version-not-supported':
      return {
        fr: "Le serveur et l'application n'ont pas la même version : mettez à jour l'application (ou le serveur). La synchronisation est en pause, vos saisies sont conservées.",
        en: 'The server and the application versions differ: update the application (or the server). Sync is paused; your changes are kept.',
      };
    case 'rate-limited':
      return {
        fr: 'Le serveur est très sollicité : nouvel essai dans quelques instants.',
        en: 'The server is busy: retrying in a moment.',
      };
    case 'server-error':
      return {
        fr: 'Le serveur a rencontré une erreur : nouvel essai automatique.',
        en: 'The server hit an error: retrying automatically.',
      };
    case 'invalid-request':
      return {
        fr: "Le serveur a refusé une requête de ce poste : mettez à jour l'application.",
        en: 'The server refused a request from this device: update the application.',
      };
    case 'invalid-response':
      return {
        fr: "La réponse du serveur est illisible : vérifiez l'adresse du serveur.",
        en: 'The server answer could not be read: check the server address.',
      };
    case 'local-error':
      return {
        fr: "La base locale n'a pas pu enregistrer les données reçues : nouvel essai automatique. Si cela persiste, redémarrez l'application.",
        en: 'The local database could not store the received data: retrying automatically. If this persists, restart the application.',
      };
  }
}

export function syncFailure(
  code: SyncFailureCode,
  extra: { status?: number; retryAfterMs?: number } = {},
): SyncFailure {
  return { code, message: syncMessage(code), ...extra };
}

/** The failure of an HTTP status (architecture §5 "Errors"). */
export function failureOfStatus(status: number, retryAfterHeader: string | null): SyncFailure {
  switch (status) {
    case 400:
      return syncFailure('invalid-request', { status });
    case 401:
      return syncFailure('unauthorized', { status });
    case 403:
      return syncFailure('forbidden', { status });
    case 404:
      return syncFailure('not-found', { status });
    case 409:
      return syncFailure('sequence-gap', { status });
    case 410:
      return syncFailure('cursor-too-old', { status });
    case 413:
      return syncFailure('body-too-large', { status });
    case 426:
      return syncFailure('version-not-supported', { status });
    case 429:
      return syncFailure('rate-limited', { status, retryAfterMs: retryAfterMs(retryAfterHeader) });
    default:
      return syncFailure(status >= 500 ? 'server-error' : 'invalid-response', { status });
  }
}

/** Retry-After in seconds (or an HTTP date, read against nothing: a date falls back to 1 s). */
function retryAfterMs(header: string | null): number {
  const seconds = header === null ? Number.NaN : Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.ceil(seconds * 1000) : 1000;
}

/** Failures after which the engine stops until the user acts: retrying would change nothing. */
export function isPausing(code: SyncFailureCode): boolean {
  return (
    code === 'unauthorized' ||
    code === 'forbidden' ||
    code === 'not-found' ||
    code === 'version-not-supported' ||
    code === 'body-too-large' ||
    code === 'invalid-request'
  );
}

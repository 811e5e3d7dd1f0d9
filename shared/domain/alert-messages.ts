/**
 * What each alert means and what to do about it, in French (first) and English, with i18next-style
 * placeholders (`{{amount}}`) named after the alert's `params` (see `alerts.ts`). Both languages use exactly
 * the same placeholders for a code (tested), so a translation can never ask for a value the alert lacks.
 *
 * `renderAlert` fills the placeholders for display: amount keys (integer cents) become currency strings and
 * date keys (ISO) become local dates, through `Intl` (pure ECMAScript, no DOM).
 */
import type { Alert, AlertCode } from './alerts';

export type AlertLanguage = 'fr' | 'en';

export type AlertMessage = { readonly title: string; readonly action: string };

export const alertMessages: Readonly<Record<AlertLanguage, Readonly<Record<AlertCode, AlertMessage>>>> = {
  fr: {
    'over-limit': {
      title: 'Limite dépassée',
      action:
        "L'encours ({{exposure}}) dépasse la limite de {{limit}} : {{amount}} ne sont pas couverts. Réduisez l'encours ou demandez une augmentation de limite à l'assureur avant toute nouvelle livraison.",
    },
    'near-limit': {
      title: 'Encours proche de la limite',
      action:
        "L'encours atteint {{ratio}} % de la limite ({{exposure}} sur {{limit}}). Faites encaisser les factures échues ou demandez une augmentation de limite avant les prochaines livraisons.",
    },
    'no-cover': {
      title: 'Encours sans couverture',
      action:
        "Aucune limite n'est en vigueur : sur un encours de {{exposure}}, {{amount}} ne sont pas couverts (les factures livrées sous une limite antérieure restent couvertes). Aucune nouvelle livraison ne sera couverte : demandez une limite à l'assureur ou exigez un paiement comptant avant de livrer.",
    },
    'limit-reduced': {
      title: 'Limite réduite',
      action:
        "L'assureur réduit la limite de {{previousLimit}} à {{limit}} à compter du {{deadline}}. Les livraisons faites après cette date ne sont couvertes que dans la nouvelle limite : adaptez vos livraisons.",
    },
    'limit-cancelled': {
      title: 'Limite résiliée',
      action:
        "L'assureur résilie la limite de {{previousLimit}} à compter du {{deadline}}. Aucune livraison après cette date ne sera couverte : passez au paiement comptant ou à une garantie.",
    },
    'limit-expiring': {
      title: 'Limite bientôt expirée',
      action:
        "La limite de {{limit}} prend fin le {{deadline}}. Demandez son renouvellement à l'assureur avant cette date.",
    },
    'invoice-overdue': {
      title: 'Facture échue impayée',
      action:
        'La facture {{invoice}} ({{amount}}) est en retard de {{days}} jours. Relancez le client ; au-delà du {{deadline}}, les livraisons devront être suspendues.',
    },
    'stop-shipments': {
      title: 'Arrêtez les livraisons',
      action:
        'La facture {{invoice}} ({{amount}}) est impayée au-delà du délai maximum de prorogation (depuis le {{deadline}}). Suspendez les livraisons à ce client : elles ne seraient plus couvertes.',
    },
    'dms-due': {
      title: 'Déclaration de menace de sinistre à faire',
      action:
        'Déclarez la menace de sinistre pour la facture {{invoice}} ({{amount}}) avant le {{deadline}}, sinon la garantie peut être perdue.',
    },
    'dms-missed': {
      title: 'Délai de déclaration de menace de sinistre dépassé',
      action:
        "Le délai de déclaration pour la facture {{invoice}} ({{amount}}) a expiré le {{deadline}}. Contactez l'assureur ou votre courtier sans attendre pour préserver vos droits.",
    },
    'dic-due': {
      title: "Demande d'intervention contentieuse à faire",
      action:
        "Déposez la demande d'intervention contentieuse pour la facture {{invoice}} ({{amount}}) avant le {{deadline}}.",
    },
    'dic-missed': {
      title: "Délai de demande d'intervention contentieuse dépassé",
      action:
        "Le délai de demande d'intervention pour la facture {{invoice}} ({{amount}}) a expiré le {{deadline}}. Contactez l'assureur ou votre courtier sans attendre.",
    },
    'terms-exceeded': {
      title: 'Délai de paiement trop long',
      action:
        "La facture {{invoice}} accorde {{days}} jours de crédit, au-delà des {{maxDays}} jours couverts par le contrat : elle n'est pas assurée. Raccourcissez le délai de paiement.",
    },
    insolvency: {
      title: 'Client en procédure collective',
      action:
        "Le client est en procédure collective ({{procedure}}) depuis le {{judgmentDate}}. Déclarez sans délai la créance de {{amount}} au mandataire et le sinistre à l'assureur ; arrêtez les livraisons.",
    },
  },
  en: {
    'over-limit': {
      title: 'Limit exceeded',
      action:
        'Exposure ({{exposure}}) exceeds the {{limit}} limit: {{amount}} is not covered. Reduce the exposure or ask the insurer for a higher limit before any new shipment.',
    },
    'near-limit': {
      title: 'Exposure near the limit',
      action:
        'Exposure has reached {{ratio}} % of the limit ({{exposure}} of {{limit}}). Collect overdue invoices or ask for a higher limit before the next shipments.',
    },
    'no-cover': {
      title: 'Exposure without cover',
      action:
        'No limit is in force: of an exposure of {{exposure}}, {{amount}} is not covered (invoices shipped under an earlier limit stay covered). No new shipment will be covered: ask the insurer for a limit or require cash payment before shipping.',
    },
    'limit-reduced': {
      title: 'Limit reduced',
      action:
        'The insurer reduces the limit from {{previousLimit}} to {{limit}} from {{deadline}}. Shipments after that date are only covered within the new limit: adjust your shipments.',
    },
    'limit-cancelled': {
      title: 'Limit cancelled',
      action:
        'The insurer cancels the {{previousLimit}} limit from {{deadline}}. No shipment after that date will be covered: switch to cash payment or a guarantee.',
    },
    'limit-expiring': {
      title: 'Limit about to expire',
      action: 'The {{limit}} limit ends on {{deadline}}. Ask the insurer to renew it before that date.',
    },
    'invoice-overdue': {
      title: 'Overdue invoice',
      action:
        'Invoice {{invoice}} ({{amount}}) is {{days}} days overdue. Send a reminder; after {{deadline}} shipments must be stopped.',
    },
    'stop-shipments': {
      title: 'Stop shipments',
      action:
        'Invoice {{invoice}} ({{amount}}) is unpaid beyond the maximum extension period (since {{deadline}}). Stop shipping to this buyer: new shipments would not be covered.',
    },
    'dms-due': {
      title: 'Overdue notification to file',
      action:
        'File the overdue notification for invoice {{invoice}} ({{amount}}) before {{deadline}}, or the cover may be lost.',
    },
    'dms-missed': {
      title: 'Overdue notification deadline missed',
      action:
        'The notification deadline for invoice {{invoice}} ({{amount}}) passed on {{deadline}}. Contact the insurer or your broker at once to protect your rights.',
    },
    'dic-due': {
      title: 'Collection request to file',
      action: 'File the collection request for invoice {{invoice}} ({{amount}}) before {{deadline}}.',
    },
    'dic-missed': {
      title: 'Collection request deadline missed',
      action:
        'The collection request deadline for invoice {{invoice}} ({{amount}}) passed on {{deadline}}. Contact the insurer or your broker at once.',
    },
    'terms-exceeded': {
      title: 'Payment terms too long',
      action:
        'Invoice {{invoice}} grants {{days}} days of credit, beyond the {{maxDays}} days the policy covers: it is not insured. Shorten the payment terms.',
    },
    insolvency: {
      title: 'Buyer in insolvency proceedings',
      action:
        'The buyer has been in insolvency proceedings ({{procedure}}) since {{judgmentDate}}. Declare the {{amount}} claim to the administrator and the loss to the insurer at once; stop shipments.',
    },
  },
};

/** The `{{name}}` placeholders of a message, in order of appearance, without duplicates. */
export function placeholdersOf(text: string): readonly string[] {
  const names: string[] = [];
  for (const match of text.matchAll(/\{\{\s*([A-Za-z]+)\s*\}\}/g)) {
    const name = match[1];
    if (name !== undefined && !names.includes(name)) names.push(name);
  }
  return names;
}

const AMOUNT_KEYS: ReadonlySet<string> = new Set(['amount', 'limit', 'exposure', 'previousLimit']);
const DATE_KEYS: ReadonlySet<string> = new Set(['deadline', 'judgmentDate']);
const LOCALES: Readonly<Record<AlertLanguage, string>> = { fr: 'fr-FR', en: 'en-GB' };

/** A parameter as displayed: cents → currency, ISO date → local date, anything else as is. */
export function formatAlertParam(
  key: string,
  value: string | number,
  language: AlertLanguage,
  currency = 'EUR',
): string {
  if (AMOUNT_KEYS.has(key) && typeof value === 'number') {
    return new Intl.NumberFormat(LOCALES[language], { style: 'currency', currency }).format(value / 100);
  }
  if (DATE_KEYS.has(key) && typeof value === 'string') {
    // Both French and British English write dates day/month/year.
    const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (parts !== null) return `${parts[3] ?? ''}/${parts[2] ?? ''}/${parts[1] ?? ''}`;
  }
  return String(value);
}

/** The title and action of an alert in `language`, placeholders filled with formatted parameters. */
export function renderAlert(alert: Alert, language: AlertLanguage, currency = 'EUR'): AlertMessage {
  const message = alertMessages[language][alert.code];
  const fill = (text: string): string =>
    text.replace(/\{\{\s*([A-Za-z]+)\s*\}\}/g, (whole, name: string) => {
      const value = Object.hasOwn(alert.params, name) ? alert.params[name] : undefined;
      return value === undefined ? whole : formatAlertParam(name, value, language, currency);
    });
  return { title: fill(message.title), action: fill(message.action) };
}

/**
 * Every user mutation, by name. The outbox stores the name; the sync server looks the same command up here
 * and applies it with the same rules.
 */
import { acknowledgeAlert, reopenAlert, snoozeAlert } from './alert-commands';
import { createBuyer, updateBuyer } from './buyer-commands';
import {
  addAttachment,
  addClaimNote,
  openClaimFromInvoices,
  recordClaimEvent,
  removeAttachment,
} from './claim-commands';
import { setCompany } from './company-commands';
import { importLedger } from './import-ledger';
import {
  deleteInvoice,
  recordCreditNote,
  recordInvoice,
  recordPayment,
  setInvoiceDispute,
  updateInvoice,
} from './ledger-commands';
import { recordLimitDecision, setPolicy } from './limit-commands';

export const commands = {
  createBuyer,
  updateBuyer,
  recordInvoice,
  updateInvoice,
  recordPayment,
  recordCreditNote,
  setInvoiceDispute,
  recordLimitDecision,
  setPolicy,
  importLedger,
  deleteInvoice,
  acknowledgeAlert,
  snoozeAlert,
  reopenAlert,
  openClaimFromInvoices,
  recordClaimEvent,
  addClaimNote,
  addAttachment,
  removeAttachment,
  setCompany,
} as const;

export type Commands = typeof commands;
export type CommandName = keyof Commands;
export type AnyCommand = Commands[CommandName];

export function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(commands, name);
}

/**
 * Documents for paper and PDF (letters, simulations, declarations): a document is plain semantic HTML with its
 * own print stylesheet (no Mantine: it must look the same in a PDF, a print preview and a text extraction),
 * rendered into `#print-root` outside the app. On screen `#print-root` is hidden; under `@media print` only it
 * shows (print-document.css).
 *
 * Both modes go through the bridge's `printToPdf` (shared/ipc/contract.ts):
 * - desktop app: the main process prints the window (print media, A4) to PDF and asks where to save it:
 *   `saved` with the path, or `cancelled`;
 * - browser mode: the print dialog (« Enregistrer au format PDF » is offered by every browser): `print-dialog`.
 *
 * Invariant: the last printed document stays mounted (hidden) until the next one replaces it, so an
 * automated test can render the print media of the page and read it back.
 */
import type { ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { bridge } from '../platform/bridge';
import './print-document.css';

export type PrintOutcome =
  | { readonly kind: 'saved'; readonly savedAs: string }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'print-dialog' }
  | { readonly kind: 'error'; readonly message: string };

export type PrintRequest = {
  /** The document itself: plain HTML elements, styled by print-document.css classes. */
  readonly node: ReactNode;
  /** Suggested PDF file name, e.g. `mise-en-demeure-FA-2026-001.pdf`. */
  readonly fileName: string;
  /** The window title while printing (browsers use it as the default PDF name). */
  readonly title: string;
};

let root: Root | null = null;

/** Mounts the document in `#print-root` (created on first use) and returns the element. */
export function mountPrintDocument(node: ReactNode): HTMLElement {
  let container = document.getElementById('print-root');
  if (container === null) {
    container = document.createElement('div');
    container.id = 'print-root';
    document.body.append(container);
  }
  root ??= createRoot(container);
  const mounted = root;
  flushSync(() => {
    mounted.render(node);
  });
  return container;
}

export async function printDocument(request: PrintRequest): Promise<PrintOutcome> {
  mountPrintDocument(request.node);
  const previousTitle = document.title;
  document.title = request.title;
  try {
    const result = await bridge.printToPdf({ suggestedName: safeFileName(request.fileName) });
    if (!result.ok) return { kind: 'error', message: result.error.message };
    if (result.data === null) return { kind: 'cancelled' };
    return result.data.kind === 'saved'
      ? { kind: 'saved', savedAs: result.data.savedAs }
      : { kind: 'print-dialog' };
  } catch (error) {
    return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
  } finally {
    document.title = previousTitle;
  }
}

/** A file name the contract accepts: no path separators (an invoice number may contain a slash). */
export function safeFileName(name: string): string {
  return name.replace(/[\\/]/g, '-').slice(0, 200);
}

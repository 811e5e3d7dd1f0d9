/**
 * The one place that knows whether the app runs in Electron or in a plain browser.
 *
 * In Electron the preload exposes `window.encours` (the contract of shared/ipc); in browser mode the same
 * contract is implemented with web APIs. Every other module imports `bridge` and never tests the platform.
 */
import type { EncoursApi, EncoursEvents } from '../../shared/ipc/contract';
import { createBrowserBridge } from './browser-bridge';

declare global {
  // Declaration merging onto the DOM's Window needs an interface.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface Window {
    readonly encours?: EncoursApi & EncoursEvents;
  }
}

export const bridge: EncoursApi & EncoursEvents = window.encours ?? createBrowserBridge(window);
export const isDesktop = window.encours !== undefined;

/**
 * The preload (sandboxed, built as CommonJS): exposes the contract as `window.encours` and nothing else.
 * Its type is `EncoursApi & EncoursEvents` from shared/ipc/contract.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildEncoursApi } from './api';

contextBridge.exposeInMainWorld('encours', buildEncoursApi(ipcRenderer));

/**
 * The Electron fuses the packaged binary must have (architecture §4). electron-builder.yml's `electronFuses`
 * must say the same thing: a unit test compares the two, and the packaging test reads the flipped wire back
 * from the packaged executable.
 */
export const ELECTRON_FUSES = {
  /** ELECTRON_RUN_AS_NODE would turn the signed app into a general-purpose Node. */
  runAsNode: false,
  /** NODE_OPTIONS could preload arbitrary code. */
  enableNodeOptionsEnvironmentVariable: false,
  /** --inspect would let anyone attach a debugger to the main process. */
  enableNodeCliInspectArguments: false,
  /** Code is loaded only from app.asar, never from a loose `app/` folder planted beside it. */
  onlyLoadAppFromAsar: true,
  /** app.asar is checked against the hash embedded at build time. */
  enableEmbeddedAsarIntegrityValidation: true,
  /** Cookies are encrypted at rest with the OS keychain. */
  enableCookieEncryption: true,
} as const satisfies Record<string, boolean>;

export type ElectronFuseName = keyof typeof ELECTRON_FUSES;

/**
 * What a CLI command may touch: two output streams and a file reader. Commands receive it as a parameter so
 * they can be driven from a test without spawning a process; `nodeIo` is the real one.
 */
import { readFile } from 'node:fs/promises';
import type { LocalizedText } from '../shared/domain/types';

export type CliIo = {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readTextFile: (path: string) => Promise<string>;
};

export const nodeIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readTextFile: (path) => readFile(path, 'utf8'),
};

/** Exit codes shared by every subcommand. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
/** Bad usage or bad input (unreadable file, invalid JSON, a field that does not validate). */
export const EXIT_USAGE = 2;

/** One subcommand of `encours`: its name, a one-line summary, and how to run it. */
export type CliCommand = {
  readonly name: string;
  readonly summary: LocalizedText;
  /** Runs with the arguments after the subcommand name; resolves to the process exit code. */
  readonly run: (args: readonly string[], io: CliIo) => Promise<number>;
};

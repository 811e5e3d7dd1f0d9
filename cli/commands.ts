/**
 * The subcommand table of `encours`. Adding a subcommand (`diagnose`, `serve`, …) means writing its module
 * with a `CliCommand` and listing it here; `encours --help` and dispatch pick it up from this list.
 */
import type { CliCommand } from './io';
import { diagnoseCommand } from './diagnose';
import { serveCommand } from './serve';
import { simulateClaimCommand } from './simulate-claim';

export type { CliCommand };

export const COMMANDS: readonly CliCommand[] = [simulateClaimCommand, diagnoseCommand, serveCommand];

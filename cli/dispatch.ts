/**
 * `encours <subcommand> [args]`: finds the subcommand in the table and runs it; prints the general help for
 * `encours`, `encours --help`, `encours help`. Never calls process.exit: returns the exit code, so output is
 * flushed and the function can be tested in-process.
 */
import { COMMANDS } from './commands';
import { EXIT_OK, EXIT_USAGE } from './io';
import type { CliCommand, CliIo } from './io';

export function generalHelp(commands: readonly CliCommand[] = COMMANDS): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map(
    (c) => `  ${c.name.padEnd(width)}  ${c.summary.fr}\n  ${' '.repeat(width)}  ${c.summary.en}`,
  );
  return [
    'Encours — assurance-crédit : encours, limites, délais de sinistre / trade credit insurance toolkit',
    '',
    'Usage : encours <commande> [options]        encours <commande> --help',
    '',
    'Commandes / commands:',
    ...lines,
    '',
  ].join('\n');
}

export async function main(
  argv: readonly string[],
  io: CliIo,
  commands: readonly CliCommand[] = COMMANDS,
): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? rest[0] : undefined;
    const command = commands.find((c) => c.name === topic);
    if (command !== undefined) return command.run(['--help'], io);
    io.stdout(generalHelp(commands));
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  const command = commands.find((c) => c.name === name);
  if (command === undefined) {
    io.stderr(`Commande inconnue « ${name} » / unknown command "${name}".\n\n${generalHelp(commands)}`);
    return EXIT_USAGE;
  }
  return command.run(rest, io);
}

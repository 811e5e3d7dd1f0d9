/**
 * `encours serve`: starts the team sync server. The server is imported lazily (dynamic `import()`) so the
 * other subcommands never load Fastify or the database drivers. Runs until SIGINT/SIGTERM.
 */
import type * as ServerStart from '../server/src/start';
import type { CliCommand, CliIo } from './io';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from './io';

const HELP = `Usage : encours serve [--data <dossier>] [--port <n>] [--host <adresse>]

Démarre le serveur de synchronisation d'équipe. Données SQLite dans --data (défaut ./encours-data) ;
avec la variable DATABASE_URL, PostgreSQL. Au premier démarrage, affiche un jeton d'installation à usage unique.
Starts the team sync server. SQLite data in --data (default ./encours-data); PostgreSQL when DATABASE_URL is
set. On first start, prints a one-time setup token.
`;

type ServerModule = typeof ServerStart;

/** Loaded on demand only, so the other subcommands never load Fastify or the database drivers. */
async function loadServer(): Promise<ServerModule> {
  return import('../server/src/start');
}

export type ServeOptions = { dataDir: string; port: number; host: string };

/** Parses the options; a string is a usage error to print. */
export function parseServeArgs(args: readonly string[]): ServeOptions | string {
  const options: ServeOptions = { dataDir: './encours-data', port: 8787, host: '127.0.0.1' };
  for (let i = 0; i < args.length; i++) {
    const flag = args[i];
    const value = args[i + 1];
    if (value === undefined) return `Option ${String(flag)} sans valeur / option without a value.`;
    if (flag === '--data') options.dataDir = value;
    else if (flag === '--host') options.host = value;
    else if (flag === '--port') {
      const port = Number(value);
      if (!Number.isInteger(port) || port < 0 || port > 65_535)
        return `Port invalide / invalid port: ${value}`;
      options.port = port;
    } else return `Option inconnue / unknown option: ${String(flag)}`;
    i++;
  }
  return options;
}

async function serve(args: readonly string[], io: CliIo): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(HELP);
    return EXIT_OK;
  }
  const options = parseServeArgs(args);
  if (typeof options === 'string') {
    io.stderr(`${options}\n\n${HELP}`);
    return EXIT_USAGE;
  }
  try {
    const serverModule = await loadServer();
    const server = await serverModule.startServer({
      logger: true,
      dataDir: options.dataDir,
      host: options.host,
      port: options.port,
      ...(process.env.DATABASE_URL === undefined ? {} : { databaseUrl: process.env.DATABASE_URL }),
      print: (line) => {
        io.stdout(`${line}\n`);
      },
    });
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await server.close();
    return EXIT_OK;
  } catch (error) {
    io.stderr(`${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_FAILURE;
  }
}

export const serveCommand: CliCommand = {
  name: 'serve',
  summary: {
    fr: "Démarre le serveur de synchronisation d'équipe (SQLite ou PostgreSQL)",
    en: 'Starts the team sync server (SQLite or PostgreSQL)',
  },
  run: serve,
};

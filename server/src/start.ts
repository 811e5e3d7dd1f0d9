/**
 * Starting a server from configuration: opens the storage (PostgreSQL when `databaseUrl` is set, else SQLite
 * in `dataDir`), prints a one-time setup token while no workspace was ever created, and listens. Shared by
 * `npm run server` (main.ts), `encours serve` (cli/serve.ts) and the tests.
 */
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildServer } from './app';
import type { ServerOptions } from './app';
import { hashSecret, newSecret } from './security';
import { openPostgresStorage } from './storage/postgres';
import { openSqliteStorage } from './storage/sqlite';
import type { Storage } from './storage/storage';

export type StartOptions = Omit<ServerOptions, 'storage'> & {
  readonly dataDir?: string;
  readonly databaseUrl?: string;
  readonly host?: string;
  readonly port?: number;
  /** Where the setup token is printed (stdout by default). */
  readonly print?: (line: string) => void;
};

export type RunningServer = {
  readonly app: FastifyInstance;
  readonly storage: Storage;
  readonly address: string;
  readonly setupToken: string | undefined;
  close(): Promise<void>;
};

export async function openStorage(options: { dataDir?: string; databaseUrl?: string }): Promise<Storage> {
  if (options.databaseUrl !== undefined && options.databaseUrl !== '') {
    return openPostgresStorage(options.databaseUrl);
  }
  return openSqliteStorage(path.resolve(options.dataDir ?? 'encours-data'));
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const storage = await openStorage(options);
  try {
    const token = newSecret('setup');
    const isNew = await storage.initSetupToken(hashSecret(token), new Date().toISOString());
    const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
    if (isNew) {
      print(`Jeton d'installation (usage unique) / one-time setup token: ${token}`);
    }
    const app = buildServer({ ...options, storage });
    const address = await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 8787 });
    print(`Serveur Encours à l'écoute / Encours server listening on ${address} (${storage.kind})`);
    return {
      app,
      storage,
      address,
      setupToken: isNew ? token : undefined,
      async close() {
        await app.close();
        await storage.close();
      },
    };
  } catch (error) {
    await storage.close();
    throw error;
  }
}

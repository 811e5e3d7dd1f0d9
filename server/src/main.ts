// `npm run server`: the sync server. ENCOURS_DATA (default ./encours-data), ENCOURS_HOST (127.0.0.1),
// ENCOURS_PORT (8787), DATABASE_URL (PostgreSQL instead of SQLite). Stops cleanly on SIGINT/SIGTERM.
import { startServer } from './start';

const server = await startServer({
  logger: process.env.ENCOURS_LOG !== '0',
  host: process.env.ENCOURS_HOST ?? '127.0.0.1',
  port: Number(process.env.ENCOURS_PORT ?? '8787'),
  ...(process.env.ENCOURS_DATA === undefined ? {} : { dataDir: process.env.ENCOURS_DATA }),
  ...(process.env.DATABASE_URL === undefined ? {} : { databaseUrl: process.env.DATABASE_URL }),
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}

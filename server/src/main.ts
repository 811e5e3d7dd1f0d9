// `npm run server`: starts the sync server on loopback (ENCOURS_HOST / ENCOURS_PORT override).
import { buildServer } from './app';

const host = process.env.ENCOURS_HOST ?? '127.0.0.1';
const port = Number(process.env.ENCOURS_PORT ?? '8787');

const app = buildServer({ logger: true });
await app.listen({ host, port });

/**
 * The Encours sync server (Fastify). This first version answers the health probe that clients and
 * supervisors use to check a server URL before connecting; the sync protocol of architecture §5 is added on
 * this same instance.
 */
import Fastify, { type FastifyInstance } from 'fastify';

export const PROTOCOL_VERSION = 1;

export type ServerOptions = { readonly logger?: boolean };

export function buildServer(options: ServerOptions = {}): FastifyInstance {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 1024 * 1024 });
  app.get('/v1/health', () => ({ status: 'ok', protocolVersion: PROTOCOL_VERSION }));
  return app;
}

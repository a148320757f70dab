/**
 * The backend's configuration from the environment (`npm run serve`, `npm start`):
 *
 * | variable | meaning | default |
 * | --- | --- | --- |
 * | `PORT` | port to listen on (127.0.0.1 and ::1 through `HOST`) | 8787 |
 * | `HOST` | address to listen on | 127.0.0.1 |
 * | `DATABASE_URL` | `postgres://...`: PostgreSQL through `pg`; otherwise embedded PGlite | PGlite |
 * | `DATA_DIR` | PGlite's folder (`memory` for none) | `.data/pglite` |
 * | `PUBLIC_ORIGIN` | origin every absolute URL is built from | `http://localhost:PORT` |
 * | `ALLOWED_RETURN_ORIGINS` | comma-separated origins a `returnUrl` may point to | `PUBLIC_ORIGIN` |
 * | `DEMO` | `1`: demo routes and demo data | off |
 * | `SANDBOX_LATENCY_MS` | delay inside every sandbox provider call | 0 |
 * | `VERIFICATION_SECRET` | key of the one-time codes' HMAC (at least 32 characters); required with `DATABASE_URL` unless `DEMO=1` | made once, kept in the database |
 */
import { mkdirSync } from 'node:fs';
import { openPglite, type Sql } from './sql.js';
import { openPostgres } from './sql-pg.js';

export interface ServerConfig {
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir?: string;
  publicOrigin: string;
  allowedReturnOrigins: string[];
  demo: boolean;
  sandboxLatencyMs: number;
  verificationSecret?: string;
}

function origin(value: string, name: string): string {
  const url = new URL(value);
  if (url.origin === 'null' || url.username || url.password || (url.pathname !== '/' && url.pathname !== ''))
    throw new Error(`${name}: give an origin such as https://shop.example`);
  return url.origin;
}

export function configFromEnv(env: Record<string, string | undefined>, defaults: Partial<ServerConfig> = {}): ServerConfig {
  const port = Number(env.PORT ?? defaults.port ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('PORT: a port number');
  const publicOrigin = origin(env.PUBLIC_ORIGIN ?? defaults.publicOrigin ?? `http://localhost:${port}`, 'PUBLIC_ORIGIN');
  const allowed = (env.ALLOWED_RETURN_ORIGINS ?? '')
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((o) => origin(o, 'ALLOWED_RETURN_ORIGINS'));
  const latency = Number(env.SANDBOX_LATENCY_MS ?? 0);
  if (!Number.isFinite(latency) || latency < 0 || latency > 60_000) throw new Error('SANDBOX_LATENCY_MS: 0 to 60000');
  const dataDir = env.DATA_DIR ?? defaults.dataDir ?? '.data/pglite';
  const secret = env.VERIFICATION_SECRET;
  if (secret !== undefined && secret.length < 32)
    throw new Error('VERIFICATION_SECRET: at least 32 characters (e.g. openssl rand -hex 32)');
  const demo = (env.DEMO ?? (defaults.demo ? '1' : '0')) === '1';
  // Kept in the database, the key would sit beside the codes' hashes: anyone who reads one could find the live
  // codes. Fine for the demo and a laptop; a server on PostgreSQL without DEMO must be given the key.
  if (!secret && env.DATABASE_URL && !demo)
    throw new Error('VERIFICATION_SECRET is required with DATABASE_URL (unless DEMO=1): e.g. openssl rand -hex 32, from your secret store');
  return {
    port,
    host: env.HOST ?? defaults.host ?? '127.0.0.1',
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    ...(dataDir !== 'memory' ? { dataDir } : {}),
    publicOrigin,
    allowedReturnOrigins: allowed.length ? allowed : [publicOrigin],
    demo,
    sandboxLatencyMs: latency,
    ...(secret ? { verificationSecret: secret } : {}),
  };
}

/** Opens the store the configuration names: PostgreSQL with DATABASE_URL, otherwise PGlite. */
export async function openStore(config: Pick<ServerConfig, 'databaseUrl' | 'dataDir'>): Promise<Sql> {
  if (config.databaseUrl) return openPostgres({ connectionString: config.databaseUrl });
  if (config.dataDir) mkdirSync(config.dataDir, { recursive: true });
  return openPglite(config.dataDir);
}

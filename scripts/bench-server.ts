// `npm run bench:server`: requests per second and p50/p99 latency of the merchant backend over node:http on
// 127.0.0.1, for reading an order and for paying one (a fresh order and code each time), on PGlite (in
// memory) and, when DATABASE_URL is set, on PostgreSQL. A benchmark, not a test: bounded (a fixed number of
// requests), 127.0.0.1 only, sandbox latency 0 (the backend's own cost).
import { serve } from '../src/server/serve.js';
import { insertOrder } from '../src/server/orders.js';
import { ORDER_TEMPLATES } from '../src/server/demo.js';

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const READS = Number(process.env.BENCH_READS ?? 2000);
const PAYMENTS = Number(process.env.BENCH_PAYMENTS ?? 400);
const WARMUP = 50;

interface Figures {
  rps: number;
  p50: number;
  p99: number;
}

async function run(count: number, one: (i: number) => Promise<void>): Promise<Figures> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let i = next++; i < count; i = next++) {
        const t = performance.now();
        await one(i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return { rps: count / seconds, p50: at(0.5), p99: at(0.99) };
}

async function bench(store: 'PGlite' | 'PostgreSQL') {
  const env: Record<string, string> = { PORT: '0', HOST: '127.0.0.1', DATA_DIR: 'memory', PUBLIC_ORIGIN: 'http://127.0.0.1' };
  if (store === 'PostgreSQL') env.DATABASE_URL = process.env.DATABASE_URL!;
  const log = console.log;
  console.log = () => undefined; // the request log
  const running = await serve(env);
  try {
    const base = `http://127.0.0.1:${running.port}/api/checkout/orders`;
    const { sql, now } = running.backend.context;
    const run_id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const template = ORDER_TEMPLATES[1]!;
    await insertOrder(sql, { id: `bench-${run_id}-read`, amount: 1200, merchantName: 'Bench', brands: template.brands }, now());
    for (let i = 0; i < PAYMENTS + WARMUP; i++) await insertOrder(sql, { id: `bench-${run_id}-${i}`, amount: 1200, merchantName: 'Bench', brands: template.brands }, now());
    const seed = Date.now() % 1e6;
    const payOne = async (i: number) => {
      const code = `wm${String(2000 + seed * 1000 + i).padStart(14, '0')}`;
      const response = await fetch(`${base}/bench-${run_id}-${i}/payments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
        body: JSON.stringify({ brand: 'webmoney', codes: [code] }),
      });
      if (response.status !== 200) throw new Error(`pay: ${response.status} ${await response.text()}`);
      await response.arrayBuffer();
    };
    const readOne = async () => {
      const response = await fetch(`${base}/bench-${run_id}-read`);
      if (response.status !== 200) throw new Error(`read: ${response.status}`);
      await response.arrayBuffer();
    };
    // Warm-up (not measured): the JIT, PGlite's memory, the connection pool.
    await run(WARMUP * 10, readOne);
    await run(WARMUP, (i) => payOne(PAYMENTS + i));
    const read = await run(READS, readOne);
    const pay = await run(PAYMENTS, payOne);
    return { read, pay };
  } finally {
    await running.close();
    console.log = log;
  }
}

const stores: ('PGlite' | 'PostgreSQL')[] = ['PGlite', ...(process.env.DATABASE_URL ? (['PostgreSQL'] as const) : [])];
const rows: string[] = [];
for (const store of stores) {
  const { read, pay } = await bench(store);
  for (const [what, f] of [['GET order', read], ['POST payment', pay]] as const) {
    rows.push(`| ${store} | ${what} | ${f.rps.toFixed(0)} | ${f.p50.toFixed(1)} | ${f.p99.toFixed(1)} |`);
  }
}
console.log(`${READS} reads and ${PAYMENTS} payments (after a warm-up), ${CONCURRENCY} at a time, client and server in one process, node ${process.version}, 127.0.0.1\n`);
console.log('| store | request | requests/s | p50 ms | p99 ms |\n| --- | --- | ---: | ---: | ---: |');
console.log(rows.join('\n'));
if (!process.env.DATABASE_URL) console.log('\n(set DATABASE_URL=postgres://... to measure PostgreSQL too)');

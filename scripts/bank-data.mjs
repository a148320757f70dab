// Bank and branch data files (CONTRACT.md, "Bank data files") from the zengin-code package:
// {dir}/index.json lists every bank; {dir}/{bankCode}.json that bank's branches. The build writes them to
// dist/banks/; the demo and test servers serve the same files from memory.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
/** @type {Record<string, {code: string, name: string, kana: string, hira: string, roma: string, branches: Record<string, {code: string, name: string, kana: string, hira: string, roma: string}>}>} */
const zengin = require('zengin-code');

const entry = ({ code, name, kana, hira, roma }) => ({ code, name, kana, hira, roma });

export function bankIndex() {
  return Object.values(zengin)
    .map(entry)
    .sort((a, b) => a.code.localeCompare(b.code));
}

export function branchesOf(bankCode) {
  const bank = zengin[bankCode];
  return bank
    ? Object.values(bank.branches)
        .map(entry)
        .sort((a, b) => a.code.localeCompare(b.code))
    : undefined;
}

export function writeBankData(dir) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.json'), JSON.stringify(bankIndex()));
  for (const bank of Object.keys(zengin)) writeFileSync(join(dir, `${bank}.json`), JSON.stringify(branchesOf(bank)));
  return Object.keys(zengin).length;
}

/** Serves GET {prefix}index.json and {prefix}{bankCode}.json (node http middleware). */
export function bankDataMiddleware(prefix = '/banks/') {
  const index = JSON.stringify(bankIndex());
  return (req, res, next) => {
    const path = (req.url ?? '').split('?')[0];
    if (!path.startsWith(prefix)) return next();
    const name = path.slice(prefix.length);
    const body = name === 'index.json' ? index : /^\d{4}\.json$/.test(name) ? JSON.stringify(branchesOf(name.slice(0, 4)) ?? null) : null;
    if (body === null || body === 'null') {
      res.statusCode = 404;
      return res.end();
    }
    res.statusCode = 200;
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.setHeader('cache-control', 'public, max-age=86400');
    res.end(body);
  };
}

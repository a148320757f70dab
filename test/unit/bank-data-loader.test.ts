import { expect, waitUntil } from '@open-wc/testing';
import { BankDataLoader, dataBase } from '../../src/fields/bank-data-loader.js';

const bank = (code: string, name: string) => ({ code, name, kana: name, hira: name, roma: name });

describe('BankDataLoader', () => {
  const realFetch = window.fetch;
  let requested: string[];
  /** Answers by file name; a deferred answer waits until released. */
  let answers: Record<string, () => Promise<Response>>;

  beforeEach(() => {
    requested = [];
    answers = {};
    window.fetch = async (input: RequestInfo | URL) => {
      const url = String(input);
      requested.push(url);
      const answer = answers[url.slice(url.lastIndexOf('/') + 1)];
      return answer ? answer() : new Response('', { status: 404 });
    };
  });
  afterEach(() => {
    window.fetch = realFetch;
  });

  const json = (body: unknown) => () => Promise.resolve(new Response(JSON.stringify(body), { status: 200 }));
  /** Until the loader has no pending load (reading a body takes a few tasks). */
  const settle = (loader: BankDataLoader) => waitUntil(() => loader.banks.status !== 'pending' && loader.branches.status !== 'pending', 'loads settled');

  it('goes initial → pending → complete, once, and says so each time', async () => {
    answers['index.json'] = json([bank('0001', 'みずほ')]);
    const seen: string[] = [];
    const loader = new BankDataLoader(() => seen.push(loader.banks.status));
    expect(loader.banks.status).to.equal('initial');
    loader.loadBanks('/banks');
    expect(loader.banks.status).to.equal('pending');
    loader.loadBanks('/banks/'); // already loading: no second request
    await settle(loader);
    expect(loader.banks).to.deep.equal({ status: 'complete', value: [bank('0001', 'みずほ')] });
    expect(seen).to.deep.equal(['pending', 'complete']);
    loader.loadBanks('/banks/');
    expect(requested).to.deep.equal(['/banks/index.json']);
  });

  for (const [name, answer] of [
    ['a 404', () => Promise.resolve(new Response('', { status: 404 }))],
    ['a dropped connection', () => Promise.reject(new TypeError('Failed to fetch'))],
    ['a file that breaks the schema', json([{ code: 1 }])],
  ] as const) {
    it(`stays in error after ${name}, without trying again by itself, until asked`, async () => {
      answers['index.json'] = answer;
      const loader = new BankDataLoader(() => {});
      loader.loadBanks('/banks/');
      await settle(loader);
      expect(loader.banks.status).to.equal('error');
      loader.loadBanks('/banks/');
      await new Promise((r) => setTimeout(r, 30));
      expect(requested).to.have.length(1);
      answers['index.json'] = json([]);
      loader.retryBanks('/other/');
      await settle(loader);
      expect(loader.banks).to.deep.equal({ status: 'complete', value: [] });
      expect(requested).to.deep.equal(['/banks/index.json', '/other/index.json']);
    });
  }

  it('drops the branches of a bank no longer picked', async () => {
    let release!: () => void;
    answers['0001.json'] = () => new Promise((resolve) => (release = () => resolve(new Response(JSON.stringify([bank('001', '東京営業部')])))));
    answers['0005.json'] = json([bank('001', '本店')]);
    const loader = new BankDataLoader(() => {});
    loader.loadBranches('/banks/', '0001');
    loader.loadBranches('/banks/', '0005');
    await settle(loader);
    release();
    await new Promise((r) => setTimeout(r, 50)); // time for the earlier answer to arrive, and be dropped
    expect(loader.branchesOf).to.equal('0005');
    expect(loader.branches).to.deep.equal({ status: 'complete', value: [bank('001', '本店')] });
  });

  it('retries the branches of the bank picked, on request', async () => {
    const loader = new BankDataLoader(() => {});
    loader.loadBranches('/banks/', '0036');
    await settle(loader);
    expect(loader.branches.status).to.equal('error');
    answers['0036.json'] = json([bank('251', '第一営業')]);
    loader.retryBranches('/banks/');
    await settle(loader);
    expect(loader.branches.status).to.equal('complete');
    expect(requested).to.deep.equal(['/banks/0036.json', '/banks/0036.json']);
  });

  it('joins file names with exactly one slash', () => {
    expect([dataBase('/banks'), dataBase('/banks/'), dataBase('https://cdn.example/banks')]).to.deep.equal(['/banks/', '/banks/', 'https://cdn.example/banks/']);
  });
});

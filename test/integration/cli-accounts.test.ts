import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases';
import { createItem, findProduct, getOk, listAllItems, request, tokenFor, type Product } from './support/api';
import { createPostgresDatabase, type ScratchPostgres } from './support/scratch-databases';
import { killAllTandem, makeTempDir, runTandem, startTandem, tandemOk, type CliResult, type TandemServer } from './support/tandem';

const FOUNDER = { email: 'founder@example.com', password: 'founder-password', name: 'Fay Founder', workspace: 'Acme Analytics' };
const PO = { email: 'olu@example.com', password: 'olu-password' };
// `tandem seed` creates and owns the Benchmark workspace with this account.
const BENCH = { email: 'bench@tandem.local', password: 'bench-password' };

interface Me {
  user: { email: string; name: string };
  workspaces: Array<{ id: string; name: string; roles: string[] }>;
}

function expectOneLineRefusal(result: CliResult, pattern: RegExp): void {
  expect(result.code).toBe(1);
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  expect(result.stderr).toMatch(pattern);
}

describe.each(DIALECTS)('$name tandem init, user add, token create and seed', ({ dialect }) => {
  const dir = makeTempDir(`cli-${dialect}`);
  let postgres: ScratchPostgres | undefined;
  let env: Record<string, string>;
  let server: TandemServer;

  beforeAll(async () => {
    postgres = dialect === 'postgres' ? await createPostgresDatabase('cli') : undefined;
    env = { DATABASE_URL: postgres ? postgres.url : `sqlite:${dir.file('tandem.db')}`, TANDEM_DEMO: '0' };
    server = await startTandem(env);
  });

  afterAll(async () => {
    await killAllTandem();
    await postgres?.drop();
    dir.remove();
  });

  it('with TANDEM_DEMO=0 the server starts empty, and `init` creates the first owner, who can sign in', async () => {
    const demoLogin = await request(server.url, 'POST', '/api/v1/auth/login', { body: { email: 'owner@demo.test', password: 'demo-password' } });
    expect(demoLogin.status).toBe(401);

    const output = await tandemOk(
      ['init', '--email', FOUNDER.email, '--password', FOUNDER.password, '--name', FOUNDER.name, '--workspace', FOUNDER.workspace],
      env,
    );
    expect(output).toContain(FOUNDER.email);

    const token = await tokenFor(server.url, FOUNDER.email, FOUNDER.password);
    const me = await getOk<Me>(server.url, '/api/v1/me', token);
    expect(me.user).toMatchObject({ email: FOUNDER.email, name: FOUNDER.name });
    expect(me.workspaces).toEqual([expect.objectContaining({ name: FOUNDER.workspace, roles: ['owner'] })]);
  });

  it('`init` on a database that has users refuses in one line and creates no one', async () => {
    const result = await runTandem(['init', '--email', 'second@example.com', '--password', 'second-password'], env);
    expectOneLineRefusal(result, /already has users/);
    const login = await request(server.url, 'POST', '/api/v1/auth/login', { body: { email: 'second@example.com', password: 'second-password' } });
    expect(login.status).toBe(401);
  });

  it('`user add` into a workspace, then `token create`, gives a token that works with the roles given', async () => {
    const founderToken = await tokenFor(server.url, FOUNDER.email, FOUNDER.password);
    const [workspace] = (await getOk<Me>(server.url, '/api/v1/me', founderToken)).workspaces;
    const created = await request<Product>(server.url, 'POST', `/api/v1/workspaces/${workspace!.id}/products`, {
      token: founderToken,
      body: { key: 'ACME', name: 'Acme app' },
    });
    expect(created.status).toBe(201);

    await tandemOk(
      ['user', 'add', '--email', PO.email, '--password', PO.password, '--name', 'Olu Owner', '--workspace', workspace!.id, '--roles', 'product_owner,contributor'],
      env,
    );
    const printed = (await tandemOk(['token', 'create', '--email', PO.email, '--name', 'ci'], env)).trim();
    expect(printed).toMatch(/^tdm_\S+$/);

    const me = await getOk<Me>(server.url, '/api/v1/me', printed);
    expect(me.user.email).toBe(PO.email);
    expect(me.workspaces).toHaveLength(1);
    expect([...me.workspaces[0]!.roles].sort()).toEqual(['contributor', 'product_owner']);
    const item = await createItem(server.url, printed, created.body.id, 'Written by the product owner with a CLI token');
    expect(item.status).toBe(201);
    expect(item.body.key).toBe('ACME-1');

    expectOneLineRefusal(await runTandem(['token', 'create', '--email', 'nobody@example.com'], env), /no user with email nobody@example.com/);
    expectOneLineRefusal(await runTandem(['user', 'add', '--email', PO.email, '--password', 'another-password'], env), /tandem user add: /);
    const bogus = await request(server.url, 'GET', '/api/v1/me', { token: `${printed}x` });
    expect(bogus.status).toBe(401);
  });

  it('`seed --items 2000` adds epics over them, then the item list pages through every one in rank order', async () => {
    const output = await tandemOk(['seed', '--items', '2000'], env);
    const epics = Number(/Seeded 2000 items \(\d+ with a RICE score\), (\d+) epics over \d+ of them/.exec(output)?.[1]);
    expect(epics).toBeGreaterThan(0);
    const total = 2000 + epics;

    const token = await tokenFor(server.url, BENCH.email, BENCH.password);
    const product = await findProduct(server.url, token, 'BENCH');
    const { items, pages } = await listAllItems(server.url, token, product.id, 200);
    expect(items).toHaveLength(total);
    expect(pages).toBe(Math.ceil(total / 200));
    expect(new Set(items.map((item) => item.id)).size).toBe(total);
    expect(new Set(items.map((item) => item.key))).toEqual(new Set(Array.from({ length: total }, (_, i) => `BENCH-${i + 1}`)));
    expect(items.filter((item) => item.type === 'epic')).toHaveLength(epics);
    const ranks = items.map((item) => item.rank);
    expect(ranks.every((rank, i) => i === 0 || ranks[i - 1]! < rank)).toBe(true);
    expect(items.every((item) => item.productId === product.id && item.deletedAt === null)).toBe(true);
  });
});

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compose, type Runtime } from '../compose';
import { testHasher } from '../../../test/support/app';
import { testDatabase } from '../../../test/support/databases';
import { buildApp } from './app';

describe('web shell serving [sqlite]', () => {
  let runtime: Runtime;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let webRoot: string;
  let cleanup: () => void;

  beforeAll(async () => {
    webRoot = mkdtempSync(join(tmpdir(), 'tandem-web-'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Tandem</title>');
    writeFileSync(join(webRoot, 'app.js'), 'console.log(1)');
    mkdirSync(join(webRoot, 'assets'));
    writeFileSync(join(webRoot, 'assets', 'start-Ab12Cd34.js'), 'console.log(2)');
    const database = testDatabase('sqlite');
    cleanup = database.cleanup;
    runtime = await compose(database.location, { hasher: testHasher });
    app = await buildApp({ services: runtime.services, logLevel: 'silent', webRoot });
  });
  afterAll(async () => {
    await app.close();
    await runtime.close();
    cleanup();
    rmSync(webRoot, { recursive: true, force: true });
  });

  it('serves the app shell for any page path, and its assets', async () => {
    for (const url of ['/', '/signin', '/w/abc/p/def/items?q=1']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type']).toContain('text/html');
    }
    expect((await app.inject({ method: 'GET', url: '/app.js' })).body).toContain('console.log');
  });

  it('lets browsers keep hashed assets for good, and revalidate the page', async () => {
    const asset = await app.inject({ method: 'GET', url: '/assets/start-Ab12Cd34.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const page = await app.inject({ method: 'GET', url: '/w/abc/p/def/items' });
    expect(page.headers['cache-control'] ?? '').not.toContain('immutable');
    expect((await app.inject({ method: 'GET', url: '/app.js' })).headers['cache-control'] ?? '').not.toContain('immutable');
  });

  it('answers unknown API routes and missing files with problem details, not the shell', async () => {
    const api = await app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(api.statusCode).toBe(404);
    expect(api.json().code).toBe('route_not_found');
    expect((await app.inject({ method: 'GET', url: '/missing.js' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'POST', url: '/w/abc' })).statusCode).toBe(404);
  });
});

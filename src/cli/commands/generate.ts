import { writeFileSync } from 'node:fs';
import { renderRolesDoc } from '../../domain/access/roles-doc';
import { compose } from '../../server/compose';
import { buildApp } from '../../server/http/app';

/** The OpenAPI document as the server serves it, pretty-printed for review. */
export async function renderOpenApi(): Promise<string> {
  const runtime = await compose({ dialect: 'sqlite', path: ':memory:' }, { withoutEvents: true });
  try {
    const app = await buildApp({ services: runtime.services, logLevel: 'silent', webRoot: null });
    await app.ready();
    const document = JSON.stringify(app.swagger(), null, 2) + '\n';
    await app.close();
    return document;
  } finally {
    await runtime.close();
  }
}

export async function writeOpenApi(out: string): Promise<void> {
  writeFileSync(out, await renderOpenApi());
  console.log(`Wrote ${out}.`);
}

export function writeRolesDoc(out: string): void {
  writeFileSync(out, renderRolesDoc());
  console.log(`Wrote ${out}.`);
}

import { compose } from './compose';
import { buildApp } from './http/app';

/** The OpenAPI document exactly as the server serves it, pretty-printed for review. */
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

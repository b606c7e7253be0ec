import { compose } from './compose';
import { buildApp } from './http/app';

/** The OpenAPI document exactly as the server serves it, pretty-printed for review. */
export async function renderOpenApi(): Promise<string> {
  const runtime = await compose({ dialect: 'sqlite', path: ':memory:' }, { withoutEvents: true });
  try {
    const app = await buildApp({ services: runtime.services, logLevel: 'silent', webRoot: null });
    await app.ready();
    const document = JSON.stringify(sortedComponents(app.swagger()), null, 2) + '\n';
    await app.close();
    return document;
  } finally {
    await runtime.close();
  }
}

/**
 * Components are listed in the order their schemas were first loaded, which
 * depends on the entry point (the CLI and the tests import in other orders);
 * sorted by name, the committed document is the same whoever renders it.
 */
function sortedComponents(document: object): object {
  const { components } = document as { components?: { schemas?: Record<string, unknown> } };
  const schemas = components?.schemas;
  if (!schemas) return document;
  const sorted = Object.fromEntries(Object.keys(schemas).sort().map((name) => [name, schemas[name]]));
  return { ...document, components: { ...components, schemas: sorted } };
}

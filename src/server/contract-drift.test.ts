import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderOpenApi } from './openapi';
import { renderRolesDoc } from '../domain/access/roles-doc';

describe('committed contracts', () => {
  it('openapi.json matches the schemas the server registers (run `npm run openapi` after changing an API)', async () => {
    const committed = readFileSync('openapi.json', 'utf8');
    expect(await renderOpenApi()).toBe(committed);
  });

  it('docs/roles.md matches the permission matrix (run `npm run docs:roles` after changing it)', () => {
    expect(readFileSync('docs/roles.md', 'utf8')).toBe(renderRolesDoc());
  });
});

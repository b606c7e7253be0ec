import { writeFileSync } from 'node:fs';
import { renderRolesDoc } from '../../domain/access/roles-doc';
import { renderOpenApi } from '../../server/openapi';

export async function writeOpenApi(out: string): Promise<void> {
  writeFileSync(out, await renderOpenApi());
  console.log(`Wrote ${out}.`);
}

export function writeRolesDoc(out: string): void {
  writeFileSync(out, renderRolesDoc());
  console.log(`Wrote ${out}.`);
}

import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/**
 * The import-boundary rule of STYLE.md: each layer may import only the layers
 * beneath it. contracts is the shared vocabulary (zod only); domain is pure;
 * services orchestrate the domain over ports; store implements those ports;
 * server and cli wire everything (only compose.ts and the CLI touch store);
 * web talks to the server through contracts (and may reuse pure domain rules).
 */
const layer = (from, forbidden, message) => ({
  files: [from],
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: forbidden.map((group) => ({ group: [`**/${group}/**`, `**/${group}`], message })) },
    ],
  },
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'bench/results/**', 'data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['src/web/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Migrations are frozen and take Kysely<any> on purpose (see STYLE.md).
    files: ['src/store/migrations/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  layer('src/contracts/**', ['domain', 'services', 'store', 'server', 'cli', 'web'], 'contracts depend on zod only'),
  layer('src/domain/**', ['services', 'store', 'server', 'cli', 'web'], 'the domain is pure: no services, storage, HTTP or UI'),
  layer('src/services/**', ['store', 'server', 'cli', 'web'], 'services reach storage only through the ports they declare'),
  layer('src/store/**', ['server', 'cli', 'web'], 'the store implements service ports; it knows nothing of HTTP or the CLI'),
  layer('src/server/http/**', ['store', 'cli', 'web'], 'HTTP code calls services; only compose.ts wires the store'),
  layer('src/server/realtime/**', ['store', 'cli', 'web', 'http'], 'realtime adapters stand beside HTTP, not on it'),
  layer('src/cli/**', ['web'], 'the CLI does not import the web app'),
  layer('src/web/**', ['services', 'store', 'server', 'cli'], 'the web app talks to the server through contracts, and may reuse the pure domain rules'),
);

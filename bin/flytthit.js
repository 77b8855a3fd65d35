#!/usr/bin/env node
// The `flytthit` command. Runs the built code when there is a build, else the TypeScript
// sources through tsx (a checkout before `npm run build`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = fileURLToPath(new URL('../dist/server/cli/main.js', import.meta.url));
const useSource = process.env.FLYTTHIT_FROM_SOURCE === '1' || !existsSync(built);
if (useSource) {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/server/cli/main.ts');
} else {
  await import(built);
}

import { fileURLToPath } from 'node:url';

/** The package root, the same from src/ (tsx, tests) and dist/ (built). */
export const packageRoot = fileURLToPath(new URL('../../', import.meta.url));

export const dataDir = fileURLToPath(new URL('../../data/', import.meta.url));

import type { FastifyBaseLogger } from 'fastify';
import type { AppDeps } from './deps.js';
import { firstAdminHook } from './modules/accounts/first-admin.js';

/** Work done once the app is built, before it listens (e.g. telling how the first admin signs in). */
export type FirstStartHook = (deps: AppDeps, log: FastifyBaseLogger) => Promise<void>;

export const firstStartHooks: FirstStartHook[] = [firstAdminHook()];

import { type Principal, type Scope, scopeOf } from '../../plugins/access.js';

/**
 * Who does a privacy action: a programme leader (their region), an admin (all), or the
 * command line (all, audited as 'cli'). Every action is audited with this.
 */
export interface PrivacyActor {
  userId: string | null;
  label: string;
  regionId: string | null;
  scope: Scope;
  ip: string | null;
}

export const privacyActorOf = (principal: Principal, ip: string | null): PrivacyActor => ({
  userId: principal.userId,
  label: principal.email,
  regionId: principal.regionId,
  scope: scopeOf(principal),
  ip,
});

export const CLI_ACTOR: PrivacyActor = {
  userId: null,
  label: 'cli',
  regionId: null,
  scope: { regionIds: 'all', municipalityCodes: 'all' },
  ip: null,
};

export const auditedBy = (actor: PrivacyActor) => ({
  actor: { userId: actor.userId, label: actor.label },
  ip: actor.ip,
});

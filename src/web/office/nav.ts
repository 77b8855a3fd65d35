import type { Role } from './api.js';
import type { OfficeKey } from './i18n.js';

export interface NavItem {
  /** Path under /office. */
  path: string;
  label: OfficeKey;
  roles: readonly Role[];
  /** Built screens; the rest show an honest "coming" page. */
  built: boolean;
}

const leaders = ['admin', 'programme_leader'] as const;
const staff = ['admin', 'programme_leader', 'host'] as const;

/**
 * The modules of the office, in menu order. A role that may not use a module does not see it;
 * the API refuses it anyway. Callers only see the calling screen.
 */
export const mainNav: NavItem[] = [
  { path: '/', label: 'nav.start', roles: staff, built: true },
  { path: '/campaigns', label: 'nav.campaigns', roles: staff, built: true },
  {
    path: '/calling',
    label: 'nav.calling',
    roles: ['admin', 'programme_leader', 'host', 'caller'],
    built: true,
  },
  { path: '/follow-up', label: 'nav.followUp', roles: staff, built: true },
  { path: '/newcomers', label: 'nav.newcomers', roles: staff, built: true },
  { path: '/surveys', label: 'nav.surveys', roles: staff, built: true },
  { path: '/events', label: 'nav.events', roles: [...staff, 'organiser'], built: true },
  { path: '/statistics', label: 'nav.statistics', roles: staff, built: true },
  { path: '/jobs', label: 'nav.jobs', roles: staff, built: true },
  { path: '/business', label: 'nav.business', roles: staff, built: true },
  { path: '/goals', label: 'nav.goals', roles: leaders, built: true },
  { path: '/reports', label: 'nav.reports', roles: leaders, built: true },
  { path: '/content', label: 'nav.content', roles: leaders, built: true },
  { path: '/site', label: 'nav.site', roles: leaders, built: true },
  { path: '/privacy', label: 'nav.privacy', roles: leaders, built: true },
  { path: '/users', label: 'nav.users', roles: leaders, built: true },
  { path: '/audit', label: 'nav.audit', roles: leaders, built: true },
];

export const accountNav: NavItem[] = [
  {
    path: '/account',
    label: 'nav.account',
    roles: ['admin', 'programme_leader', 'host', 'caller', 'organiser'],
    built: true,
  },
  { path: '/tokens', label: 'nav.tokens', roles: staff, built: true },
];

export const canUse = (item: NavItem, role: Role): boolean => item.roles.includes(role);

export const visibleItems = (items: NavItem[], role: Role): NavItem[] =>
  items.filter((item) => canUse(item, role));

/** Where a person lands after sign-in: callers and organisers straight to their one screen. */
export const homePath = (role: Role): string =>
  role === 'caller' ? '/calling' : role === 'organiser' ? '/events' : '/';

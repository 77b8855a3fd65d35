import type { Messages } from '../locales.js';
import type { sso as nb } from '../nb/sso.js';

export const sso: Messages<typeof nb> = {
  title: 'Innlogginga vart ikkje fullført',
  reasons: {
    unknown_person:
      'Du er logga inn hos identitetsleverandøren, men har ingen brukarkonto i Flytthit. Be prosjektleiaren i regionen om å invitere deg.',
    disabled: 'Brukarkontoen din i Flytthit er deaktivert. Kontakt prosjektleiaren i regionen.',
    expired:
      'Innlogginga tok for lang tid eller vart starta i ein annan nettlesar. Prøv å logge inn på nytt.',
    provider_error: 'Identitetsleverandøren avviste innlogginga. Prøv igjen.',
    unavailable: 'Vi fekk ikkje kontakt med identitetsleverandøren. Prøv igjen om litt.',
  },
  back: 'Tilbake til innlogginga',
};

/** The page shown when single sign-on (OpenID Connect) does not let someone in. */
export const sso = {
  title: 'Innloggingen ble ikke fullført',
  reasons: {
    unknown_person:
      'Du er logget inn hos identitetsleverandøren, men har ingen brukerkonto i Flytthit. Be prosjektlederen i regionen om å invitere deg.',
    disabled: 'Brukerkontoen din i Flytthit er deaktivert. Kontakt prosjektlederen i regionen.',
    expired:
      'Innloggingen tok for lang tid eller ble startet i en annen nettleser. Prøv å logge inn på nytt.',
    provider_error: 'Identitetsleverandøren avviste innloggingen. Prøv igjen.',
    unavailable: 'Vi fikk ikke kontakt med identitetsleverandøren. Prøv igjen om litt.',
  },
  back: 'Tilbake til innloggingen',
};

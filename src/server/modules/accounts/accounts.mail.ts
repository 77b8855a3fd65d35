/**
 * The texts of the account emails, in the recipient's language. Plain text only: the links
 * must survive every mail client, and a staff email has nothing to style.
 */
type Locale = 'nb' | 'nn' | 'en';

export interface MailText {
  subject: string;
  text: string;
}

const asLocale = (locale: string): Locale => (locale === 'nn' || locale === 'en' ? locale : 'nb');

export const invitationLink = (publicUrl: string, token: string): string =>
  `${publicUrl}/office/invitation/${token}`;

export const resetLink = (publicUrl: string, token: string): string =>
  `${publicUrl}/office/reset/${token}`;

export function invitationMail(
  locale: string,
  v: { name: string; invitedBy: string; link: string },
): MailText {
  switch (asLocale(locale)) {
    case 'en':
      return {
        subject: 'You are invited to Flytthit',
        text: `Hello ${v.name},\n\n${v.invitedBy} has given you access to Flytthit. Choose your password here (the link works once and for 7 days):\n\n${v.link}\n\nIf you did not expect this email, you can ignore it.\n`,
      };
    case 'nn':
      return {
        subject: 'Du er invitert til Flytthit',
        text: `Hei ${v.name},\n\n${v.invitedBy} har gitt deg tilgang til Flytthit. Vel passordet ditt her (lenkja verkar éin gong og i 7 dagar):\n\n${v.link}\n\nVenta du ikkje denne e-posten, kan du sjå bort frå han.\n`,
      };
    default:
      return {
        subject: 'Du er invitert til Flytthit',
        text: `Hei ${v.name},\n\n${v.invitedBy} har gitt deg tilgang til Flytthit. Velg passordet ditt her (lenken virker én gang og i 7 dager):\n\n${v.link}\n\nVentet du ikke denne e-posten, kan du se bort fra den.\n`,
      };
  }
}

export function resetMail(locale: string, v: { name: string; link: string }): MailText {
  switch (asLocale(locale)) {
    case 'en':
      return {
        subject: 'Reset your Flytthit password',
        text: `Hello ${v.name},\n\nSomeone asked to reset the password of your Flytthit account. Choose a new one here (the link works once and for one hour):\n\n${v.link}\n\nIf it was not you, ignore this email: your password stays as it is.\n`,
      };
    case 'nn':
      return {
        subject: 'Nytt passord i Flytthit',
        text: `Hei ${v.name},\n\nNokon har bede om å nullstille passordet til Flytthit-kontoen din. Vel eit nytt her (lenkja verkar éin gong og i ein time):\n\n${v.link}\n\nVar det ikkje deg, kan du sjå bort frå denne e-posten: passordet ditt er som før.\n`,
      };
    default:
      return {
        subject: 'Nytt passord i Flytthit',
        text: `Hei ${v.name},\n\nNoen har bedt om å tilbakestille passordet til Flytthit-kontoen din. Velg et nytt her (lenken virker én gang og i én time):\n\n${v.link}\n\nVar det ikke deg, kan du se bort fra denne e-posten: passordet ditt er som før.\n`,
      };
  }
}

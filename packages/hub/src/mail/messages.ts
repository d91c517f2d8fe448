import type { MailMessage } from './mailer.js';

/** "lunedì 5 dicembre 2026, 09:00" in Rome's time: when a one-time link stops working. */
function until(date: Date, locale: 'it-IT' | 'en-GB'): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone: 'Europe/Rome' }).format(date);
}

/** The mail carrying an invitation link (Italian first, then English). */
export function invitationMail(to: string, link: string, expiresAt: Date, organisationName: string | null): MailMessage {
  const forWhom = organisationName ? ` per conto di «${organisationName}»` : ' come amministratore';
  const forWhomEn = organisationName ? ` on behalf of “${organisationName}”` : ' as an administrator';
  return {
    to,
    subject: 'Invito a pubblicare i servizi / Invitation to publish services',
    text: [
      'Buongiorno,',
      '',
      `l'Ufficio di Piano ti invita a pubblicare le offerte di servizi${forWhom}.`,
      `Per creare il tuo account apri questo link (vale una volta sola, fino a ${until(expiresAt, 'it-IT')}):`,
      '',
      link,
      '',
      'Se non aspettavi questo invito, ignora questa email: senza il link nessun account viene creato.',
      '',
      '---',
      '',
      `You are invited to publish welfare services${forWhomEn}.`,
      `Open this link to create your account (it works once, until ${until(expiresAt, 'en-GB')}):`,
      '',
      link,
      '',
      'If you did not expect this invitation, ignore this email.',
    ].join('\n'),
  };
}

/** The mail carrying a password-reset link. */
export function resetMail(to: string, link: string, expiresAt: Date): MailMessage {
  return {
    to,
    subject: 'Nuova password / New password',
    text: [
      'Buongiorno,',
      '',
      "l'Ufficio di Piano ha preparato per te un link per scegliere una nuova password.",
      `Aprilo entro ${until(expiresAt, 'it-IT')} (vale una volta sola):`,
      '',
      link,
      '',
      'Se non hai chiesto una nuova password, avvisa l\'Ufficio di Piano: la password attuale resta valida finché il link non viene usato.',
      '',
      '---',
      '',
      `The office made a link for you to choose a new password. Open it before ${until(expiresAt, 'en-GB')} (it works once):`,
      '',
      link,
      '',
      'If you did not ask for a new password, tell the office: your current password keeps working until the link is used.',
    ].join('\n'),
  };
}

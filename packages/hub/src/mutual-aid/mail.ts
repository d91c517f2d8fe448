import type { MailMessage } from '../mail/mailer.js';

const TOPIC_IT: Record<string, string> = {
  compagnia: 'compagnia e visite', spesa: 'spesa e commissioni', accompagnamento: 'accompagnamento', pratiche: 'pratiche e moduli',
  casa: 'piccoli lavori in casa', studio: 'studio e lingua italiana', bambini: 'bambini', altro: 'altro',
};

/**
 * The mail relaying an answer to the person who posted (when the hub has mail settings and
 * the poster left an email address). It carries the answer and the answerer's contact,
 * as the answerer agreed; the poster's own address is not shown to anyone: they decide
 * whether to reply. Replies go to the answerer when they left an email address.
 */
export function answerMail(
  to: string,
  post: { kind: string; topic: string; comune: string; text: string | null },
  answer: { text: string; contact: string },
  mediatorName: string,
): MailMessage {
  const what = `${post.kind === 'offro' ? 'offri' : 'cerchi'} aiuto (${TOPIC_IT[post.topic] ?? post.topic}, ${post.comune})`;
  return {
    to,
    subject: 'Qualcuno ha risposto al tuo annuncio / Someone answered your post',
    ...(answer.contact.includes('@') ? { replyTo: answer.contact } : {}),
    text: [
      'Buongiorno,',
      '',
      `qualcuno ha letto il tuo annuncio sulla bacheca dell'aiuto reciproco, in cui ${what}, e ti ha scritto:`,
      '',
      ...answer.text.split('\n').map((line) => `  ${line}`),
      '',
      `Il suo recapito: ${answer.contact}`,
      '',
      'Se vuoi, rispondi tu: il tuo indirizzo lo vede solo se gli scrivi. Se qualcosa non ti convince, non rispondere',
      `e avvisa ${mediatorName}, l'associazione che fa da tramite.`,
      '',
      '---',
      '',
      `Someone read your post on the mutual aid board and wrote to you (the message is above). Their contact: ${answer.contact}.`,
      `Reply only if you wish: they see your address only if you write to them. If something feels wrong, tell ${mediatorName}.`,
    ].join('\n'),
  };
}

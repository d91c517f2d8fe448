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

/** What is waiting for the mediators, in the mail's words. */
export type MediatorNews = 'post' | 'report' | 'answer';

const NEWS: Record<MediatorNews, [string, string]> = {
  post: ['un annuncio nuovo da leggere e approvare', 'a new post to read and approve'],
  report: ['un annuncio segnalato da una persona, tolto dalla bacheca finché non lo rileggete', 'a post someone reported, off the board until you read it again'],
  answer: ['una risposta a un annuncio: chi ha pubblicato ha lasciato un telefono, quindi siete voi a metterli in contatto', 'an answer to a post whose author left a phone number: you put them in touch'],
};

/**
 * The mail telling a mediator that something waits on the hub's "Aiuto reciproco" page. It
 * names the comune and what happened, never the post's text nor anyone's contact: those
 * stay on the hub, behind the mediator's login. At most one an hour per person (the rest
 * is on the page).
 */
export function mediatorMail(to: string, news: MediatorNews, comune: string, link: string): MailMessage {
  const [it, en] = NEWS[news];
  return {
    to,
    subject: `Aiuto reciproco a ${comune}: c'è qualcosa da leggere / Mutual aid: something to read`,
    text: [
      'Buongiorno,',
      '',
      `nell'aiuto reciproco di ${comune}, per cui la vostra associazione fa da tramite, c'è ${it}.`,
      'Lo trovate, con quello che è arrivato dopo, nella pagina «Aiuto reciproco» del sito di gestione:',
      '',
      link,
      '',
      'Questa email non contiene testi né recapiti: li vedete solo dopo aver fatto l\'accesso. Ne arriva al massimo una all\'ora.',
      '',
      '---',
      '',
      `In the mutual aid of ${comune}, which your organisation mediates, there is ${en}. It is on the "Aiuto reciproco" page:`,
      '',
      link,
      '',
      'This email holds no text and no contact: you see them once signed in. At most one such email an hour.',
    ].join('\n'),
  };
}

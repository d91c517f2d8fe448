import { expect } from '@open-wc/testing';
import { render } from 'lit';
import {
  describeHours,
  describeWeek,
  hoursInWords,
  loadHoursEngine,
  renderHours,
  romeWallClock,
  stringsReady,
} from '@welfare-elements/core';
import { HOSTILE, resetAll } from '../../core/test/helpers.js';

/** Instants written with Rome's offset (+01:00 in winter, +02:00 in summer); the browser runs in UTC. */
const at = (iso: string) => new Date(iso);
const OFFICE = 'Mo-Fr 09:00-12:30; PH off';
const SPLIT = 'Mo-Fr 09:00-12:30,14:00-17:00; PH off';
/** What the feed's syntax looks like: day codes, PH, 09:00-12:30. */
const RAW = /\b(Mo|Tu|We|Th|Fr|Sa|Su|PH)\b|\d\d:\d\d-\d\d:\d\d/;

/** The text a person sees (aria-hidden short words) and hears (visually hidden long words). */
function partsOf(hours: string, lang: 'it' | 'en') {
  const host = document.createElement('div');
  render(renderHours(hours, lang), host);
  const words = host.querySelector('[part="hours-text"]');
  return {
    seen: words?.querySelector('[aria-hidden="true"]')?.textContent ?? words?.textContent,
    heard: words?.querySelector('.visually-hidden')?.textContent,
  };
}

function textOf(hours: string, lang: 'it' | 'en', when?: Date): string {
  const host = document.createElement('div');
  render(renderHours(hours, lang, when ? { at: when } : {}), host);
  return host.textContent!.replace(/\s+/g, ' ').trim();
}

describe('opening hours', () => {
  before(async () => {
    await loadHoursEngine();
    // The English words are fetched as a page in English would (i18n/dictionary.ts).
    await stringsReady('en');
  });
  afterEach(resetAll);

  it('reads the wall clock of Rome, not of the page', () => {
    const winter = romeWallClock(at('2026-12-02T08:30:00Z'));
    expect([winter.getDate(), winter.getHours(), winter.getMinutes()]).to.deep.equal([2, 9, 30]);
    const summer = romeWallClock(at('2026-07-01T23:30:00Z'));
    expect([summer.getMonth(), summer.getDate(), summer.getHours()]).to.deep.equal([6, 2, 1]);
  });

  it('is open on a weekday morning and says when it closes', () => {
    const s = describeHours(OFFICE, 'it', at('2026-12-02T10:00:00+01:00'));
    expect(s.status).to.equal('open');
    expect(s.text).to.equal('Aperto ora, chiude alle 12:30');
    expect(describeHours(OFFICE, 'en', at('2026-12-02T10:00:00+01:00')).text).to.equal('Open now, closes at 12:30');
  });

  it('uses Rome time: 12:00 UTC is 13:00 in Lodi, after closing', () => {
    // A page evaluating in UTC would say "open" here.
    const s = describeHours(OFFICE, 'it', at('2026-12-02T12:00:00Z'));
    expect(s.status).to.equal('closed');
    expect(s.text).to.equal('Chiuso, apre domani alle 9:00');
    // Summer time (+02:00): 07:30 UTC is 09:30 in Rome.
    expect(describeHours(OFFICE, 'it', at('2026-07-01T07:30:00Z')).status).to.equal('open');
    expect(describeHours(OFFICE, 'it', at('2026-07-01T06:30:00Z')).text).to.equal('Chiuso, apre oggi alle 9:00');
  });

  it('is closed at the weekend and opens on Monday', () => {
    const s = describeHours(OFFICE, 'it', at('2026-12-05T10:00:00+01:00'));
    expect(s.status).to.equal('closed');
    expect(s.text).to.equal('Chiuso, apre lunedì alle 9:00');
    expect(describeHours(OFFICE, 'en', at('2026-12-06T18:00:00+01:00')).text).to.equal('Closed, opens tomorrow at 9:00');
    expect(describeHours(OFFICE, 'en', at('2026-12-05T10:00:00+01:00')).text).to.equal('Closed, opens Monday at 9:00');
  });

  it('is closed in the lunch break and reopens today', () => {
    const s = describeHours(SPLIT, 'it', at('2026-12-02T13:15:00+01:00'));
    expect(s.status).to.equal('closed');
    expect(s.text).to.equal('Chiuso, apre oggi alle 14:00');
    expect(describeHours(SPLIT, 'en', at('2026-12-02T13:15:00+01:00')).text).to.equal('Closed, opens today at 14:00');
    expect(describeHours(SPLIT, 'it', at('2026-12-02T14:00:00+01:00')).text).to.equal('Aperto ora, chiude alle 17:00');
  });

  it('honours Italian public holidays where the string says PH off: 25 December', () => {
    // Friday 25 December 2026; Saturday 26 is Santo Stefano, then the weekend.
    const s = describeHours(OFFICE, 'it', at('2026-12-25T10:00:00+01:00'));
    expect(s.status).to.equal('closed');
    expect(s.text).to.equal('Chiuso per festività (Natale di Gesù), apre lunedì alle 9:00');
    expect(describeHours(OFFICE, 'en', at('2026-12-25T10:00:00+01:00')).text).to.equal(
      'Closed for the public holiday (Natale di Gesù), opens Monday at 9:00',
    );
  });

  it('honours 2 June (Festa della Repubblica) and reopens the next day', () => {
    // Tuesday 2 June 2026.
    const s = describeHours(OFFICE, 'it', at('2026-06-02T10:00:00+02:00'));
    expect(s.status).to.equal('closed');
    expect(s.text).to.equal('Chiuso per festività (Festa della Repubblica), apre domani alle 9:00');
  });

  it('stays open on a holiday when the string does not say PH off', () => {
    expect(describeHours('Mo-Fr 09:00-12:30', 'it', at('2026-06-02T10:00:00+02:00')).status).to.equal('open');
  });

  it('says 24 hours a day, closing at midnight, comments and unknown states', () => {
    expect(describeHours('24/7', 'it', at('2026-12-02T03:00:00+01:00')).text).to.equal('Aperto 24 ore su 24');
    expect(describeHours('24/7', 'en', at('2026-12-02T03:00:00+01:00')).text).to.equal('Open 24 hours a day');
    expect(describeHours('Mo-Fr 18:00-24:00', 'it', at('2026-12-02T19:00:00+01:00')).text).to.equal(
      'Aperto ora, chiude a mezzanotte',
    );
    expect(describeHours('Mo-Fr 09:00-12:00 open "su appuntamento"', 'it', at('2026-12-02T10:00:00+01:00')).text).to.equal(
      'Aperto ora, chiude alle 12:00 (su appuntamento)',
    );
    const unknown = describeHours('Mo-Fr 09:00-12:00 "su appuntamento"', 'it', at('2026-12-02T10:00:00+01:00'));
    expect(unknown.status).to.equal('unknown');
    expect(unknown.text).to.equal('Orari da verificare (su appuntamento)');
    expect(describeHours('Mo-Fr 09:00-12:00 "su appuntamento"', 'it', at('2026-12-05T10:00:00+01:00')).text).to.equal(
      'Chiuso; lunedì dalle 9:00: su appuntamento',
    );
    // A week away: the date too.
    expect(describeHours('Tu 09:00-12:00', 'it', at('2026-12-01T13:00:00+01:00')).text).to.equal(
      'Chiuso, apre martedì 8 dicembre alle 9:00',
    );
    expect(describeHours('Tu 09:00-12:00', 'en', at('2026-12-02T10:00:00+01:00')).text).to.equal(
      'Closed, opens Tuesday at 9:00',
    );
  });

  it('never shows an invalid string: a neutral text instead, without breaking', () => {
    const s = describeHours('lun-ven mattina, su appuntamento', 'it', at('2026-12-02T10:00:00+01:00'));
    expect(s.status).to.equal('invalid');
    expect(textOf('lun-ven mattina, su appuntamento', 'it')).to.equal('Orari: chiedere al servizio');
    expect(textOf('lun-ven mattina, su appuntamento', 'en')).to.equal('Opening hours: ask the service');
    expect(describeWeek('lun-ven mattina, su appuntamento', 'it')).to.equal(undefined);
  });

  it('renders the hours in words, the state and the next seven days, never the syntax', () => {
    const text = textOf(SPLIT, 'it', at('2026-12-24T10:00:00+01:00'));
    expect(text).to.contain('Orari: lun–ven 9:00–12:30 e 14:00–17:00, chiuso nei festivi');
    expect(text).to.contain('Aperto ora, chiude alle 12:30');
    expect(text).not.to.contain(SPLIT);
    expect(text).not.to.match(RAW);
    expect(text).to.contain('giovedì 24 dicembre (oggi): dalle 9:00 alle 12:30 e dalle 14:00 alle 17:00');
    expect(text).to.contain('venerdì 25 dicembre, festivo: chiuso (Natale di Gesù)');
    expect(text).to.contain('mercoledì 30 dicembre: dalle 9:00');
    const en = describeWeek(SPLIT, 'en', at('2026-12-24T10:00:00+01:00'))!;
    expect(en).to.have.length(7);
    // The date is the engine's own en-GB format: older CLDR data (WebKitGTK's ICU) puts a
    // comma after the weekday, newer data (Chromium, Firefox) does not; both read correctly.
    expect(en[0]!.label).to.match(/^Thursday,? 24 December \(today\)$/);
    expect(en[0]!.text).to.equal('9:00 to 12:30 and 14:00 to 17:00');
    expect(en[1]!.text).to.equal('closed (Natale di Gesù)');
  });

  it('binds comments from the feed as text only', () => {
    const host = document.createElement('div');
    render(renderHours(`Mo-Fr 09:00-12:00 open "${HOSTILE.replaceAll('"', "'")}"`, 'it', { at: at('2026-12-02T10:00:00+01:00') }), host);
    expect(host.querySelector('script, img')).to.equal(null);
    expect(host.textContent).to.contain('<script>');
  });
  it('puts the usual strings in words without the evaluator, Italian and English', () => {
    const cases: [string, string, string][] = [
      [SPLIT, 'lun–ven 9:00–12:30 e 14:00–17:00, chiuso nei festivi', 'Mon–Fri 9:00–12:30 and 14:00–17:00, closed on public holidays'],
      ['Mo-Fr 09:00-12:30', 'lun–ven 9:00–12:30', 'Mon–Fri 9:00–12:30'],
      ['Tu,Th 15:00-18:00', 'mar e gio 15:00–18:00', 'Tue and Thu 15:00–18:00'],
      ['Mo,We,Fr 09:00-12:00; PH off', 'lun, mer e ven 9:00–12:00, chiuso nei festivi', 'Mon, Wed and Fri 9:00–12:00, closed on public holidays'],
      ['Mo-Th 08:30-12:30; Fr 08:30-12:00; PH off', 'lun–gio 8:30–12:30; ven 8:30–12:00, chiuso nei festivi', 'Mon–Thu 8:30–12:30; Fri 8:30–12:00, closed on public holidays'],
      ['24/7', 'sempre aperto, 24 ore su 24', 'always open, 24 hours a day'],
      ['Mo-Su 19:00-08:00', 'tutti i giorni 19:00–8:00', 'every day 19:00–8:00'],
      ['Mo,Tu,Th,Fr,Sa 09:00-12:00', 'lun, mar e gio–sab 9:00–12:00', 'Mon, Tue and Thu–Sat 9:00–12:00'],
      ['Sa 09:00-12:00; PH 10:00-11:00', 'sab 9:00–12:00; festivi 10:00–11:00', 'Sat 9:00–12:00; public holidays 10:00–11:00'],
    ];
    for (const [hours, it, en] of cases) {
      expect(hoursInWords(hours, 'it'), hours).to.equal(it);
      expect(hoursInWords(hours, 'en'), hours).to.equal(en);
    }
  });

  it('follows the syntax: ";" replaces the days it names, "," adds to them', () => {
    // Wednesday is open only in the afternoon: not "lun–ven 9:00–13:00; mer 14:00–17:00".
    expect(hoursInWords('Mo-Fr 09:00-13:00; We 14:00-17:00; PH off', 'it')).to.equal(
      'lun, mar, gio e ven 9:00–13:00; mer 14:00–17:00, chiuso nei festivi',
    );
    expect(hoursInWords('Mo-Fr 09:00-12:30, Tu,Th 14:00-16:30; PH off', 'it')).to.equal(
      'lun, mer e ven 9:00–12:30; mar e gio 9:00–12:30 e 14:00–16:30, chiuso nei festivi',
    );
    expect(hoursInWords('Mo-Sa 09:00-12:00; We off', 'en')).to.equal('Mon, Tue and Thu–Sat 9:00–12:00');
  });

  it('gives up on syntax it does not cover, so the raw string is never shown', () => {
    for (const hours of ['Mo-Fr 09:00-12:00 open "su appuntamento"', '"su appuntamento"', 'Mo[1] 15:00-17:00',
      'Mo-Fr 09:00-12:00; Aug off', 'lun-ven mattina', 'Mo-Fr sunrise-sunset', 'Mo-Fr 09:00-25:00', '']) {
      expect(hoursInWords(hours, 'it'), hours).to.equal(undefined);
    }
  });

  it('says the hours in full to screen readers and short on screen', () => {
    const { seen, heard } = partsOf(SPLIT, 'it');
    expect(seen).to.equal('lun–ven 9:00–12:30 e 14:00–17:00, chiuso nei festivi');
    expect(heard).to.equal('da lunedì a venerdì dalle 9:00 alle 12:30 e dalle 14:00 alle 17:00, chiuso nei festivi');
    expect(partsOf('Tu,Th 15:00-18:00', 'en').heard).to.equal('Tuesday and Thursday 15:00 to 18:00');
  });
});

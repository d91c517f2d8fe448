/**
 * Realistic opening_hours strings, as Italian welfare services write them: weekday runs
 * with morning (and afternoon) hours, closed on public holidays or not, summer hours,
 * August and Christmas closures, Saturdays, appointments (comments), and a few the small
 * reader leaves to the library (`Mo[1]`, past midnight, comments). Used by the sameness
 * test (hours-sameness.test.mjs).
 */
const days = ['Mo-Fr', 'Mo-Sa', 'Mo,We,Fr', 'Tu,Th', 'Mo-Th', 'Tu-Sa', 'Mo,Tu,Th,Fr', 'We', 'Mo-Su', 'Sa'];
const times = [
  '09:00-12:00',
  '08:30-12:30',
  '09:00-12:30,14:00-17:00',
  '14:30-18:00',
  '08:00-13:00,14:00-16:30',
  '10:00-12:00',
  '15:00-19:00',
  '09:00-13:00,15:00-18:30',
];
const tails = [
  '',
  '; PH off',
  '; Aug off; PH off',
  '; Dec 24 off; Dec 31 off; PH off',
];

const special = [
  '24/7',
  'Mo-Fr 08:00-18:00; Sa 08:00-12:00; Su,PH off',
  'Mo-Fr 09:00-12:00, Sa 10:00-12:00; PH off',
  'Mo-Fr 09:00-12:00; Tu,Th 14:00-16:00',
  'Jan-Jun,Sep-Dec Mo-Fr 09:00-12:30,14:00-17:00; Jul-Aug Mo-Fr 08:00-13:00; PH off',
  'Mo-Fr 09:00-12:30; Jun 15-Sep 15 Mo-Fr 08:00-13:00; PH off',
  'Mo-Fr 09:00-12:00; Dec 25-Jan 06 off',
  'Mo-Fr 09:00-12:00; Aug 01-Aug 31 off',
  'Mo-Sa 08:00-20:00; Su 09:00-13:00; PH 09:00-12:00',
  'Mo-Fr 09:00-12:00; PH 10:00-11:00',
  'Mo-Fr,PH 09:00-12:00',
  'Su,PH off; Mo-Sa 09:00-12:00',
  'PH off; Mo-Fr 09:00-12:00',
  'Nov-Mar Mo-Fr 09:00-12:00; Apr-Oct Mo-Fr 08:00-12:00,15:00-18:00',
  'Mo-Fr 09:00-24:00',
  'Mo-Fr 00:00-24:00; PH off',
  'Mo-Fr 08:00-14:00; Dec 24 08:00-12:00; PH off',
  'Mo 09:00-12:00; We 14:00-17:00; Fr 09:00-12:00',
  'Sa-Mo 10:00-12:00',
  'Mo-Fr 09:00-12:00 "su appuntamento"; PH off',
  'Mo-Fr 09:00-12:00; Tu 15:00-17:00 "solo su appuntamento"; PH off',
  '"su appuntamento"',
  'Mo-Fr 22:00-02:00; PH off',
  'Mo[1] 09:00-12:00',
  'Mo-Fr 09:00-12:00; We[-1] off',
  'Tu 09:00-12:00; Th 09:00-12:00 unknown',
  'Mo-Fr 09:00-12:00; easter off',
  'week 1-52/2 Mo 09:00-12:00',
  'Mo-Fr 08:00-12:00; 2026 Dec 28-2027 Jan 06 off',
  'Mo-Fr 09:00-12:00; SH off',
];

export const hoursStrings = [
  ...days.flatMap((d) => times.flatMap((t) => tails.map((tail) => `${d} ${t}${tail}`))),
  ...days.slice(0, 2).flatMap((d) => times.map((t) => `${d} ${t}; Jun 15-Sep 15 ${d} 08:00-13:00; PH off`)),
  ...special,
];

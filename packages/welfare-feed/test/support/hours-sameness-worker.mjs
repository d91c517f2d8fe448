/**
 * One worker of the sameness test (hours-sameness.test.mjs): for each string, the
 * library's answer over the window against the compiled form and the small reader, every
 * 15 minutes, and the small evaluator's "open now / next change / week" against the
 * library's at random moments. Posts one result per string.
 */
process.env.TZ = 'UTC'; // wall-clock Dates read local fields: no daylight-saving gaps here
const { parentPort, workerData } = await import('node:worker_threads');
const { compileTimeline, libraryTimeline } = await import('@welfare-elements/core/hours/compile.js');
const { compiledPlanner, readCompiled } = await import('@welfare-elements/core/hours/compiled.js');
const { rulesPlanner } = await import('@welfare-elements/core/hours/rules.js');
const { nationalHolidays } = await import('@welfare-elements/core/hours/holidays.js');
const { dateOf, parseDay } = await import('@welfare-elements/core/hours/plan.js');
const { createLightEngine } = await import('@welfare-elements/core/hours/light.js');
const { createHoursEngine } = await import('@welfare-elements/core/hours/engine.js');

const { strings, window, seed } = workerData;
const first = parseDay(window.from);
const last = parseDay(window.to);
const holiday = (day) => {
  const [y, m, d] = dateOf(day);
  return nationalHolidays(y).get(`${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
};
const stateAt = (plan, minute) => {
  const i = plan.intervals.find(([a, b]) => a <= minute && minute < b);
  return !i ? 'closed' : i[2] === 1 ? 'unknown' : 'open';
};
let random = seed;
const next = () => ((random = (random * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

const library = createHoursEngine();
for (const hours of strings) {
  const result = { hours, readable: false, compiled: false, rules: false, samples: 0, mismatches: [], spot: 0 };
  const actual = libraryTimeline(hours, window);
  if (!actual) {
    parentPort.postMessage(result);
    continue;
  }
  result.readable = true;
  // The compiled form as a feed carries it: JSON, read back as untrusted input.
  const raw = compileTimeline(actual, window);
  const compiled = raw && readCompiled(JSON.parse(JSON.stringify(raw)));
  const rules = rulesPlanner(hours);
  result.compiled = !!compiled;
  result.rules = !!rules;
  const sources = [...(compiled ? [['compiled', compiledPlanner(compiled)]] : []), ...(rules ? [['rules', rules]] : [])];
  for (let day = first; day <= last; day++) {
    const truth = actual.get(day);
    for (const [name, planner] of sources) {
      const plan = planner(day, holiday(day));
      for (let minute = 0; minute < 1440; minute += 15) {
        result.samples++;
        const want = stateAt(truth, minute);
        const got = plan ? stateAt(plan, minute) : 'none';
        if (got !== want && result.mismatches.length < 5) {
          const [y, m, d] = dateOf(day);
          result.mismatches.push(`${name}: ${y}-${m}-${d} ${Math.floor(minute / 60)}:${minute % 60}: ${got}, library ${want}`);
        }
      }
    }
  }
  // The evaluator the page uses, against the library's own evaluator (engine.ts), at random
  // moments: state, next change and the week.
  if (sources.length) {
    const light = createLightEngine(undefined, rulesPlanner);
    if (compiled) light.addCompiled(new Map([[hours, compiled]]));
    const span = Date.UTC(2027, 10, 30) - Date.UTC(2026, 0, 1);
    for (let k = 0; k < 12; k++) {
      const at = new Date(Date.UTC(2026, 0, 1) + Math.floor((next() * span) / 60_000) * 60_000);
      const a = light.state(hours, at);
      const b = library.state(hours, at);
      result.spot++;
      const say = (s) => s && `${s.open ? 'open' : s.unknown ? 'unknown' : 'closed'} next ${s.next?.toISOString() ?? '-'} ${s.nextOpen ?? ''}`;
      if (say(a) !== say(b) && result.mismatches.length < 5) result.mismatches.push(`state at ${at.toISOString()}: ${say(a)}, library ${say(b)}`);
      if (k < 2) {
        const day = (w) => w?.map((d) => `${d.day.toISOString()} ${d.intervals.map((i) => `${i.from.toISOString()}-${i.to.toISOString()}${i.unknown ? '?' : ''}`).join(',')}`).join(' | ');
        const wa = day(light.week(hours, at));
        const wb = day(library.week(hours, at));
        if (wa !== wb && result.mismatches.length < 5) result.mismatches.push(`week from ${at.toISOString()}: ${wa}; library ${wb}`);
      }
    }
  }
  parentPort.postMessage(result);
}

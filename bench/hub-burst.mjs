/**
 * The hub benchmark's first load model, the one issue 16's goal is judged on: "50 editors
 * saving at once" read literally (bench/hub.mjs). Each editor has its offer open already (the
 * GET happened when the editor opened the page, not at the moment of saving); then the 50
 * press Save together and each PUT is timed from the moment it is sent. Several bursts, each
 * after every editor has opened its next offer and the hub has gone quiet again.
 *
 * The first burst meets a hub that has just started (its code not yet compiled by the JIT,
 * PostgreSQL's statements not yet prepared on each connection), so it is reported apart
 * from the others: a hub in service has been running for hours when 50 people save at once,
 * but the cold figure is what the first morning after a restart sees.
 */
import { cpuMs, machineTicks, openOffer, saveOffer, serverCpuMs } from './hub-client.mjs';

/** Time the hub is left idle between the editors opening their offers and the burst. */
const QUIET_MS = 300;

/**
 * `mine[i]` are editor i's offers, one per burst. Returns each burst's answers ({ ms,
 * status }) and the CPU time per PUT over the warm bursts (2 to the last), from /proc: of the
 * hub process, of its main thread alone (HTTP and the hub's code; PGlite has a thread of its
 * own), and of a local PostgreSQL server. Under load the CPU figures move far less than the times.
 * Also the share of the machine's CPU the host took for other guests during the saves (steal).
 */
export async function burstSaves(editors, mine, { hubPid, postmaster, bursts }) {
  const rounds = [];
  let hubCpu = 0;
  let mainCpu = 0;
  let serverCpu = 0;
  /** Machine ticks (all, stolen) during the saves: the first burst's, and the others' summed. */
  const coldTicks = { total: 0, steal: 0 };
  const warmTicks = { total: 0, steal: 0 };
  for (let round = 0; round < bursts; round++) {
    const opened = await Promise.all(editors.map((api, i) => openOffer(api, mine[i][round])));
    await new Promise((ok) => setTimeout(ok, QUIET_MS));
    const hubBefore = cpuMs(hubPid);
    const mainBefore = cpuMs(hubPid, hubPid);
    const serverBefore = serverCpuMs(postmaster);
    const ticksBefore = machineTicks();
    const answers = await Promise.all(editors.map((api, i) => saveOffer(api, opened[i], `(raffica ${round})`)));
    const ticksAfter = machineTicks();
    if (ticksBefore && ticksAfter) {
      const into = round > 0 ? warmTicks : coldTicks;
      into.total += ticksAfter.total - ticksBefore.total;
      into.steal += ticksAfter.steal - ticksBefore.steal;
    }
    if (round > 0) {
      hubCpu += cpuMs(hubPid) - hubBefore;
      mainCpu += cpuMs(hubPid, hubPid) - mainBefore;
      serverCpu += serverCpuMs(postmaster) - serverBefore;
    }
    rounds.push(answers);
  }
  const warmSaves = rounds.slice(1).flat().length;
  const percent = (t) => (t.total ? (100 * t.steal) / t.total : undefined);
  return {
    rounds,
    hubCpuPerPut: hubCpu / warmSaves,
    mainCpuPerPut: mainCpu / warmSaves,
    serverCpuPerPut: serverCpu / warmSaves,
    coldStolen: percent(coldTicks),
    warmStolen: percent(warmTicks),
  };
}

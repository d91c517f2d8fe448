/**
 * How every tool here starts Chromium (tests, example-page tests, benchmarks): Debian's
 * chromium unless CHROME_PATH says otherwise, run as root without a sandbox, and a
 * resolver rule that sends every host but loopback nowhere, so nothing can fetch map
 * tiles or anything else from outside.
 */
export const chromiumPath = process.env.CHROME_PATH || '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
];

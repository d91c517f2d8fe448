import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import * as puppeteerCore from 'puppeteer-core';
import { chosenEngines, chromiumArgs, chromiumPath, firefoxLaunchOptions } from './scripts/browsers.mjs';
import { countReporter } from './scripts/count-reporter.mjs';
import { webkitLauncher } from './scripts/wtr-webkit.mjs';
import { defaultReporter } from '@web/test-runner';

/**
 * Browser tests run in Debian's Chromium (CHROME_PATH overrides), Firefox ESR and WebKit
 * (MiniBrowser), as scripts/browsers.mjs starts them. `WELFARE_BROWSERS` chooses:
 * Chromium alone by default (quickest while working), `all` or a list such as
 * `firefox,webkit`; `npm test` runs each of the three. WebKit needs a display
 * (`xvfb-run -a npx wtr`). Every engine is fenced off every host but loopback, so no
 * test can fetch tiles or anything else from outside, even by mistake.
 */
const launchers = {
  chromium: () =>
    chromeLauncher({
      launchOptions: {
        executablePath: chromiumPath,
        headless: true,
        args: chromiumArgs,
      },
    }),
  // The same puppeteer launcher, over WebDriver BiDi (puppeteer-core's own Firefox support).
  firefox: () => chromeLauncher({ puppeteer: puppeteerCore, launchOptions: firefoxLaunchOptions }),
  webkit: () => webkitLauncher(),
};
const requestCounts = new Map();

export default {
  rootDir: '.',
  files: process.env.WTR_FILES ? process.env.WTR_FILES.split(',') : ['packages/*/test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['welfare-source', 'browser', 'import', 'default'] },
  // One page at a time: a second page is hidden, and hidden pages get no requestAnimationFrame.
  concurrency: 1,
  concurrentBrowsers: 1,
  // WebKit drives a real window over WebDriver and the Leaflet chunk is compiled on its
  // first request: on a busy 2-core machine one map test can pass 10 s there.
  testFramework: { config: { timeout: chosenEngines().includes('webkit') ? 20000 : 10000 } },
  testsFinishTimeout: 20 * 60 * 1000,
  // WebKit's first window on a fresh machine (WebKitWebDriver, MiniBrowser, retried by
  // scripts/browsers.mjs when it hangs) can take more than the default 30 s: the fresh-clone
  // CI of 2026-12-02 lost its first two test files that way. Later files reuse the window.
  browserStartTimeout: chosenEngines().includes('webkit') ? 120_000 : 30_000,
  middleware: [
    // /__hits?url=<path and query> answers how many requests the server had for that URL:
    // a count the page cannot race (resource timing entries arrive a task late).
    async function hits(ctx, next) {
      if (ctx.path === '/__hits') {
        ctx.type = 'application/json';
        ctx.body = JSON.stringify(requestCounts.get(ctx.query.url) ?? 0);
        return;
      }
      requestCounts.set(ctx.url, (requestCounts.get(ctx.url) ?? 0) + 1);
      return next();
    },
    // /__slow/<ms>/<path> serves <path> late (loading states); /__status/<code> answers that code;
    // /__trickle/<bytes>/<path> sends <path> in pieces of <bytes>, each in its own network
    // packet, so a feed is read while it arrives (cuts inside strings and UTF-8 characters).
    async function trickle(ctx, next) {
      const m = ctx.url.match(/^\/__trickle\/(\d+)(\/[^?]*)/);
      if (!m) return next();
      const bytes = readFileSync(resolve('.', `.${decodeURIComponent(m[2])}`));
      const size = Math.max(1, Number(m[1]));
      ctx.type = 'application/json';
      ctx.body = Readable.from(
        (async function* () {
          for (let i = 0; i < bytes.length; i += size) {
            yield bytes.subarray(i, i + size);
            await new Promise((ok) => setTimeout(ok, 1));
          }
        })(),
      );
    },
    // /__fail-once/<key>?file=<path>: the first request for that URL answers 503, later ones
    // serve <path> (a "Riprova" that works). No file extension in the failing URL, so the
    // runner's cache header (set on paths with an extension) does not keep the 503.
    // /__drop closes the connection without an answer: a same-origin network failure.
    async function drop(ctx, next) {
      if (ctx.path !== '/__drop') return next();
      ctx.req.socket.destroy();
      ctx.respond = false;
    },
    async function failOnce(ctx, next) {
      if (!ctx.path.startsWith('/__fail-once/')) return next();
      if (requestCounts.get(ctx.url) === 1) {
        ctx.status = 503;
        ctx.body = 'test status';
        return;
      }
      ctx.url = String(ctx.query.file);
      return next();
    },
    async function testFeeds(ctx, next) {
      const slow = ctx.url.match(/^\/__slow\/(\d+)(\/.*)$/);
      if (slow) {
        await new Promise((resolve) => setTimeout(resolve, Number(slow[1])));
        ctx.url = slow[2];
      }
      const status = ctx.url.match(/^\/__status\/(\d{3})/);
      if (status) {
        ctx.status = Number(status[1]);
        ctx.body = 'test status';
        return;
      }
      return next();
    },
  ],
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' })],
  browsers: chosenEngines().map((engine) => launchers[engine]()),
  reporters: [defaultReporter(), countReporter()],
};

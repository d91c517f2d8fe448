import { readFileSync } from 'node:fs';

export const fixture = (name) => new URL(`../fixtures/${name}`, import.meta.url);
export const fixturePath = (name) => fixture(name).pathname;
export const readFixture = (name) => readFileSync(fixture(name), 'utf8');
export const readJsonFixture = (name) => JSON.parse(readFixture(name));
/** A fixed "today" so expiry checks do not depend on when tests run. */
export const TODAY = '2026-06-01';
export const codes = (issues) => issues.map((i) => i.code);

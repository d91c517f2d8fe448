/**
 * Shorter private property names in one chunk (issue 14): Leaflet's `_names` (`_map`,
 * `_latLngToNewLayerPoint`, `_welfare_map_id`...) are a fifth of its minified bytes, and
 * terser leaves property names alone unless told. This plugin renames the properties that
 * start with one underscore (not `__proto__`/`__super__`, not lit's `_$` and `_` internals) in the
 * chunks it is given, before terser compresses them, and fails the build when renaming
 * could change what the code does:
 *
 * - a string in the chunk names a renamed property, or starts one (`'_leaflet_id' in obj`,
 *   `obj['_' + name]`): the code may reach the property by its old name at run time;
 * - another chunk of the bundle (welfare-map.js, the entry...) uses a renamed name: it would
 *   read or write the old one;
 * - a renamed name starts with `_$` or `__` (lit's and the language's own).
 *
 * What remains is code that builds a property name from pieces that are not strings
 * (none in Leaflet 1.9, supercluster or packages/map/src; see rollup.config.mjs).
 */
import { parseAst } from 'rollup/parseAst';
import { minify } from 'terser';

/**
 * One leading underscore and more: `__x`, lit's `_$x` and lit's minified method `_` (lit-html's
 * ChildPart) are never renamed, should lit's code ever share the chunk.
 */
export const PRIVATE = /^_(?!_|\$)./;

/** `_name` tokens inside a string: `--_size` (a CSS custom property) is not one. */
const TOKEN = /(?<![\w$-])_[\w$]*/g;

/** Every string literal and template part of a chunk's code. */
function strings(code) {
  const out = [];
  const walk = (node) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node.type !== 'string') return;
    if (node.type === 'Literal' && typeof node.value === 'string') out.push(node.value);
    if (node.type === 'TemplateElement') out.push(node.value.cooked ?? node.value.raw);
    for (const key in node) if (key !== 'type' && node[key] && typeof node[key] === 'object') walk(node[key]);
  };
  walk(parseAst(code));
  return out;
}

/**
 * Strings of `code` that name, or begin, a renamed property. `allowed` maps a string to
 * the number of times it may occur (each reviewed: see rollup.config.mjs); another count
 * is a hazard too, so new uses of an allowed string are looked at again.
 */
export function stringHazards(code, renamed, allowed = new Map()) {
  const names = [...renamed];
  const hazards = [];
  const seen = new Map();
  for (const s of strings(code)) {
    const hits = [...s.matchAll(TOKEN)].flatMap(([t]) => names.filter((n) => n.startsWith(t)));
    if (!hits.length) continue;
    if (allowed.has(s)) seen.set(s, (seen.get(s) ?? 0) + 1);
    else hazards.push(`the string ${JSON.stringify(s)} names or begins the renamed ${hits.slice(0, 3).join(', ')}`);
  }
  for (const [s, count] of allowed) {
    if ((seen.get(s) ?? 0) !== count) hazards.push(`the string ${JSON.stringify(s)} occurs ${seen.get(s) ?? 0} times, ${count} reviewed`);
  }
  return hazards;
}

/** Renamed names that `code` (another chunk, minified) uses in any form, CSS custom properties apart. */
export function crossChunkHazards(code, renamed) {
  return [...new Set([...code.matchAll(TOKEN)].map(([t]) => t))].filter((t) => renamed.has(t));
}

/** Renames the private names of `code`; returns the code, its source map and the old names. */
export async function renamePrivate(code, { reserved = [] } = {}) {
  const nameCache = {};
  const out = await minify(code, {
    module: true,
    ecma: 2020,
    compress: false,
    // keep_quoted: a name written as a string (`obj['_x']`) keeps its name everywhere.
    mangle: { properties: { regex: PRIVATE, keep_quoted: true, reserved } },
    nameCache,
    sourceMap: { asObject: true },
  });
  const props = nameCache.props?.props ?? {};
  // terser's cache keys are the old names with a leading `$`.
  const renamed = new Set(Object.keys(props).map((k) => k.slice(1)));
  return { code: out.code, map: out.map, renamed };
}

/**
 * The rollup plugin: `chunk` picks the chunks by file name; `reserved` are names never
 * renamed; `allowed` the reviewed strings (string → count). Put it before terser.
 */
export function manglePrivate({ chunk, reserved = [], allowed = new Map() }) {
  const renamed = new Set();
  return {
    name: 'mangle-private',
    async renderChunk(code, info) {
      if (!chunk.test(info.fileName)) return null;
      const out = await renamePrivate(code, { reserved });
      const hazards = stringHazards(code, out.renamed, allowed);
      const foreign = [...out.renamed].filter((n) => !PRIVATE.test(n));
      if (foreign.length) hazards.push(`renamed names outside ${PRIVATE}: ${foreign.join(', ')}`);
      if (hazards.length) this.error(`${info.fileName}: renaming private properties is unsafe:\n- ${hazards.join('\n- ')}`);
      for (const name of out.renamed) renamed.add(name);
      return { code: out.code, map: out.map };
    },
    generateBundle(_options, bundle) {
      // renderChunk sees file names with hash placeholders: the chunks are told apart by `chunk` again.
      if (!renamed.size) this.error(`mangle-private: no chunk matches ${chunk}`);
      const hazards = Object.values(bundle)
        .filter((other) => other.type === 'chunk' && !chunk.test(other.fileName))
        .map((other) => [other.fileName, crossChunkHazards(other.code, renamed)])
        .filter(([, used]) => used.length)
        .map(([file, used]) => `${file} uses ${used.join(', ')}`);
      if (hazards.length) this.error(`names renamed in the ${chunk} chunk are used elsewhere (reserve them):\n- ${hazards.join('\n- ')}`);
    },
  };
}

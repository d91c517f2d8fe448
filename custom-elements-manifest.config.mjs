/**
 * Custom Elements Manifest settings, shared by `scripts/manifest.mjs` (which writes one
 * packages/<pkg>/custom-elements.json per element package) and by a plain
 * `npx cem analyze --config custom-elements-manifest.config.mjs --outdir <dir>` over
 * the whole repo (one combined manifest, for a quick look).
 *
 * The analyzer understands lit's experimental decorators (`@property`) through its lit
 * plugin (`litelement: true`). Three small plugins fit it to this project:
 * - `Element.define('welfare-x')` (our base class's define, which skips a tag already
 *   defined) counts as a `customElements.define` call, so classes get their tag names;
 * - `lang` (a global HTML attribute the elements read, CONTRACT §2) is listed with the
 *   other shared attributes;
 * - private and protected members, and the computed event name of the base class's
 *   `emit()`, are left out: the manifest is the public API.
 */

/** `WelfareList.define('welfare-list')` → a custom-element-definition export. */
export function defineCallPlugin() {
  return {
    name: 'welfare-define-call',
    analyzePhase({ ts, node, moduleDoc, context }) {
      if (node.kind !== ts.SyntaxKind.CallExpression) return;
      const callee = node.expression;
      if (!callee || callee.kind !== ts.SyntaxKind.PropertyAccessExpression) return;
      if (callee.name?.text !== 'define' || callee.expression?.kind !== ts.SyntaxKind.Identifier) return;
      const className = callee.expression.text;
      if (className === 'customElements') return; // the analyzer's own plugin handles it
      const tag = node.arguments?.[0];
      if (!tag || tag.kind !== ts.SyntaxKind.StringLiteral || !tag.text.includes('-')) return;
      const imported = context?.imports?.find((i) => i.name === className);
      const where = imported
        ? imported.isBareModuleSpecifier
          ? { package: imported.importPath }
          : { module: new URL(imported.importPath, `file:///${moduleDoc.path}`).pathname.replace(/^\//, '') }
        : { module: moduleDoc.path };
      moduleDoc.exports = [
        ...(moduleDoc.exports ?? []),
        { kind: 'custom-element-definition', name: tag.text, declaration: { name: className, ...where } },
      ];
    },
  };
}

const LANG_DESCRIPTION =
  '`it` or `en`. Default: the nearest `lang` of an ancestor, then the document\'s, then `it`. ' +
  'A global HTML attribute: set it as an attribute (or `element.lang`); the element follows changes.';

/** Lists `lang` (CONTRACT §2) on every element that has the other shared attributes. */
export function langAttributePlugin() {
  return {
    name: 'welfare-lang-attribute',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules ?? []) {
        for (const decl of mod.declarations ?? []) {
          if (decl.kind !== 'class' || !decl.tagName) continue;
          const shared = decl.attributes?.find((a) => a.name === 'src');
          if (!shared || decl.attributes.some((a) => a.name === 'lang')) continue;
          const lang = { name: 'lang', type: { text: "'it' | 'en'" }, description: LANG_DESCRIPTION };
          if (shared.inheritedFrom) lang.inheritedFrom = shared.inheritedFrom;
          decl.attributes.push(lang);
        }
      }
    },
  };
}

/**
 * Drops private and protected members (and `#private` ones): not part of the API. Also
 * drops the event the analyzer reads from the base class's `emit(name, detail)` (its
 * name is a variable): each element documents its real events with `@fires`.
 */
export function publicOnlyPlugin() {
  return {
    name: 'welfare-public-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules ?? []) {
        for (const decl of mod.declarations ?? []) {
          if (decl.events) {
            decl.events = decl.events.filter((e) => e.description || e.inheritedFrom?.name !== 'WelfareElement');
            if (!decl.events.length) delete decl.events;
          }
          if (!decl.members) continue;
          decl.members = decl.members.filter(
            (m) => m.privacy !== 'private' && m.privacy !== 'protected' && !m.name.startsWith('#'),
          );
        }
      }
    },
  };
}

export default {
  globs: ['packages/*/src/**/*.ts'],
  exclude: ['packages/welfare-feed/**', '**/*.test.ts', '**/*.d.ts'],
  litelement: true,
  // A quick-look run with --outdir must not write its temporary path into the root
  // package.json (the analyzer does by default); the root points at the bundle's manifest.
  packagejson: false,
  plugins: [defineCallPlugin(), langAttributePlugin(), publicOnlyPlugin()],
};

/*
 * What a strict host page sees, recorded for examples/test/hosts.test.mjs. A classic
 * script loaded before everything else (no inline script: the pages run under
 * `script-src 'self'`):
 *   __violations  every `securitypolicyviolation` (CSP and Trusted Types), as text;
 *   __errors      uncaught errors and unhandled rejections;
 *   __loaded      the tags that fired `welfare-load` (events are composed and bubble).
 */
window.__violations = [];
window.__errors = [];
window.__loaded = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__violations.push(e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sample || '') + ' at ' + (e.sourceFile || '') + ':' + e.lineNumber);
});
window.addEventListener('error', function (e) {
  window.__errors.push(String(e.message));
});
window.addEventListener('unhandledrejection', function (e) {
  window.__errors.push(String(e.reason && e.reason.message ? e.reason.message : e.reason));
});
document.addEventListener('welfare-load', function (e) {
  window.__loaded.push(e.target.localName);
});

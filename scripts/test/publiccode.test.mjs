/**
 * publiccode.yml, the file the Developers Italia catalogue reads, against the publiccode.yml
 * standard 0.4 (https://yml.publiccode.tools): its mandatory keys, allowed values and
 * controlled vocabularies (categories, scope), and the descriptions in Italian and English
 * that the catalogue shows. No validator service is reachable from CI, so the rules are
 * written here from the standard's text. Run alone with
 *   node --test scripts/test/publiccode.test.mjs
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parse } from 'yaml';

const root = new URL('../../', import.meta.url);
const pc = parse(readFileSync(new URL('publiccode.yml', root), 'utf8'));
const pkg = JSON.parse(readFileSync(new URL('packages/welfare-elements/package.json', root), 'utf8'));

// The standard's controlled vocabularies (docs/standard/categories-list.rst, scope-list.rst).
const CATEGORIES = `accounting agile-project-management applicant-tracking application-development
appointment-scheduling backup billing-and-invoicing blog budgeting business-intelligence
business-process-management cad call-center-management cloud-management collaboration communications
compliance-management contact-management content-management crm customer-service-and-support
data-analytics data-collection data-visualization design design-system digital-asset-management
digital-citizenship document-management donor-management e-commerce e-signature educational-content
email-management email-marketing employee-management enterprise-project-management
enterprise-social-networking erp event-management facility-management feedback-and-reviews-management
financial-reporting fleet-management fundraising gamification geographic-information-systems
grant-management graphic-design help-desk hr ide identity-management instant-messaging
inventory-management it-asset-management it-development it-management it-security
it-service-management knowledge-management learning-management-system marketing mind-mapping
mobile-marketing mobile-payment network-management office online-booking online-community
payment-gateway payroll predictive-analysis procurement productivity-suite project-collaboration
project-management property-management real-estate-management remote-support resource-management
sales-management seo service-desk social-media-management survey talent-management task-management
taxes-management test-management time-management time-tracking translation video-conferencing
video-editing visitor-management voip warehouse-management web-collaboration web-conferencing
website-builder whistleblowing workflow-management`.split(/\s+/);
const SCOPES = `agriculture culture defence education emergency-services employment energy environment
finance-and-economic-development foreign-affairs healthcare infrastructures justice local-authorities
manufacturing research science-and-technology security society sport tourism transportation
welfare`.split(/\s+/);
const SOFTWARE_TYPES = ['standalone/mobile', 'standalone/iot', 'standalone/desktop', 'standalone/web', 'standalone/backend', 'standalone/other', 'addon', 'library', 'configurationFiles'];
const STATUSES = ['concept', 'development', 'beta', 'stable', 'obsolete'];
const MAINTENANCE = ['internal', 'contract', 'community', 'none'];
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const isUrl = (v) => typeof v === 'string' && /^https?:\/\/[^\s]+$/.test(v);

describe('publiccode.yml (standard 0.4)', () => {
  it('has every mandatory top-level key, with allowed values', () => {
    assert.equal(pc.publiccodeYmlVersion, '0.4', 'publiccodeYmlVersion is the string "0.4"');
    assert.ok(typeof pc.name === 'string' && pc.name.length > 0, 'name');
    assert.ok(isUrl(pc.url), 'url is the repository URL');
    const platforms = [pc.platforms].flat();
    assert.ok(platforms.length > 0 && platforms.includes('web'), 'platforms lists web');
    assert.ok(STATUSES.includes(pc.developmentStatus), `developmentStatus is one of ${STATUSES.join(', ')}`);
    assert.ok(SOFTWARE_TYPES.includes(pc.softwareType), `softwareType is one of ${SOFTWARE_TYPES.join(', ')}`);
    assert.ok(Array.isArray(pc.categories) && pc.categories.length > 0, 'categories');
    const unknown = pc.categories.filter((c) => !CATEGORIES.includes(c));
    assert.deepEqual(unknown, [], 'categories come from the standard list');
  });

  it('matches the package it describes (version, licence, dates)', () => {
    assert.equal(pc.softwareVersion, pkg.version, 'softwareVersion is the bundle package version');
    assert.equal(pc.legal?.license, pkg.license, 'legal.license is the packages’ SPDX licence');
    assert.equal(pc.legal.license, 'EUPL-1.2');
    if (pc.releaseDate !== undefined) assert.match(pc.releaseDate, DATE, 'releaseDate is YYYY-MM-DD');
    if (pc.landingURL !== undefined) assert.ok(isUrl(pc.landingURL), 'landingURL');
  });

  it('describes the software in Italian and in English, as the standard bounds them', () => {
    for (const lang of ['it', 'en']) {
      const d = pc.description?.[lang];
      assert.ok(d, `description.${lang}`);
      assert.ok(typeof d.shortDescription === 'string' && d.shortDescription.length > 0, `${lang}: shortDescription`);
      assert.ok(d.shortDescription.length <= 150, `${lang}: shortDescription is at most 150 characters (${d.shortDescription.length})`);
      assert.ok(!d.shortDescription.includes('\n'), `${lang}: shortDescription is one line`);
      const long = d.longDescription?.length ?? 0;
      assert.ok(long >= 150 && long <= 10_000, `${lang}: longDescription is 150 to 10000 characters (${long})`);
      assert.ok(Array.isArray(d.features) && d.features.length >= 5, `${lang}: features list what a user can do`);
      assert.ok(d.features.every((f) => typeof f === 'string' && f.trim()), `${lang}: every feature is text`);
      if (d.documentation !== undefined) assert.ok(isUrl(d.documentation), `${lang}: documentation is a URL`);
    }
  });

  it('says who maintains it, and in which languages it is', () => {
    assert.ok(MAINTENANCE.includes(pc.maintenance?.type), `maintenance.type is one of ${MAINTENANCE.join(', ')}`);
    if (pc.maintenance.type === 'contract') {
      assert.ok(pc.maintenance.contractors?.every((c) => c.name && DATE.test(c.until)), 'contractors have a name and an until date');
    }
    if (['internal', 'community'].includes(pc.maintenance.type)) {
      assert.ok(pc.maintenance.contacts?.length > 0 && pc.maintenance.contacts.every((c) => c.name), 'contacts have a name');
    }
    assert.equal(typeof pc.localisation?.localisationReady, 'boolean', 'localisation.localisationReady is a boolean');
    assert.deepEqual([...pc.localisation.availableLanguages].sort(), ['en', 'it'], 'available in Italian and English');
  });

  it('uses the standard scope list and the Italian extension keys', () => {
    const scope = pc.intendedAudience?.scope ?? [];
    assert.deepEqual(scope.filter((s) => !SCOPES.includes(s)), [], 'intendedAudience.scope comes from the standard list');
    assert.ok(scope.includes('welfare'));
    if (pc.it) {
      assert.equal(pc.it.countryExtensionVersion, '1.0', 'it.countryExtensionVersion');
      for (const [section, keys] of Object.entries({ conforme: ['lineeGuidaDesign', 'modelloInteroperabilita', 'misureMinimeSicurezza', 'gdpr'], piattaforme: ['spid', 'cie', 'anpr', 'pagopa'] })) {
        for (const [key, value] of Object.entries(pc.it[section] ?? {})) {
          assert.ok(keys.includes(key), `it.${section}.${key} is a key of the Italian extension`);
          assert.equal(typeof value, 'boolean', `it.${section}.${key} is a boolean`);
        }
      }
    }
  });
});

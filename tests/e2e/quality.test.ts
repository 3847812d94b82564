/**
 * axe (WCAG 2.2 AA and best practices, both colour schemes, 360 and 1280 px) and the phone layout checks on the axe
 * sample of the site's pages; support/quality-suite.ts has the tests, tests/e2e/phone-layout.test.ts the other pages.
 */
import { qualitySuite } from './support/quality-suite.ts';

qualitySuite('axe sample');

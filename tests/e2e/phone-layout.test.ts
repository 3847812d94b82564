/**
 * The phone layout checks (no sideways scroll at 360 px, images with alt text and dimensions, no layout shift) on every
 * page outside the axe sample; support/quality-suite.ts has the tests, tests/e2e/quality.test.ts the sample.
 */
import { qualitySuite } from './support/quality-suite.ts';

qualitySuite('rest');

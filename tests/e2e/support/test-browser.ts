import { chromium, type Browser } from 'playwright-core';
import { inject } from 'vitest';

/**
 * The browser tests' Chromium: a connection to the one the global setup started. Starting a Chromium costs about 3 s of
 * CPU on this machine, and each test file used to start its own. `close()` closes the contexts this file opened and
 * disconnects; the browser itself stops with the global setup's teardown.
 */
export function testBrowser(): Promise<Browser> {
  return chromium.connect(inject('browserEndpoint'));
}

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { testBrowser } from './support/test-browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await testBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the built site in a real browser', () => {
  it('renders a role page with JavaScript disabled, skip link first', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${inject('baseUrl')}/roles/sound-engineer/`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Sound engineer');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Skip to content');
    await context.close();
  });

  it('returns the 404 page for an unknown address', async () => {
    const res = await fetch(`${inject('baseUrl')}/roles/no-such-role/`);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('Page not found');
  });
});

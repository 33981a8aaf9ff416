import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Checks what can be checked mechanically on the current view: every form control and button has
 * an accessible name, every picture (`role="img"`) a label, the page has exactly one `h1` and a
 * `main` landmark, and nothing overflows the viewport horizontally (the layout reflows on a phone).
 */
export async function expectAccessibleView(page: Page): Promise<void> {
  const problems = await page.evaluate(() => {
    const found: string[] = [];
    const named = (element: Element) => {
      const labelled = element.getAttribute('aria-labelledby');
      return (
        (element as HTMLInputElement).labels?.length ||
        element.getAttribute('aria-label')?.trim() ||
        (labelled && document.getElementById(labelled)?.textContent?.trim())
      );
    };
    for (const control of document.querySelectorAll('input:not([type=hidden]), select, textarea')) {
      if (!named(control)) found.push(`unlabelled ${control.outerHTML.slice(0, 80)}`);
    }
    for (const button of document.querySelectorAll('button, a[href]')) {
      if (!button.textContent?.trim() && !button.getAttribute('aria-label')) {
        found.push(`nameless ${button.outerHTML.slice(0, 80)}`);
      }
    }
    for (const picture of document.querySelectorAll('[role=img]')) {
      if (!picture.getAttribute('aria-label')) found.push('picture without a label');
    }
    if (document.querySelectorAll('h1').length !== 1) found.push('not exactly one h1');
    if (!document.querySelector('main')) found.push('no main landmark');
    if (document.documentElement.scrollWidth > window.innerWidth + 1) {
      found.push(`horizontal overflow: ${document.documentElement.scrollWidth} > ${window.innerWidth}`);
    }
    return found;
  });
  expect(problems).toEqual([]);
}

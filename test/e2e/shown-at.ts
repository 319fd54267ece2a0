import type { Page } from '@playwright/test';

/**
 * When (wall clock, ms) the element with this test id showed each value, as the page itself saw it change: a
 * MutationObserver in the page, not the test's own polling, which notices a change up to a second late on a
 * loaded machine (Playwright checks again after 100, 250, 500 ms, then every second). The value is the attribute's,
 * or the element's text without one; null while the element is not there. Watch after the page has loaded.
 * (The script is a string: this folder is type-checked without the DOM library.)
 */
export async function watchShown(page: Page, testId: string, attribute: string | null = null): Promise<(value: string | null) => Promise<number[]>> {
  const key = JSON.stringify(JSON.stringify([testId, attribute]));
  await page.evaluate(`(() => {
    const [testId, attribute] = JSON.parse(${key});
    const shown = (window.shownAt ??= {});
    const seen = (shown[${key}] = []);
    const read = () => {
      const el = document.querySelector('[data-testid="' + CSS.escape(testId) + '"]');
      return el ? (attribute ? el.getAttribute(attribute) : el.textContent) : null;
    };
    let last = read();
    seen.push({ value: last, at: Date.now() });
    new MutationObserver(() => {
      const now = read();
      if (now === last) return;
      last = now;
      seen.push({ value: now, at: Date.now() });
    }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  })()`);
  return async (value) => {
    const seen = (await page.evaluate(`window.shownAt[${key}]`)) as { value: string | null; at: number }[];
    return seen.filter((s) => s.value === value).map((s) => s.at);
  };
}

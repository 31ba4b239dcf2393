import type { Page } from 'playwright-core';

/**
 * Visible controls smaller than 44×44 px, and visible text under 16 px: a finger and an eye at arm's
 * length (the console's rule: tests/e2e/console.test.ts and admin.test.ts).
 */
export async function tooSmall(page: Page): Promise<{ targets: string[]; text: string[] }> {
  return page.evaluate(() => {
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      const s = getComputedStyle(el);
      return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none';
    };
    const name = (el: Element) => `${el.tagName.toLowerCase()}[${el.getAttribute('data-testid') ?? ''}] "${(el.textContent ?? '').trim().slice(0, 24)}"`;
    const targets: string[] = [];
    for (const el of document.querySelectorAll('button, a[href], input, select, textarea, [role="button"], [role="tab"]')) {
      if (!visible(el)) continue;
      const r = el.getBoundingClientRect();
      if (r.width < 44 || r.height < 44) targets.push(`${name(el)} ${Math.round(r.width)}×${Math.round(r.height)}`);
    }
    const text: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !(n.textContent ?? '').trim() || !visible(el)) continue;
      const px = Number.parseFloat(getComputedStyle(el).fontSize);
      if (px < 16) text.push(`${name(el)} ${px}px`);
    }
    return { targets, text: [...new Set(text)] };
  });
}

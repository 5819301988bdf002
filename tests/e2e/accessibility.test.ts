import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useE2e } from '../support/e2e';
import { selectPhrase } from '../support/select-phrase';

/**
 * axe-core on every view and dialog, in light and dark colour schemes, plus the keyboard, focus,
 * live-region, reduced-motion and zoom behaviour the audit cannot see. @axe-core/playwright needs
 * Node 22, so axe's own source is injected with page.evaluate (evaluate is not subject to the CSP).
 */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const COLLECTION = 'lt-deportations-1940-1953';

const e2e = useE2e();

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

interface Screen {
  name: string;
  /** Hash path to open (without "#"). */
  path: string;
  /** Opens a dialog on the screen listed just before, in the same document, instead of loading afresh. */
  continues?: boolean;
  /** Waits until the screen shows what is to be audited; may open a dialog. */
  ready: (page: Page) => Promise<void>;
}

/** One line per screen: adding a view to the audit is adding an entry here. */
const SCREENS: Screen[] = [
  {
    name: 'Search with results',
    path: '/search',
    ready: async (page) => {
      await page.getByRole('searchbox', { name: 'Search' }).fill('Krasnoyarsk');
      await page.getByRole('list', { name: 'Search results' }).getByRole('link').first().waitFor();
    },
  },
  {
    name: 'Search syntax help dialog',
    continues: true,
    path: '/search',
    ready: async (page) => {
      await page.getByRole('button', { name: 'Query syntax' }).click();
      await page.getByRole('dialog').waitFor();
    },
  },
  { name: 'Browse list', path: '/browse', ready: (page) => page.getByRole('table').first().waitFor() },
  {
    name: 'Record page',
    path: `/browse/record/${COLLECTION}/place-krasnoyarsk`,
    ready: (page) => heading(page, 'Krasnoyarsk').waitFor(),
  },
  {
    name: 'Timeline',
    path: '/browse/timeline',
    ready: (page) => page.locator('.timeline').first().waitFor(),
  },
  { name: 'Charts', path: '/browse/charts', ready: (page) => page.getByRole('table').first().waitFor() },
  { name: 'Map', path: '/browse/map', ready: (page) => page.locator('.exile-map').first().waitFor() },
  { name: 'Reader', path: '/reader', ready: (page) => heading(page, 'Reader').waitFor() },
  {
    name: 'Reader with a collection text',
    path: `/reader/${COLLECTION}/overview`,
    ready: (page) => page.getByRole('navigation', { name: 'Contents' }).waitFor(),
  },
  {
    name: 'Reader citation popover',
    continues: true,
    path: `/reader/${COLLECTION}/overview`,
    ready: async (page) => {
      await page.locator('.reader-text a', { hasText: 'Molotov–Ribbentrop Pact' }).first().click();
      await page.getByRole('dialog', { name: 'Linked record' }).waitFor();
    },
  },
  {
    name: 'Bibliography list',
    path: '/bibliography',
    ready: (page) => page.getByRole('checkbox').first().waitFor(),
  },
  {
    name: 'Bibliography entry',
    path: `/bibliography/${COLLECTION}/anusauskas2012`,
    ready: (page) => page.getByRole('heading', { level: 1 }).waitFor(),
  },
  {
    name: 'Cite dialog',
    continues: true,
    path: `/bibliography/${COLLECTION}/anusauskas2012`,
    ready: async (page) => {
      await page.getByRole('button', { name: 'Cite this: Post-war deportations, 1945–1953' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Copy citation' }).waitFor();
    },
  },
  { name: 'Notes list', path: '/notes', ready: (page) => heading(page, 'Notes').waitFor() },
  {
    name: 'Note editor',
    continues: true,
    path: '/notes',
    ready: async (page) => {
      await page
        .getByRole('button', { name: /^New note on / })
        .first()
        .click();
      await page.getByRole('textbox', { name: 'Note (Markdown)' }).fill('An accessible note.');
      await page.getByText(/^Saved at /).waitFor();
    },
  },
  {
    name: 'Reader with a focused note',
    path: `/reader/${COLLECTION}/overview`,
    ready: async (page) => {
      // A passage note made in the Reader, then opened from the Notes list: its highlight has focus.
      await page.getByRole('navigation', { name: 'Contents' }).waitFor();
      await selectPhrase(page, 'Lithuania came under Soviet rule twice');
      await page
        .getByRole('toolbar', { name: 'Annotate the selection' })
        .getByRole('button', { name: 'Add note' })
        .click();
      await page.getByRole('textbox', { name: 'Note (Markdown)' }).fill('An accessible passage note.');
      await page.getByText(/^Saved at /).waitFor();
      await page.getByRole('button', { name: 'Done' }).click();
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Notes' }).click();
      await page.getByRole('link', { name: 'The Soviet deportations from Lithuania: an overview' }).click();
      await page.locator('mark.note-highlight:focus').waitFor();
    },
  },
  { name: 'Trash', path: '/notes/trash', ready: (page) => heading(page, 'Notes').waitFor() },
  {
    name: 'Backups',
    path: '/notes/backups',
    ready: (page) => page.getByRole('button', { name: 'Back up now' }).waitFor(),
  },
  { name: 'Import', path: '/import', ready: (page) => heading(page, 'Import').waitFor() },
  {
    name: 'Linkage after a run',
    path: '/linkage',
    ready: async (page) => {
      await page.getByRole('checkbox', { name: /^Soviet deportations from Lithuania/ }).check();
      await page.getByRole('button', { name: 'Run linkage' }).click();
      await page.getByRole('heading', { level: 2, name: 'Review queue' }).waitFor();
    },
  },
  {
    name: 'Sync',
    path: '/sync',
    ready: (page) => page.getByRole('button', { name: 'Export a sync bundle' }).waitFor(),
  },
  {
    name: 'About',
    path: '/about',
    ready: (page) => page.getByRole('combobox', { name: 'Interface language' }).waitFor(),
  },
  { name: 'Not found', path: '/no-such-view', ready: (page) => heading(page, 'Page not found').waitFor() },
];

/**
 * The screens in two runs of consecutive screens, audited side by side, each in a browser context of
 * its own: the audit is CPU work in each page's renderer, and one run after another left the other
 * cores idle. A run keeps the screens' order, so a dialog stays with the screen it opens on and the
 * notes screens, which build on each other's stored notes, run together as before.
 */
const SECOND_RUN_STARTS_AT = 'Bibliography list';

function runsOf(screens: readonly Screen[]): Screen[][] {
  const at = screens.findIndex((screen) => screen.name === SECOND_RUN_STARTS_AT);
  if (at <= 0) throw new Error(`no screen named ${SECOND_RUN_STARTS_AT} to split the runs at`);
  return [screens.slice(0, at), screens.slice(at)];
}

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Serious and critical axe violations on the page as it is now, described for a failure message. */
async function audit(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = (await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (context: Document, options: object) => Promise<{ violations: unknown[] }> };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations;
  })) as Violation[];
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.impact} ${violation.id} (${violation.help}): ${violation.nodes
          .slice(0, 3)
          .map((node) => node.target.join(' '))
          .join(', ')}`,
    );
}

async function open(page: Page, path: string) {
  // A fresh document per screen: no dialog, focus or late navigation of the screen before leaks in.
  await page.goto('about:blank');
  await page.goto(e2e.url(path));
  await page.getByRole('heading', { level: 1 }).first().waitFor();
}

/** Opens a screen and waits for it, naming the screen when it never becomes ready. */
async function show(page: Page, screen: Screen) {
  try {
    if (!screen.continues) await open(page, screen.path);
    await screen.ready(page);
  } catch (error) {
    throw new Error(`${screen.name} (#${screen.path}) did not get ready: ${String(error)}`, { cause: error });
  }
}

describe('accessibility in Chromium (npm run web)', () => {
  it('has no serious or critical axe violations on any screen, in light and dark schemes', async () => {
    const auditRun = async (screens: readonly Screen[]) => {
      const observed = await e2e.open();
      const found: Record<string, string[]> = {};
      for (const screen of screens) {
        await show(observed.page, screen);
        // Both schemes audit the same state: emulating the media query restyles without reloading.
        for (const colorScheme of ['light', 'dark'] as const) {
          await observed.page.emulateMedia({ colorScheme });
          const violations = await audit(observed.page);
          if (violations.length) found[`${screen.name} (${colorScheme})`] = violations;
        }
        await observed.page.emulateMedia({ colorScheme: 'light' });
      }
      return { ...observed, found };
    };
    const [first, last] = await Promise.all(runsOf(SCREENS).map(auditRun));
    if (!first || !last) throw new Error('two runs expected');
    // Screen names are unique, so putting the runs' findings together loses none.
    expect({ ...first.found, ...last.found }).toEqual({});
    await first.context.close();

    // The audit can fail: an image without a text alternative is a critical violation (on the last
    // screen, as in one long run).
    const { page, context } = last;
    await page.evaluate(() => {
      const img = document.createElement('img');
      img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
      img.id = 'a11y-canary';
      document.querySelector('main')?.append(img);
    });
    expect((await audit(page)).join('\n')).toMatch(/critical image-alt/);
    await context.close();
  }, 180_000);

  it('has no serious or critical axe violations in Lithuanian', async () => {
    const { page, context } = await e2e.open({ language: 'lt' });
    const found: Record<string, string[]> = {};
    for (const path of ['/browse', `/browse/record/${COLLECTION}/place-krasnoyarsk`, '/notes', '/about']) {
      await open(page, path);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('lt');
      const violations = await audit(page);
      if (violations.length) found[path] = violations;
    }
    expect(found).toEqual({});
    await context.close();
  });

  it('restyles for the dark scheme', async () => {
    const { page, context } = await e2e.open();
    await open(page, '/about');
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.emulateMedia({ colorScheme: 'light' });
    const light = await background();
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await background()).not.toBe(light);
    await context.close();
  });

  it('moves focus to the view heading, into dialogs and back, and announces result counts', async () => {
    const { page, context, errors } = await e2e.open();
    await open(page, '/browse');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'About' }).click();
    await heading(page, 'About Atmintis').waitFor();
    await expect
      .poll(() =>
        page.evaluate(() => document.activeElement?.tagName + ':' + document.activeElement?.textContent),
      )
      .toBe('H1:About Atmintis');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' }).click();
    const searchbox = page.getByRole('searchbox', { name: 'Search' });
    await searchbox.fill('Krasnoyarsk');
    const status = page.getByRole('status').filter({ hasText: /^\d+ results?$/ });
    await status.waitFor();
    expect(await status.getAttribute('aria-live').catch(() => null)).not.toBe('off');

    // The help dialog takes focus, Escape closes it and focus returns to the button that opened it.
    const help = page.getByRole('button', { name: 'Query syntax' });
    await help.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await help.evaluate((el) => el === document.activeElement)).toBe(true);

    // Keyboard focus is visible: the focused control draws an outline.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement as Element);
      return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    expect(outline.style).not.toBe('none');
    expect(outline.width).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('respects prefers-reduced-motion', async () => {
    const { page, context } = await e2e.open();
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await open(page, '/browse');
    const moving = await page.evaluate(
      () =>
        [...document.querySelectorAll('*')].filter((el) => {
          const style = getComputedStyle(el);
          const seconds = (value: string) =>
            Math.max(...value.split(',').map((part) => parseFloat(part) || 0));
          return (
            seconds(style.transitionDuration) > 0.01 ||
            (style.animationName !== 'none' && seconds(style.animationDuration) > 0.01)
          );
        }).length,
    );
    expect(moving).toBe(0);
    // Nothing animates today; the stylesheet's reduced-motion rule keeps it so for whatever is added.
    const hasRule = await page.evaluate(() =>
      [...document.styleSheets].some((sheet) =>
        [...sheet.cssRules].some(
          (rule) =>
            rule instanceof CSSMediaRule &&
            rule.conditionText.includes('prefers-reduced-motion: reduce') &&
            /transition: none/.test(rule.cssText),
        ),
      ),
    );
    expect(hasRule).toBe(true);
    await context.close();
  });

  it('holds its layout at 200% zoom without horizontal scrolling', async () => {
    const measureRun = async (screens: readonly Screen[]) => {
      // 1280 CSS pixels at 200% zoom leave 640 CSS pixels of width.
      const context = await e2e.browser.newContext({
        viewport: { width: 640, height: 720 },
        deviceScaleFactor: 2,
      });
      const page = await context.newPage();
      const overflowing: string[] = [];
      for (const screen of screens.filter((s) => !s.continues)) {
        await show(page, screen);
        const wide = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        if (wide > 1) overflowing.push(`${screen.name}: ${wide}px too wide`);
      }
      await context.close();
      return overflowing;
    };
    const overflowing = await Promise.all(runsOf(SCREENS).map(measureRun));
    expect(overflowing.flat()).toEqual([]);
  }, 120_000);
});

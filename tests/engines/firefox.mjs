// The Firefox adapter: Debian's firefox-esr driven over WebDriver BiDi by puppeteer-core (headful, under Xvfb).
import { createRequire } from 'node:module';
import { EnginePage } from './page.mjs';

const require = createRequire(import.meta.url);

export const engine = {
  name: 'firefox',
  touch: true,
  minWidth: 0,

  async launch() {
    const puppeteer = require('puppeteer-core');
    // Headful: headless Firefox has no WebGL at all (Mozilla bug 1375585); scripts/test runs this
    // suite under xvfb-run, where WebGL2 works on Mesa's llvmpipe.
    const browser = await puppeteer.launch({
      browser: 'firefox', protocol: 'webDriverBiDi', headless: false,
      executablePath: process.env.CP_FIREFOX || '/usr/bin/firefox-esr',
      extraPrefsFirefox: {
        // A closed network: no update checks, telemetry or remote settings.
        'app.update.enabled': false, 'datareporting.policy.dataSubmissionEnabled': false,
        'toolkit.telemetry.enabled': false, 'browser.safebrowsing.update.enabled': false,
        'network.captive-portal-service.enabled': false, 'network.connectivity-service.enabled': false,
      },
    });
    return {
      newPage: async (options = {}) => {
        // A browser context per page (BiDi user context): pages share no storage, as in Playwright.
        const context = await browser.createBrowserContext();
        const page = new FirefoxPage(context, await context.newPage());
        await page.start(options);
        return page;
      },
      close: () => browser.close(),
    };
  },
};

class FirefoxPage extends EnginePage {
  constructor(context, page) {
    super('firefox');
    this.context = context;
    this.page = page;
    // Playwright's wheel(deltaX, deltaY) over puppeteer's wheel({deltaX, deltaY}).
    const m = page.mouse;
    this.mouse = {
      move: (x, y) => m.move(x, y), down: () => m.down(), up: () => m.up(), click: (x, y) => m.click(x, y),
      wheel: (deltaX, deltaY) => m.wheel({ deltaX, deltaY }),
    };
    this.keyboard = page.keyboard;
    this.touchscreen = page.touchscreen;
    this.consoleErrors = [];
    page.on('console', (m) => { if (m.type() === 'error') this.consoleErrors.push('console: ' + m.text()); });
    page.on('pageerror', (e) => this.consoleErrors.push('pageerror: ' + String(e)));
  }

  async start({ viewport = { width: 1280, height: 800 }, deviceScaleFactor = 1, hasTouch = false } = {}) {
    await this.page.setViewport({ ...viewport, deviceScaleFactor, hasTouch, isMobile: hasTouch });
    this.viewport = viewport;
  }

  async goto(url) {
    this.consoleErrors.length = 0;
    await this.page.goto(url);
  }

  evaluate(fn, arg) { return this.page.evaluate(fn, arg); }

  // An iframe of the page (by index among the page's child frames), with evaluate/waitForFunction
  // and shortcut() (BiDi's key input goes to whatever has the focus, the frame included).
  frame(index = 0) {
    const page = this;
    return Object.assign(Object.create(EnginePage.prototype), {
      engine: 'firefox', evaluate: (fn, arg) => page.page.mainFrame().childFrames()[index].evaluate(fn, arg),
      shortcut: async (modifier, k, ms) => {
        await page.keyboard.down(modifier);
        await page.keyboard.down(k);
        await new Promise((r) => setTimeout(r, ms));
        await page.keyboard.up(k);
        await page.keyboard.up(modifier);
      },
    });
  }

  // A touch sequence through WebDriver BiDi's touch pointer (Firefox dispatches touch events for it).
  async touch(points, betweenMoves = async () => {}) {
    const [first, ...rest] = points;
    const t = await this.touchscreen.touchStart(first.x, first.y);
    await betweenMoves();
    for (const p of rest) {
      await t.move(p.x, p.y);
      await betweenMoves();
    }
    await t.end();
  }

  capture() { return this.page.screenshot({ type: 'png' }).then((b) => Buffer.from(b)); }

  async close() { await this.context.close().catch(() => {}); }
}

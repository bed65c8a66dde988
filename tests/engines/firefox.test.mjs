// The Firefox suite: tests/engines/cases.mjs in Debian's firefox-esr (puppeteer-core, WebDriver BiDi); run under xvfb-run.
import { suite } from './cases.mjs';
import { engine } from './firefox.mjs';

suite(engine);

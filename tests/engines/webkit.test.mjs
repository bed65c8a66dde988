// The WebKit suite: tests/engines/cases.mjs in WebKitGTK's MiniBrowser (WebKitWebDriver, W3C WebDriver); run under xvfb-run.
import { suite } from './cases.mjs';
import { engine } from './webkit.mjs';

suite(engine);

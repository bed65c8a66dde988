// Fits the figure to the page: in the one-column layout the canvas is as tall as its content, so the page scrolls rather than the canvas; touches on controls go to the figure, the rest scroll the page.
(function () {
  'use strict';

  var CP = window.ComputePoverty = window.ComputePoverty || {};
  var canvas = document.getElementById('canvas');
  if (!canvas) return;
  var box = canvas.parentElement;
  var embedded = new URLSearchParams(location.search).get('embed') === '1';

  // The full page is laid out in one column below 900 CSS px (shell/figure/app.cpp). That layout has a
  // height of its own (wider ones fill their box), so there the box takes it and the page scrolls.
  var ONE_COLUMN_BELOW = 900;
  // Grown and shrunk in steps: a headline that rewraps during a drag would otherwise resize (and
  // reallocate) the drawing buffer every frame.
  var STEP = 16;
  // WebGL silently clamps a drawing buffer beyond the GPU's limits (blurry, clicks land off target),
  // so the canvas stops there and the rest of the figure scrolls inside it. loader.js sets the real
  // limit from its WebGL probe.
  var maxDevicePx = 4096;
  var module = CP.module;  // web/bridge.js, loaded first: the app's Module once it runs, else null

  CP.contentHeight = function () {
    var M = module();
    return M && typeof M._cp_web_content_height === 'function' ? M._cp_web_content_height() : 0;
  };
  CP.setMaxDrawingBuffer = function (px) { if (px > 0) maxDevicePx = px; };

  // The reading layout (style.css, from 1200 CSS px): the figure stays in view in a column beside
  // the article and scrolls inside itself, so it is never fitted; the app lays it out in two
  // columns from 640 px there, as in an embed (the column is narrower than the page).
  var READING_FROM = 1200;
  var TWO_COLUMNS_BESIDE_TEXT = 640;
  var reading = !embedded && window.matchMedia ? window.matchMedia('(min-width: ' + READING_FROM + 'px)') : null;
  CP.readingLayout = function () { return !!(reading && reading.matches); };
  var toldApp = -1;
  // Tells the app which layout the page is in: before its first frame (loader.js) and after each.
  CP.applyLayout = function () {
    var M = window.Module;
    if (!M || typeof M._cp_web_set_two_column_from !== 'function') return;
    var want = CP.readingLayout() ? TWO_COLUMNS_BESIDE_TEXT : 0;
    if (want === toldApp) return;
    toldApp = want;
    M._cp_web_set_two_column_from(want);
  };

  var fitted = 0;
  function fit() {
    var width = canvas.getBoundingClientRect().width;
    var content = CP.contentHeight();
    if (width <= 0 || !(content > 0) || width >= ONE_COLUMN_BELOW || CP.readingLayout()) {
      if (fitted) {
        fitted = 0;
        box.style.height = '';
        document.body.classList.remove('cp-fit');
      }
      return;
    }
    var cap = Math.floor(maxDevicePx / (window.devicePixelRatio || 1));
    var want = Math.min(cap, Math.ceil(content / STEP) * STEP);
    if (want === fitted) return;
    fitted = want;
    box.style.height = want + 'px';
    document.body.classList.add('cp-fit');
  }

  // The keyboard moves through the figure's controls; with the canvas as tall as the figure, ImGui
  // cannot scroll to the one it is on, so the page does (only when that control changes, so as not
  // to fight the reader's own scrolling).
  var navSeen = '';
  function followKeyboard() {
    var M = module();
    if (!fitted || !M || document.activeElement !== canvas || typeof M._cp_web_nav_rect !== 'function') return;
    var nav = M.ccall('cp_web_nav_rect', 'string', [], []);
    if (!nav || nav === navSeen) return;
    navSeen = nav;
    var r = JSON.parse(nav);
    var top = canvas.getBoundingClientRect().top + r.y, bottom = top + r.h, margin = 24;
    if (top < margin) window.scrollBy(0, top - margin);
    else if (bottom > window.innerHeight - margin) window.scrollBy(0, bottom - window.innerHeight + margin);
  }

  var frameListeners = [];
  CP.addFrameListener = function (f) { frameListeners.push(f); };
  // Called by the platform layer (through Module.onFrameDrawn) after every drawn frame.
  CP.frameDrawn = function (count) {
    if (!embedded) {
      CP.applyLayout();
      fit();
      followKeyboard();
    }
    for (var i = 0; i < frameListeners.length; ++i) {
      try { frameListeners[i](count); } catch (e) { console.warn(e); }
    }
  };

  // ---- touches: the figure's or the page's ----
  // The canvas allows vertical panning (style.css), and SDL would cancel it on every touch. A touch
  // sequence that starts on a control (or while a menu is open) is the figure's: panning is cancelled
  // and SDL gets it as before. Any other is the page's: SDL never sees it, so the page scrolls, and a
  // tap reaches the figure as the browser's ordinary click.
  var mode = '';  // 'figure', 'page' or 'entry' while a touch sequence lasts
  var tapAt = 0;  // when the page's last touch ended: the click that may follow is a tap
  // A touch on the value above a slider (the app's value link) opens the page's numeric field
  // (web/entry.js) when it ends where it began; the figure never sees it.
  var entry = null;  // {name, x, y} of such a touch
  var TAP_SLOP = 12;  // CSS px a finger may wander and still tap

  function entryAt(touch) {
    var M = module();
    if (!M || typeof M._cp_web_entry_at !== 'function' || !CP.openEntry) return '';
    var r = canvas.getBoundingClientRect();
    return M.ccall('cp_web_entry_at', 'string', ['number', 'number'], [touch.clientX - r.left, touch.clientY - r.top]);
  }

  function figureWants(touch) {
    var M = module();
    if (!M || typeof M._cp_web_touch_wanted !== 'function') return true;
    var r = canvas.getBoundingClientRect();
    return M._cp_web_touch_wanted(touch.clientX - r.left, touch.clientY - r.top) !== 0;
  }

  box.addEventListener('touchstart', function (e) {
    if (e.target !== canvas) return;
    if (e.touches.length === e.changedTouches.length) {
      var t = e.changedTouches[0];
      var name = entryAt(t);
      entry = name ? {name: name, x: t.clientX, y: t.clientY} : null;
      mode = entry ? 'entry' : figureWants(t) ? 'figure' : 'page';
    }
    if (mode === 'figure' || mode === 'entry') e.preventDefault();  // no scrolling, no emulated mouse
    if (mode !== 'figure') e.stopPropagation();
  }, {capture: true, passive: false});

  ['touchmove', 'touchend', 'touchcancel'].forEach(function (type) {
    box.addEventListener(type, function (e) {
      if (e.target !== canvas) return;
      var page = mode === 'page';
      if (mode !== 'figure') e.stopPropagation();
      if (mode === 'entry' && entry) {
        var t = e.changedTouches[0];
        if (!t || Math.abs(t.clientX - entry.x) > TAP_SLOP || Math.abs(t.clientY - entry.y) > TAP_SLOP) entry = null;
      }
      if (e.touches.length === 0) {
        if (page && type === 'touchend') tapAt = Date.now();
        // Inside the touchend handler: only there may a page focus a field and bring up the keyboard.
        if (mode === 'entry' && entry && type === 'touchend') CP.openEntry(entry.name);
        entry = null;
        mode = '';
      }
    }, {capture: true, passive: true});
  });

  // After a tap the browser's mouse stays where the finger was, and the figure would keep hovering
  // there (tooltips stuck open). Once the click has had its frames, the mouse leaves the canvas.
  box.addEventListener('click', function (e) {
    if (e.target !== canvas || Date.now() - tapAt > 1000) return;
    tapAt = 0;
    var start = module() ? module().cpDrawn : 0;
    CP.addFrameListener(function leave(count) {
      if (count < start + 3) return;
      frameListeners.splice(frameListeners.indexOf(leave), 1);
      canvas.dispatchEvent(new MouseEvent('mouseleave', {clientX: e.clientX, clientY: e.clientY}));
    });
  }, true);

  // A long press on the page's part of the figure (a chart) is the figure's right click: its menu
  // saves the chart as a picture.
  canvas.addEventListener('contextmenu', function (e) {
    if (mode !== 'page') return;
    var at = {bubbles: true, cancelable: true, clientX: e.clientX, clientY: e.clientY, button: 2, buttons: 2};
    canvas.dispatchEvent(new MouseEvent('mousemove', at));
    canvas.dispatchEvent(new MouseEvent('mousedown', at));
    canvas.dispatchEvent(new MouseEvent('mouseup', at));
  });
})();

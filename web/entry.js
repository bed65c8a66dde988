// Exact values on the web: modifier keys from each event itself, the system clipboard in and out of the figure's text boxes, and a numeric field for touch screens.
(function () {
  'use strict';

  var CP = window.ComputePoverty = window.ComputePoverty || {};
  var canvas = document.getElementById('canvas');
  if (!canvas) return;
  var box = canvas.parentElement;
  var module = CP.module;  // web/bridge.js, loaded first: the app's Module once it runs, else null

  // ---- modifier keys ----
  // SDL learns Ctrl, Shift, Alt and Meta only from key events that reach the canvas. A reader who
  // presses Ctrl while the page has the focus and then clicks a slider would get a plain click (the
  // slider jumps) instead of ImGui's Ctrl+click (its text box). Every pointer and key event carries
  // its own modifier state: the app takes it from each one, before SDL sees the event.
  function syncModifiers(e) {
    var M = module();
    if (e.target !== canvas || !M || typeof M._cp_web_modifiers !== 'function') return;
    M._cp_web_modifiers((e.ctrlKey ? 1 : 0) | (e.shiftKey ? 2 : 0) | (e.altKey ? 4 : 0) | (e.metaKey ? 8 : 0));
  }
  ['pointerdown', 'pointermove', 'pointerup', 'mousedown', 'mousemove', 'mouseup', 'keydown', 'keyup'].forEach(function (type) {
    box.addEventListener(type, syncModifiers, true);
  });

  // ---- the clipboard and the figure's text boxes ----
  // A page reads the system clipboard without asking only in the browser's paste event (and writes
  // it in copy and cut), which follow the shortcut's keydown unless that is cancelled. SDL cancels
  // every keydown with Ctrl. So while one of the figure's text boxes is open (Ctrl+click, Tab, the
  // value link), Ctrl/Cmd+V, C and X skip SDL; the browser then fires its event, and the app pastes
  // the text through ImGui's own paste (the same check as on the desktop) or hands over the text.
  function textField() {
    var M = module();
    if (!M || typeof M._cp_web_text_field !== 'function') return null;
    var s = M.ccall('cp_web_text_field', 'string', [], []);
    return s ? JSON.parse(s) : null;
  }
  CP.textField = textField;

  box.addEventListener('keydown', function (e) {
    if (e.target !== canvas || !(e.ctrlKey || e.metaKey) || e.altKey) return;
    var k = e.code === 'KeyV' || e.code === 'KeyC' || e.code === 'KeyX' || /^[vcx]$/i.test(e.key || '');
    if (k && textField()) e.stopPropagation();  // not preventDefault: the browser's shortcut must run
  }, true);

  document.addEventListener('paste', function (e) {
    var M = module();
    if (!M || document.activeElement !== canvas || !e.clipboardData) return;
    var text = e.clipboardData.getData('text/plain');
    if (M.ccall('cp_web_clipboard_paste', 'number', ['string'], [text])) e.preventDefault();
  });
  ['copy', 'cut'].forEach(function (type) {
    document.addEventListener(type, function (e) {
      var M = module();
      if (!M || document.activeElement !== canvas || !e.clipboardData) return;
      var text = M.ccall('cp_web_clipboard_copy', 'string', ['number'], [type === 'cut' ? 1 : 0]);
      if (!text) return;
      e.clipboardData.setData('text/plain', text);
      e.preventDefault();
    });
  });

  // ---- a numeric field for touch screens ----
  // A phone shows no keyboard for a canvas, and has no Ctrl key. A tap on the value above a slider
  // (the app's value link; web/fit.js sends such touches here) opens this field over the slider,
  // with the phone's numeric keyboard. What the reader sets goes through the app's check, as typed
  // text does: refused with its message, never clamped.
  var form = null, input = null, label = null, unit = null, hint = null, error = null;
  var current = null;

  function element(tag, className, text) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (text) el.textContent = text;
    return el;
  }

  function build() {
    form = element('form', 'entry');
    form.hidden = true;
    form.noValidate = true;
    form.setAttribute('aria-label', t('page.entry.label', 'Type an exact value'));
    label = element('label', 'entry-label');
    label.htmlFor = 'entry-input';
    input = element('input', 'entry-input');
    input.id = 'entry-input';
    input.type = 'text';
    input.autocomplete = 'off';
    input.spellcheck = false;
    input.setAttribute('enterkeyhint', 'done');
    input.setAttribute('aria-describedby', 'entry-hint entry-error');
    unit = element('span', 'entry-unit');
    var set = element('button', 'entry-set', t('page.entry.set', 'Set'));
    set.type = 'submit';
    var cancel = element('button', 'entry-cancel', t('page.entry.cancel', 'Cancel'));
    cancel.type = 'button';
    hint = element('p', 'entry-hint');
    hint.id = 'entry-hint';
    error = element('p', 'entry-error');
    error.id = 'entry-error';
    error.setAttribute('role', 'alert');
    error.hidden = true;
    [label, input, unit, set, cancel, hint, error].forEach(function (el) { form.appendChild(el); });
    box.appendChild(form);
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      commit();
    });
    cancel.addEventListener('click', close);
    input.addEventListener('keydown', function (e) {
      if (e.key === 'Escape') {
        e.preventDefault();
        close();
      }
    });
    // A touch anywhere else on the figure closes the field, as a tap outside a menu does.
    box.addEventListener('pointerdown', function (e) {
      if (current && e.target === canvas) close();
    }, true);
  }

  // The page's words in the reader's language (web/i18n.js; English until its catalogue is in).
  function t(key, en) { var I = window.ComputePovertyI18n; return I && I.t ? I.t(key, en) : en; }
  var fill = window.ComputePovertyI18n.fill;  // web/i18n.js, loaded first

  // Opens the field for `name` (a parameter key, or "year"); false if the app has no such field.
  // Called from a touchend handler: focusing the input there is what lets a phone show its keyboard.
  CP.openEntry = function (name) {
    var M = module();
    if (!M || typeof M._cp_web_entry_field !== 'function') return false;
    var s = M.ccall('cp_web_entry_field', 'string', ['string'], [name]);
    if (!s) return false;
    var f = JSON.parse(s);
    if (!form) build();
    current = f;
    label.textContent = f.label;
    unit.textContent = f.unit;
    unit.hidden = !f.unit;
    hint.textContent = fill(t('page.entry.hint', 'From {min} to {max}'), {min: f.min_text, max: f.max_text});  // the app's texts
    // A minus sign is missing from some phones' decimal keyboards: only ranges without one get it.
    input.setAttribute('inputmode', f.min < 0 ? 'text' : (f.integer ? 'numeric' : 'decimal'));
    input.value = f.text;
    error.hidden = true;
    error.textContent = '';
    // Over the slider, kept inside the figure's box.
    var width = Math.min(box.clientWidth - 8, Math.max(f.w || 0, 260));
    form.style.width = width + 'px';
    form.style.left = Math.max(4, Math.min((f.x || 0), box.clientWidth - width - 4)) + 'px';
    form.style.top = Math.max(0, (f.y || 0) - 4) + 'px';
    form.hidden = false;
    input.focus({preventScroll: true});
    input.select();
    return true;
  };

  function commit() {
    var M = module();
    if (!M || !current) return;
    var err = M.ccall('cp_web_enter_value', 'string', ['string', 'string'], [current.name, input.value]);
    if (err) {
      error.textContent = err;
      error.hidden = false;
      input.focus({preventScroll: true});
      input.select();
      return;
    }
    close();
  }

  function close() {
    if (!form) return;
    current = null;
    form.hidden = true;
    if (document.activeElement === input) input.blur();
  }
  CP.closeEntry = close;
  CP.entryOpen = function () { return current ? current.name : ''; };
})();

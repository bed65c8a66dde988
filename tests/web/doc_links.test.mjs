// Every relative link in every Markdown file of the repository points at a file that exists (and at a heading that exists); needs no browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

// Tracked files plus new ones not yet committed, so a page is checked before its first commit.
function markdownFiles() {
  const git = spawnSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z', '--', '*.md'],
    { cwd: repo, encoding: 'utf8' });
  assert.equal(git.status, 0, `git ls-files failed: ${git.stderr}`);
  return [...new Set(git.stdout.split('\0').filter(Boolean))].filter((f) => fs.existsSync(path.join(repo, f)));
}

// Code shows commands and links as text: a link inside it is not a link.
const withoutCodeBlocks = (text) => text.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
const withoutCode = (text) => withoutCodeBlocks(text).replace(/`[^`\n]*`/g, '');

// GitHub's heading ids: lower case, punctuation dropped (letters of any script, digits, '-' and '_'
// stay), spaces become '-'; a repeated heading gets -1, -2, ...
function anchors(file) {
  const seen = new Map();
  const ids = new Set();
  for (const line of withoutCodeBlocks(fs.readFileSync(file, 'utf8')).split('\n')) {
    const m = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!m) continue;
    const base = m[1].toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    ids.add(n === 0 ? base : `${base}-${n}`);
  }
  return ids;
}
function links(text) {
  const found = [];
  for (const m of withoutCode(text).matchAll(/!?\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g))
    found.push(m[1]);
  return found;
}

test('every relative link in the Markdown files resolves', () => {
  const files = markdownFiles();
  assert.ok(files.includes('README.md') && files.length >= 5, `found only ${files.join(', ')}`);
  const broken = [];
  let checked = 0;
  for (const file of files) {
    const source = path.join(repo, file);
    for (const link of links(fs.readFileSync(source, 'utf8'))) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(link)) continue;  // http:, https:, mailto: are not ours to check
      checked++;
      const [target, anchor] = link.split('#');
      const resolved = target ? path.resolve(path.dirname(source), decodeURIComponent(target)) : source;
      if (!resolved.startsWith(repo + path.sep) && resolved !== repo) {
        broken.push(`${file}: ${link} leaves the repository`);
      } else if (!fs.existsSync(resolved)) {
        broken.push(`${file}: ${link} (no ${path.relative(repo, resolved)})`);
      } else if (anchor && resolved.endsWith('.md') && !anchors(resolved).has(decodeURIComponent(anchor))) {
        broken.push(`${file}: ${link} (no heading #${anchor} in ${path.relative(repo, resolved)})`);
      }
    }
  }
  assert.deepEqual(broken, []);
  assert.ok(checked >= 20, `only ${checked} relative links found: is the link pattern still right?`);
});

test('the README is a front door: at most 150 lines, and it keeps the two commands', () => {
  const readme = fs.readFileSync(path.join(repo, 'README.md'), 'utf8');
  const lines = readme.split('\n').length - (readme.endsWith('\n') ? 1 : 0);
  assert.ok(lines <= 150, `README.md has ${lines} lines`);
  assert.match(readme, /^scripts\/serve\b/m);
  assert.match(readme, /^scripts\/test\b/m);
});

test('the link checker finds a broken link and a broken heading', () => {
  const text = '[a](docs/none.md) `[b](not-a-link.md)` ![c](img.png "t") [d](https://example.org/x)';
  assert.deepEqual(links(text), ['docs/none.md', 'img.png', 'https://example.org/x']);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'links-'));
  const page = path.join(tmp, 'p.md');
  fs.writeFileSync(page, '# The model, year by year (v2)\n## Links (`#v=2&...`)\n## 中文: the Chinese edition\n## Links (`#v=2&...`)\n');
  assert.deepEqual([...anchors(page)],
    ['the-model-year-by-year-v2', 'links-v2', '中文-the-chinese-edition', 'links-v2-1']);
  fs.rmSync(tmp, { recursive: true });
});

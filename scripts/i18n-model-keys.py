# Lists the translation keys of the model's texts (params, series, scenarios, record) for assets/i18n/*.model.json.
"""Derive the keys of the model-text translation file from the sources, so the list is provably complete.

Sources:
  parameters  cp_run --list-params (JSON): param.<key>.{label,meaning,low_words,high_words}, a field only if its
              English is non-empty ("source" stays English and is not translated; units are not included)
  series      core/series.cpp (parsed; cross-checked against the CSV header of cp_run when a binary is
              available): series.<series key>.label
  scenarios   assets/scenarios/*.json: preset.<file name>.title, preset.<file name>.description
  record      assets/record/record.json "points": record.<series>.<year>.<n>.label, n = 0-based index among the
              points with the same series and year, in file order

Usage:
  python3 scripts/i18n-model-keys.py              print the sorted keys, one per line
  python3 scripts/i18n-model-keys.py --english    print {key: English text} as JSON (sorted keys)
  python3 scripts/i18n-model-keys.py --check F    compare F's keys with the derived ones, and per key its [Sx] source
                                                  keys, {placeholders} and printf conversions with the English; exit 1
                                                  on a difference
Options:
  --cp-run PATH       the cp_run binary (default: $CP_RUN, else the newest build/*/cli/cp_run in the repository)
  --params-json FILE  read the --list-params JSON from FILE instead of running cp_run
"""

import argparse
import glob
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PARAM_FIELDS = ("label", "meaning", "low_words", "high_words")
# Tokens a translation must carry over unchanged: source keys, {placeholders}, printf conversions.
TOKENS = (r"\[S\d+(?:,\s*S\d+)*\]", r"\{[A-Za-z_][A-Za-z0-9_]*\}", r"%[-+#0]*\d*(?:\.\d+)?[sdif](?![A-Za-z])")


def find_cp_run(explicit):
    if explicit:
        return explicit
    if os.environ.get("CP_RUN"):
        return os.environ["CP_RUN"]
    found = [p for p in glob.glob(os.path.join(ROOT, "build", "*", "cli", "cp_run")) if os.access(p, os.X_OK)]
    if not found:
        sys.exit("no cp_run found: build it (cmake -S . -B build/dev -G Ninja -DCP_BUILD_SHELL=OFF && "
                 "cmake --build build/dev --target cp_run) or pass --cp-run / --params-json")
    return max(found, key=os.path.getmtime)


def load_params(args):
    if args.params_json:
        with open(args.params_json, encoding="utf-8") as f:
            return json.load(f), None
    cp_run = find_cp_run(args.cp_run)
    out = subprocess.run([cp_run, "--list-params"], check=True, capture_output=True, text=True).stdout
    return json.loads(out), cp_run


def c_string_literals(text):
    """Concatenate the adjacent C string literals in text (as the compiler does)."""
    parts = re.findall(r'"((?:[^"\\]|\\.)*)"', text)
    return "".join(bytes(p, "utf-8").decode("unicode_escape") if "\\" in p else p for p in parts)


def split_top_level(entry):
    """Split the inside of one {...} initializer on commas outside string literals."""
    fields, cur, in_str, esc = [], [], False, False
    for ch in entry:
        if in_str:
            cur.append(ch)
            if esc:
                esc = False
            elif ch == "\\":
                esc = True
            elif ch == '"':
                in_str = False
        elif ch == '"':
            in_str = True
            cur.append(ch)
        elif ch == ",":
            fields.append("".join(cur).strip())
            cur = []
        else:
            cur.append(ch)
    fields.append("".join(cur).strip())
    return fields


def load_series():
    """[(key, label)] from core/series.cpp's kSeries table: {name, key, bloc, label, unit, flag}."""
    with open(os.path.join(ROOT, "core", "series.cpp"), encoding="utf-8") as f:
        src = f.read()
    src = re.sub(r"//[^\n]*", "", src)
    m = re.search(r"kSeries\s*\[[^\]]*\]\s*=\s*\{(.*?)\n\};", src, re.S)
    if not m:
        sys.exit("core/series.cpp: kSeries table not found")
    out = []
    for entry in re.findall(r"\{([^{}]*)\}", m.group(1)):
        f = split_top_level(entry)
        if len(f) != 6:
            sys.exit("core/series.cpp: unexpected entry: " + entry)
        out.append((c_string_literals(f[1]), c_string_literals(f[3])))
    return out


def series_keys_from_cli(cp_run):
    scen = os.path.join(ROOT, "assets", "scenarios", "today.json")
    out = subprocess.run([cp_run, scen, "--format", "csv"], check=True, capture_output=True, text=True).stdout
    return out.splitlines()[0].split(",")[1:]


def derive(args):
    english = {}
    params, cp_run = load_params(args)
    for p in params:
        for field in PARAM_FIELDS:
            if p.get(field):
                english["param.%s.%s" % (p["key"], field)] = p[field]

    series = load_series()
    if cp_run:
        cli_keys = series_keys_from_cli(cp_run)
        if sorted(cli_keys) != sorted(k for k, _ in series):
            sys.exit("series keys differ between core/series.cpp and %s: %s" %
                     (cp_run, sorted(set(cli_keys) ^ {k for k, _ in series})))
    for key, label in series:
        english["series.%s.label" % key] = label

    for path in sorted(glob.glob(os.path.join(ROOT, "assets", "scenarios", "*.json"))):
        sid = os.path.splitext(os.path.basename(path))[0]
        with open(path, encoding="utf-8") as f:
            scen = json.load(f)
        for field in ("title", "description"):
            if scen.get(field):
                english["preset.%s.%s" % (sid, field)] = scen[field]

    with open(os.path.join(ROOT, "assets", "record", "record.json"), encoding="utf-8") as f:
        record = json.load(f)
    seen = {}
    for pt in record["points"]:
        n = seen.get((pt["series"], pt["year"]), 0)
        seen[(pt["series"], pt["year"])] = n + 1
        if pt.get("label"):
            english["record.%s.%d.%d.label" % (pt["series"], pt["year"], n)] = pt["label"]
    return english


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cp-run")
    ap.add_argument("--params-json")
    ap.add_argument("--english", action="store_true")
    ap.add_argument("--check")
    args = ap.parse_args()
    english = derive(args)
    if args.check:
        with open(args.check, encoding="utf-8") as f:
            have = json.load(f)
        missing = sorted(set(english) - set(have))
        extra = sorted(set(have) - set(english))
        for k in missing:
            print("missing: " + k)
        for k in extra:
            print("extra:   " + k)
        mismatched = set()
        for k in sorted(set(english) & set(have)):
            for pat in TOKENS:
                a, b = sorted(re.findall(pat, english[k])), sorted(re.findall(pat, str(have[k])))
                if a != b:
                    mismatched.add(k)
                    print("tokens:  %s: English %s, translation %s" % (k, a, b))
        print("%s: %d keys, %d expected, %d missing, %d extra, %d with mismatched tokens" %
              (args.check, len(have), len(english), len(missing), len(extra), len(mismatched)))
        sys.exit(1 if missing or extra or mismatched else 0)
    if args.english:
        json.dump(english, sys.stdout, ensure_ascii=False, indent=2, sort_keys=True)
        sys.stdout.write("\n")
        return
    for k in sorted(english):
        print(k)


if __name__ == "__main__":
    main()

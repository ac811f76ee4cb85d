#!/usr/bin/env python3
"""Validate tests/corpus/extra/gold/*.json against tests/corpus/extra/seeds/*.txt.

Adapted from shared/corpus/tools-annotation/check_gold.py: same checks, paths
pointing at this folder, values folded for 万/萬/亿/億, 百分之… and full
Chinese numerals (三千五百, 一百二十), and extra traps checked: no gold text
may be a year, a date, a 文号 or a hotline number.

Usage: check_extra.py [GOLD.json ...]     (default: every file in ./gold)

Checks, per file (any failure -> exit status 1):
  * shape: doc, meta (six fields; value, null or {"contains": str}),
    sections, indicators;
  * sections: level >= 1, marker in the normalised set, title non-empty and
    free of markdown marks, `part` present (and valid) exactly on level 1;
    each title occurs in the raw text, in document order, right after a raw
    form of its marker (allowing spaces, '#', '*' in between);
  * indicators: `text` occurs at least `occurrence` times in the raw file;
    value is a number (not bool); unit, label_key non-empty strings; approx
    null or a string contained in `text`; optional absent or true; spans in
    document order and not overlapping; the digits of `text` agree with
    `value` (万/亿 folded in).
Also prints, for review, heading-like lines of the raw text that no gold
section accounts for (一是/二是 points excluded), and the counts.
"""
import glob
import json
import os
import re
import sys
from decimal import Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = HERE
SEEDS = os.path.join(CORPUS, "seeds")

META_FIELDS = ["title", "agency", "region", "report_year", "published",
               "doc_number"]
PARTS = {"measures", "shortcomings", "leadership", "plans", "other"}
CN = "一二三四五六七八九十"
CN_DIGIT = {c: i + 1 for i, c in enumerate("一二三四五六七八九")}
CN_DIGIT.update({"两": 2, "零": 0, "〇": 0})


def cn_int(s):
    """一..九十九 -> int (enough for list markers)."""
    if s == "十":
        return 10
    if "十" in s:
        a, b = s.split("十")
        return (CN_DIGIT[a] if a else 1) * 10 + (CN_DIGIT[b] if b else 0)
    return CN_DIGIT[s]


def raw_marker_res(marker):
    """Regexes for the raw forms of a normalised marker."""
    m = re.fullmatch(r"([%s]+)、" % CN, marker)
    if m:
        return [re.escape(marker)]
    m = re.fullmatch(r"\(([%s]+)\)" % CN, marker)
    if m:
        n = re.escape(m.group(1))
        return [r"[(（]\s*" + n + r"\s*[)）]"]
    m = re.fullmatch(r"(\d+)\.", marker)
    if m:
        return [m.group(1) + r"\s*[.、．]"]
    m = re.fullmatch(r"\((\d+)\)", marker)
    if m:
        return [r"[(（]\s*" + m.group(1) + r"\s*[)）]"]
    if re.fullmatch(r"[\u2460-\u2473]", marker):
        return [re.escape(marker)]
    return None


HEADING_LINE = re.compile(
    r"^[\s#*\u2002\u2800-\u28ff/a-z>]*"
    r"(?P<m>[%s]+、|[(（][%s]+[)）]|\d+\s*[.、．](?!\d)|[(（]\d+[)）]|[\u2460-\u2473])"
    % (CN, CN))


CN_FULL = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
           "六": 6, "七": 7, "八": 8, "九": 9}


def cn_full(s):
    """Chinese numeral up to 千万 -> int (ValueError if not one)."""
    total = section = digit = 0
    for ch in s:
        if ch in CN_FULL:
            digit = CN_FULL[ch]
        elif ch in "十百千":
            section += (digit or 1) * {"十": 10, "百": 100, "千": 1000}[ch]
            digit = 0
        elif ch in "万萬":
            total += (section + digit) * 10000
            section = digit = 0
        else:
            raise ValueError(s)
    return total + section + digit


def value_from_text(text):
    """The number a surface text states, 万/亿 folded in (None if unsure)."""
    t = text.replace(" ", "")
    m = re.search(r"百分之([零〇一二两三四五六七八九十百]+)(?:点([零〇一二三四五六七八九]+))?", t)
    if m:
        v = Decimal(cn_full(m.group(1)))
        if m.group(2):
            v += Decimal("0." + "".join(str(CN_FULL[c]) for c in m.group(2)))
        return v
    m = re.search(r"\d+(?:\.\d+)?", t)
    if m:
        v = Decimal(m.group(0))
        rest = t[m.end():]
        if rest[:1] in ("余", "餘", "多"):
            rest = rest[1:]  # 2300余万元
        if rest[:1] in ("万", "萬"):
            v *= 10000
        elif rest[:1] in ("亿", "億"):
            v *= 100000000
        return v
    if t.startswith("一个半"):
        return Decimal("1.5")
    m = re.search(r"[零〇一二三四五六七八九十百千两]+", t)
    if m:
        try:
            return Decimal(cn_full(m.group(0)))
        except (KeyError, ValueError):
            return None
    return None


TOC_LINE = re.compile(r"(?:…|\.{3,}|·{3,})+\s*\d+\s*$")
TRAP = re.compile(r"^(?:\d{4}年|\d{1,2}月|\d{1,2}日|〔|.*号$|123\d\d|.*[·・])")


def nth(raw, text, k):
    i = -1
    for _ in range(k):
        i = raw.find(text, i + 1)
        if i == -1:
            return -1
    return i


def check(path):
    errs, notes = [], []
    g = json.load(open(path, encoding="utf-8"))
    name = os.path.basename(path)
    for key in ("doc", "meta", "sections", "indicators"):
        if key not in g:
            errs.append(f"missing key {key}")
    if errs:
        return errs, notes, g
    if g["doc"] != name[:-5] + ".txt":
        errs.append(f"doc {g['doc']!r} does not match file name")
    raw = open(os.path.join(SEEDS, g["doc"]), encoding="utf-8").read()

    # --- meta
    meta = g["meta"]
    if sorted(meta) != sorted(META_FIELDS):
        errs.append(f"meta fields {sorted(meta)}")
    for f in META_FIELDS:
        v = meta.get(f)
        if isinstance(v, dict):
            if list(v) != ["contains"] or not isinstance(v["contains"], str):
                errs.append(f"meta.{f}: bad object {v}")
            elif f != "report_year" and v["contains"] not in raw:
                notes.append(f"meta.{f} contains {v['contains']!r}: not in raw text")
        elif v is not None:
            if f == "report_year":
                if not isinstance(v, int) or not (1990 <= v <= 2100):
                    errs.append(f"meta.report_year {v!r}")
            elif not isinstance(v, str) or not v:
                errs.append(f"meta.{f} {v!r}")
            elif f == "published":
                if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
                    errs.append(f"meta.published {v!r}")
            elif v not in raw:
                notes.append(f"meta.{f} {v!r} is not verbatim in the text")

    # --- sections
    pos = 0
    claimed = set()  # raw line numbers whose heading is in gold
    for i, s in enumerate(g["sections"]):
        lvl, mk, title = s.get("level"), s.get("marker"), s.get("title")
        if not isinstance(lvl, int) or lvl < 1:
            errs.append(f"section {i}: level {lvl!r}")
        res = raw_marker_res(mk) if isinstance(mk, str) else None
        if res is None:
            errs.append(f"section {i}: marker {mk!r} not normalised")
            continue
        if not isinstance(title, str) or not title.strip():
            errs.append(f"section {i}: empty title")
            continue
        if re.search(r"[#*]", title):
            errs.append(f"section {i}: markdown in title {title!r}")
        if lvl == 1:
            if s.get("part") not in PARTS:
                errs.append(f"section {i}: part {s.get('part')!r}")
        elif "part" in s:
            errs.append(f"section {i}: part on level {lvl}")
        if i == 0 and lvl != 1:
            errs.append("first section is not level 1")
        if i > 0 and lvl > g["sections"][i - 1]["level"] + 1:
            errs.append(f"section {i}: level jumps to {lvl}")
        # whitespace may stand anywhere inside a title (a page break in the source)
        pat = re.compile("(?:" + "|".join(res) + r")[\s#*]*" + r"\s*".join(map(re.escape, title)))
        m = pat.search(raw, pos)
        # a table-of-contents line (dot leaders and a page number) is not the heading
        while m and TOC_LINE.search(raw[m.start():raw.find("\n", m.start()) % (len(raw) + 1)]):
            m = pat.search(raw, m.end())
        if not m:
            errs.append(f"section {i}: {mk} {title!r} not found (in order)")
            continue
        pos = m.end()
        claimed.add(raw.count("\n", 0, m.start()))
    # heading-like lines not in gold (for review)
    for ln, line in enumerate(raw.split("\n")):
        m = HEADING_LINE.match(line)
        if m and ln not in claimed and not TOC_LINE.search(line):
            notes.append(f"unlisted heading-like line {ln + 1}: {line.strip()[:40]!r}")

    # --- indicators
    last_end = -1
    for i, x in enumerate(g["indicators"]):
        t, k = x.get("text"), x.get("occurrence")
        tag = f"indicator {i} {t!r}"
        if not isinstance(t, str) or not t:
            errs.append(f"{tag}: empty text")
            continue
        if not isinstance(k, int) or k < 1:
            errs.append(f"{tag}: occurrence {k!r}")
            continue
        found = raw.count(t) if len(t) == 1 else sum(
            1 for j in range(len(raw)) if raw.startswith(t, j))
        if found < k:
            errs.append(f"{tag}: occurs {found} times, occurrence {k}")
            continue
        v = x.get("value")
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            errs.append(f"{tag}: value {v!r} is not a number")
        elif value_from_text(t) is not None and Decimal(str(v)) != value_from_text(t):
            errs.append(f"{tag}: value {v} disagrees with text ({value_from_text(t)})")
        for f in ("unit", "label_key"):
            if not isinstance(x.get(f), str) or not x[f].strip():
                errs.append(f"{tag}: {f} empty")
        a = x.get("approx", "MISSING")
        if a == "MISSING":
            errs.append(f"{tag}: approx missing (use null)")
        elif a is not None and (not isinstance(a, str) or a not in t):
            errs.append(f"{tag}: approx {a!r} not in text")
        if "optional" in x and x["optional"] is not True:
            errs.append(f"{tag}: optional must be true or absent")
        extra = set(x) - {"text", "occurrence", "value", "unit", "approx",
                          "label_key", "optional"}
        if extra:
            errs.append(f"{tag}: unknown fields {sorted(extra)}")
        if TRAP.match(t):
            errs.append(f"{tag}: looks like a year, date, 文号 or hotline, not an indicator")
        start = nth(raw, t, k)
        if start < last_end:
            errs.append(f"{tag}: out of order or overlapping at {start}")
        last_end = start + len(t)
    return errs, notes, g


def main(paths):
    paths = paths or sorted(glob.glob(os.path.join(CORPUS, "gold", "*.json")))
    bad = 0
    tot_s = tot_i = tot_o = 0
    for p in paths:
        errs, notes, g = check(p)
        ns, ni = len(g.get("sections", [])), len(g.get("indicators", []))
        no = sum(1 for x in g.get("indicators", []) if x.get("optional"))
        l1 = sum(1 for s in g.get("sections", []) if s.get("level") == 1)
        tot_s, tot_i, tot_o = tot_s + ns, tot_i + ni, tot_o + no
        status = "OK " if not errs else "BAD"
        print(f"{status} {os.path.basename(p)}: {ns} sections ({l1} level-1), "
              f"{ni} indicators ({ni - no} required, {no} optional)")
        for e in errs:
            print("   ERROR", e)
        for n in notes:
            print("   note ", n)
        bad += bool(errs)
    print(f"total: {len(paths)} files, {tot_s} sections, {tot_i} indicators "
          f"({tot_i - tot_o} required, {tot_o} optional); {bad} file(s) with errors")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

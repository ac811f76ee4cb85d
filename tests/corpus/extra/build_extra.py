#!/usr/bin/env python3
"""Build tests/corpus/extra/{seeds,gold} from the annotated sources in annotated/.

Each annotated/NNN_slug.ann.txt holds one report with its gold decided by hand
inline; this script only does the mechanical parts (strip the marks, compute
offsets and `occurrence`, fold values) and writes

    seeds/NNN_slug.txt   the report text exactly as the analyzer will see it
    gold/NNN_slug.json   metadata, sections, indicators in the shared gold format

Annotation syntax (none of these characters occur in the reports themselves):

  header lines before a line "@@@":
      @title: text | ~text (= {"contains": text}) | null
      @agency, @region, @published (YYYY-MM-DD), @doc_number likewise;
      @report_year: int | null
  ⟪1:measures⟫  placed right before a heading marker (一、 （一） 1. （1） ① …);
                the number is the level, the part is given on level 1 only.
                The title is the text after the marker (spaces, # and * skipped)
                up to the first 。, a ** close, the end of the line, or an
                explicit ¦ (removed from the text).
  ⟦text|label_key⟧ or ⟦text|label_key|opt|u=unit|v=value|a=approx⟧
                an indicator; value, unit and approx are derived from the text
                unless overridden (a= with nothing sets approx to null).

`occurrence` is the k-th (overlapping, str.find) occurrence of `text` in the
stripped report at the annotated position, never typed by hand.

Usage: build_extra.py            (rebuilds every file; prints counts and the
                                  number tokens that no indicator covers, for review)
"""
import glob
import json
import os
import re
import sys
from decimal import Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
ANN = os.path.join(HERE, "annotated")
SEEDS = os.path.join(HERE, "seeds")
GOLD = os.path.join(HERE, "gold")

META_FIELDS = ["title", "agency", "region", "report_year", "published", "doc_number"]
FW = {ord(c): ord(c) - 0xFEE0 for c in "０１２３４５６７８９（）．，％"}
CN_MARK = "一二三四五六七八九十"
RAW_MARKER = re.compile(
    r"[%s]+、|[（(][%s]+[)）]|[0-9０-９]+\s*[.、．]|[（(][0-9０-９]+[)）]|[\u2460-\u2473]" % (CN_MARK, CN_MARK))
TOKEN = re.compile(r"⟪([^⟫]*)⟫|⟦([^⟧]*)⟧|¦")
APPROX_PRE = ["不少于", "不少於", "超过", "超過", "突破", "超", "近", "约", "約", "逾"]
APPROX_POST = ["以上"]
CN_NUM = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
          "六": 6, "七": 7, "八": 8, "九": 9}
CN_UNIT = {"十": 10, "百": 100, "千": 1000}


def cn_to_int(s):
    """Chinese numeral (up to 亿) -> int."""
    total, section, digit = 0, 0, 0
    for ch in s:
        if ch in CN_NUM:
            digit = CN_NUM[ch]
        elif ch in CN_UNIT:
            section += (digit or 1) * CN_UNIT[ch]
            digit = 0
        elif ch in "万亿":
            total += (section + digit) * (10000 if ch == "万" else 100000000)
            section = digit = 0
        else:
            raise ValueError(s)
    return total + section + digit


def norm_marker(m):
    m = m.translate(FW).replace(" ", "")
    m = re.sub(r"^(\d+)[、.．]$", r"\1.", m)
    return m


def parse_quantity(text):
    """(value Decimal, unit, approx) from a surface text."""
    t = text.translate(FW).replace(" ", "")
    approx = None
    for a in APPROX_PRE:
        if t.startswith(a):
            approx, t = a, t[len(a):]
            break
    m = re.match(r"百分之([零〇一二两三四五六七八九十百点]+)", t)
    if m:
        body = m.group(1)
        if "点" in body:
            a, b = body.split("点")
            v = Decimal(cn_to_int(a)) + Decimal("0." + "".join(str(CN_NUM[c]) for c in b))
        else:
            v = Decimal(cn_to_int(body))
        if t[m.end():] == "以上":
            approx = "以上"
        return v, "%", approx
    m = re.match(r"\d+(?:,\d{3})*(?:\.\d+)?", t)
    if m:
        v = Decimal(m.group(0).replace(",", ""))
    else:
        m = re.match(r"[零〇一二两三四五六七八九十百千]+", t)
        if not m:
            raise ValueError(f"no number in {text!r}")
        v = Decimal(cn_to_int(m.group(0)))
    rest = t[m.end():]
    if rest[:1] in ("余", "餘", "多") and rest[1:2] in ("万", "萬", "亿", "億"):
        approx, rest = rest[0], rest[1:]  # 2300余万元
    if rest[:1] in ("万", "萬"):
        v, rest = v * 10000, rest[1:]
    elif rest[:1] in ("亿", "億"):
        v, rest = v * 100000000, rest[1:]
    if rest[:1] in ("余", "餘", "多") and approx is None:
        approx, rest = rest[0], rest[1:]
    for a in APPROX_POST:
        if rest.endswith(a):
            approx, rest = a, rest[: -len(a)]
    if rest == "%":
        unit = "%"
    elif rest.endswith("元"):
        unit = "元"
    elif rest.startswith(("个", "個")) and len(rest) > 1:
        unit = rest[1:]
    else:
        unit = rest
    if not unit:
        raise ValueError(f"no unit in {text!r}")
    return v, unit, approx


def num(v):
    return int(v) if v == v.to_integral_value() else float(v)


def occurrence_at(raw, text, pos):
    k, i = 0, raw.find(text)
    while i != -1 and i <= pos:
        k += 1
        if i == pos:
            return k
        i = raw.find(text, i + 1)
    raise AssertionError((text, pos))


def meta_value(field, v):
    v = v.strip()
    if v == "null":
        return None
    if v.startswith("~"):
        return {"contains": v[1:]}
    if field == "report_year":
        return int(v)
    return v


def build(path):
    src = open(path, encoding="utf-8").read()
    head, body = src.split("\n@@@\n", 1)
    meta = {}
    for line in head.splitlines():
        if line.startswith("@"):
            k, v = line[1:].split(":", 1)
            meta[k.strip()] = meta_value(k.strip(), v)
    assert sorted(meta) == sorted(META_FIELDS), (path, sorted(meta))
    meta = {k: meta[k] for k in META_FIELDS}

    out, heads, inds, ends = [], [], [], []
    pos = 0
    n = 0  # length of out so far
    for m in TOKEN.finditer(body):
        chunk = body[pos:m.start()]
        out.append(chunk)
        n += len(chunk)
        pos = m.end()
        if m.group(0) == "¦":
            ends.append(n)
        elif m.group(1) is not None:
            spec = m.group(1)
            if ":" in spec:
                lvl, part = spec.split(":")
            else:
                lvl, part = spec, None
            heads.append((n, int(lvl), part))
        else:
            fields = m.group(2).split("|")
            text, key, opts = fields[0], fields[1], fields[2:]
            inds.append((n, text, key, opts))
            out.append(text)
            n += len(text)
    out.append(body[pos:])
    raw = "".join(out)

    sections = []
    for at, lvl, part in heads:
        mm = RAW_MARKER.match(raw, at)
        if not mm:
            raise SystemExit(f"{path}: no marker at {raw[at:at + 20]!r}")
        i = mm.end()
        while raw[i] in " \u3000*#":
            i += 1
        j = i
        while j < len(raw) and raw[j] not in "。\n" and not raw.startswith("**", j) and j not in ends:
            j += 1
        title = raw[i:j].strip()
        s = {"level": lvl, "marker": norm_marker(mm.group(0)), "title": title}
        if lvl == 1:
            s["part"] = part
        else:
            assert part is None, (path, title)
        sections.append(s)

    indicators = []
    covered = []
    for at, text, key, opts in inds:
        v, unit, approx = parse_quantity(text)
        optional = False
        for o in opts:
            if o == "opt":
                optional = True
            elif o.startswith("u="):
                unit = o[2:]
            elif o.startswith("v="):
                v = Decimal(o[2:])
            elif o.startswith("a="):
                approx = o[2:] or None
            else:
                raise SystemExit(f"{path}: bad option {o!r}")
        item = {"text": text, "occurrence": occurrence_at(raw, text, at), "value": num(v),
                "unit": unit, "approx": approx, "label_key": key}
        if optional:
            item["optional"] = True
        indicators.append(item)
        covered.append((at, at + len(text)))
    name = os.path.basename(path)[: -len(".ann.txt")]
    return name, raw, {"doc": name + ".txt", "meta": meta, "sections": sections,
                       "indicators": indicators}, covered


def dump(g):
    d = lambda x: json.dumps(x, ensure_ascii=False)
    out = ["{", f' "doc": {d(g["doc"])},', f' "meta": {d(g["meta"])},']
    for key in ("sections", "indicators"):
        rows = [f"  {d(x)}" for x in g[key]]
        out.append(f' "{key}": [')
        out.append(",\n".join(rows))
        out.append(" ]," if key == "sections" else " ]")
    out.append("}")
    text = "\n".join(out) + "\n"
    assert json.loads(text) == g
    return text


NUM_TOKEN = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?|[零〇一二两三四五六七八九十百千万]+(?=[余多]?[次件项個个家户人名份条條期场場学學元位所批类种轮篇本部处套台座起宗笔例支只张册间门倍])")


def main():
    os.makedirs(SEEDS, exist_ok=True)
    os.makedirs(GOLD, exist_ok=True)
    review = "-v" in sys.argv
    for p in sorted(glob.glob(os.path.join(ANN, "*.ann.txt"))):
        name, raw, g, covered = build(p)
        with open(os.path.join(SEEDS, name + ".txt"), "w", encoding="utf-8") as f:
            f.write(raw)
        with open(os.path.join(GOLD, name + ".json"), "w", encoding="utf-8") as f:
            f.write(dump(g))
        no = sum(1 for x in g["indicators"] if x.get("optional"))
        print(f"{name}: {len(raw.encode('utf-8'))} bytes, {len(g['sections'])} sections, "
              f"{len(g['indicators'])} indicators ({no} optional)")
        if review:
            for m in NUM_TOKEN.finditer(raw):
                if not any(s <= m.start() < e for s, e in covered):
                    ctx = raw[max(0, m.start() - 12):m.end() + 8].replace("\n", "⏎")
                    print(f"    not an indicator: {m.group(0)!r:8} …{ctx}…")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Checks one CLI result of tests/pathological/run.sh: stdout is the JSON of
spec/output.md, carries the expected diagnostics ('*': at least one), every
span lies inside the input's UTF-16 text, and indicators are in document order
with input.slice(span) == text (UTF-16 code units, as JavaScript counts them).
Usage: check.py INPUT RESULT_JSON CODES   (prints the reason and exits 1 on failure)"""
import json
import sys


def utf16_text(raw):
    if raw.startswith(b"\xff\xfe") or raw.startswith(b"\xfe\xff"):
        return raw[2:].decode("utf-16-le" if raw[0] == 0xFF else "utf-16-be", "replace").encode("utf-16-le")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    return raw.decode("utf-8", "replace").encode("utf-16-le")


def spans(node):  # every [s, e] under a "span", "*_span" or "spans" key
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "span" or key.endswith("_span"):
                if value is not None:
                    yield key, value
            elif key == "spans":
                yield from ((key, v) for v in value)
            else:
                yield from spans(value)
    elif isinstance(node, list):
        for value in node:
            yield from spans(value)


def check(input_path, result_path, codes):
    try:
        result = json.load(open(result_path, encoding="utf-8"))
    except ValueError as e:
        return f"stdout is not JSON: {e}"
    if not isinstance(result, dict) or result.get("schema") != "reportlens/1":
        return "stdout is not a reportlens/1 result"
    got = {d["code"] for d in result.get("diagnostics", [])}
    if codes == ["*"] and not got:
        return "something was dropped but there is no diagnostic"
    missing = [c for c in codes if c != "*" and c not in got]
    if missing:
        return f"missing diagnostics {missing} (got {sorted(got)})"
    text = utf16_text(open(input_path, "rb").read())
    units = len(text) // 2
    for key, (s, e) in spans(result):
        if not 0 <= s <= e <= units:
            return f"{key} [{s}, {e}] outside the input ({units} UTF-16 units)"
    last = 0
    for x in result.get("indicators", []):
        s, e = x["span"]
        if s < last:
            return f"indicators out of order at {x['span']}"
        last = s
        sliced = text[2 * s:2 * e].decode("utf-16-le", "replace")
        if sliced != x["text"]:
            return f"input.slice({s}, {e}) is {sliced!r}, text is {x['text']!r}"
    return None


if __name__ == "__main__":
    codes = [] if sys.argv[3] == "-" else sys.argv[3].split(",")
    why = check(sys.argv[1], sys.argv[2], codes)
    if why:
        print(why)
        sys.exit(1)

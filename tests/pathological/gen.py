#!/usr/bin/env python3
"""Writes the pathological inputs of issue 8 into a directory and prints one
manifest line per case: name, file, and the diagnostic codes the result must
carry (comma-separated; '*' any diagnostic, '-' none required). With --series NAME MB it writes only
case NAME at about MB megabytes (the size-doubling series of run.sh).
Usage: gen.py DIR SEED_REPORT [--series NAME MB]"""
import os
import sys

MB = 1 << 20
LEVELS = ["一、", "（一）", "1.", "（1）", "①", "⑴", "㈠"]
CN = "一二三四五六七八九"


def cn_numeral(n):  # 1..99 -> 一 … 九十九
    tens, ones = divmod(n, 10)
    return (("" if tens == 1 else CN[tens - 1]) + "十" if tens else "") + (CN[ones - 1] if ones else "")


def repeat_to(unit, size):
    return unit * max(1, size // len(unit))


def single_line(report, size):  # a whole report with no line breaks, repeated
    flat = report.decode("utf-8").replace("\r", "").replace("\n", " ").encode()
    return repeat_to(flat, size)


def headings(report, size, count=100_000):
    lines = []
    for i in range(count):
        n = i % 99 + 1
        lines.append(f"{cn_numeral(n)}、第{i}项工作\n" if i % 2 == 0 else f"{n}. 办理案件{i}件，同比增长{n}%。\n")
    return "".join(lines).encode()


def digits(report, size):
    return "全年办理案件".encode() + b"7" * size + "件，增长".encode() + b"3" * 1000 + b".5%\n"


def nested_markers(report, size, depth=1000):
    staircase = "".join(f"{LEVELS[i % len(LEVELS)]}第{i}层标题，办理{i}件。\n" for i in range(depth))
    one_line = "".join(LEVELS[i % len(LEVELS)] for i in range(depth)) + "末尾120件。\n"
    return (staircase + one_line).encode()


def punctuation(report, size):
    return repeat_to("，。、；：？！…—（）《》“”‘’【】·%.,;:!?()[]-_*#".encode(), size)


def astral(report, size):
    unit = "𠀀一、𠀀主要举措𠀀\n（一）𠀀𠀁办理𠀀案件120件，𠀀增长12.5%，罚款𠀀3.5万元，培训😀1,000余人次。\n"
    return repeat_to(unit.encode(), size)


def nul_bytes(report, size):  # a real report with ten NUL bytes (under 1 %: still text)
    return report.replace("。".encode(), "。\x00".encode(), 10)


def nul_binary(report, size):  # every other byte NUL: binary
    return repeat_to(b"\x00a", size)


def unclosed_tags(report, size):  # '<' everywhere and no '>': every tag scan fails
    return repeat_to("<a href=案件 120件，<div 一、".encode(), size)


def one_clause(report, size):  # quantities on one line with no clause break (。，；)
    return repeat_to("办理 120件 ".encode(), size)


def repeated_report(report, size):
    return repeat_to(report + b"\n", size)


def over_limit(report, size):  # 32 MB cut in the middle of a 3-byte character
    body = repeat_to(report + b"\n", 32 * MB + len(report) + 1)
    return body[: 32 * MB - 1] + "案件".encode()


CASES = [  # name, generator, size, diagnostics the result must carry
    ("single_line_10mb", single_line, 10 * MB, []),
    ("headings_100k", headings, 0, []),
    ("digits_1m", digits, 1_000_000, ["*"]),
    ("nested_markers_1000", nested_markers, 0, []),
    ("punctuation_only", punctuation, 1 * MB, []),
    ("astral_plane", astral, 1 * MB, []),
    ("nul_bytes", nul_bytes, 0, ["control_chars"]),
    ("nul_binary", nul_binary, 1 * MB, ["binary_input"]),
    ("unclosed_tags", unclosed_tags, 1 * MB, []),
    ("one_clause_1mb", one_clause, 1 * MB, []),
    ("report_x1000", repeated_report, 0, []),
    ("over_limit_mid_char", over_limit, 0, ["input_too_large"]),
]


def main():
    out, seed = sys.argv[1], sys.argv[2]
    report = open(seed, "rb").read()
    if report.startswith(b"\xef\xbb\xbf"):
        report = report[3:]
    os.makedirs(out, exist_ok=True)
    cases = {name: (gen, size, diags) for name, gen, size, diags in CASES}
    cases["report_x1000"] = (repeated_report, 1000 * (len(report) + 1), [])
    if len(sys.argv) > 3 and sys.argv[3] == "--series":
        name, size = sys.argv[4], int(float(sys.argv[5]) * MB)
        gen, _, diags = cases[name]
        todo = [(f"{name}_{sys.argv[5]}mb", gen, size, diags)]
    else:
        todo = [(name, *cases[name]) for name, *_ in CASES]
    for name, gen, size, diags in todo:
        path = os.path.join(out, name + ".txt")
        with open(path, "wb") as f:
            f.write(gen(report, size))
        print(f"{name}\t{path}\t{','.join(diags) or '-'}")


if __name__ == "__main__":
    main()

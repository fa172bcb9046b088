#!/usr/bin/python3
"""Writes data/industry/gbt4754_2017_classes.csv: the 1,380 classes (小类) of GB/T 4754-2017 with
their group (中类), division (大类) and section (门类), for matching a registry's industry names.

Input: a public transcription of the classification as a JavaScript array of records
{class4, class3, level, class2, class1, name, remark} (repo zmshe/capital, commit 0b8f1ae480aa,
src/utils/category.js). Only codes and names are taken. The script checks the count (1,380 classes
in the 2017 edition), that every class sits under a group and a division of the same list, and
the classes verified independently for data/catalogue/README.md §5; then writes the file.

Usage (from the repository root): /usr/bin/python3 scripts/industry/build_industry_classes.py PATH/category.js
"""
import csv
import re
import sys

VERIFIED = {  # data/catalogue/README.md §5 and the 2017-only classes
    "0810": "铁矿采选", "3011": "水泥制造", "3120": "炼钢", "3140": "铁合金冶炼", "3218": "硅冶炼",
    "4411": "火力发电", "4412": "热电联产", "4417": "生物质能发电", "4630": "海水淡化处理",
    "2511": "原油加工及石油制品制造", "3031": "粘土砖瓦及建筑砌块制造", "3032": "建筑用石加工",
}


def main(path):
    text = open(path, encoding="utf-8").read()
    records = re.findall(
        r"\{\s*class4: '([^']*)',\s*class3: '([^']*)',\s*level: '(\d)',\s*class2: '([^']*)',"
        r"\s*class1: '([^']*)',\s*name: '([^']*)'", text)
    names = {}
    for class4, class3, level, class2, class1, name in records:
        key = {"1": class1, "2": class2, "3": class3, "4": class4}[level]
        names[(level, key)] = name
    classes = [r for r in records if r[2] == "4"]
    if len(classes) != 1380 or len({r[0] for r in classes}) != 1380:
        sys.exit(f"expected 1380 distinct classes, found {len(classes)}")
    rows = []
    for class4, class3, _, class2, class1, name in classes:
        if not re.fullmatch(r"\d{4}", class4) or not class4.startswith(class2) or not class4.startswith(class3):
            sys.exit(f"class {class4}: inconsistent group {class3} / division {class2}")
        # A group without subdivision has no level-3 record of its own: its name is the class's.
        group = names.get(("3", class3), name)
        division = names.get(("2", class2))
        if division is None:
            sys.exit(f"class {class4}: division {class2} missing")
        rows.append([class4, name, class3, group, class2, division, class1])
    by_code = {r[0]: r[1] for r in rows}
    for code, name in VERIFIED.items():
        if by_code.get(code) != name:
            sys.exit(f"class {code}: {by_code.get(code)!r}, expected {name!r}")
    rows.sort()
    with open("data/industry/gbt4754_2017_classes.csv", "w", encoding="utf-8", newline="") as out:
        w = csv.writer(out, lineterminator="\n")
        w.writerow(["code", "name_zh", "group_code", "group_name", "division_code", "division_name", "section"])
        w.writerows(rows)
    print(f"{len(rows)} classes written")


if __name__ == "__main__":
    main(sys.argv[1])

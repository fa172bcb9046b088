#!/usr/bin/env python3
"""Checks the include graph of src/: no upward includes, no cycles, third-party headers behind their boundary.

The allowed dependencies of each folder are the table in src/README.md (between the
"include-graph" markers). Every `#include "folder/…"` in a .h/.cpp under src/ must name the file's
own folder or one its row lists; the graph of folders and subfolders (analysis/cluster, …) that the
includes draw must have no cycle; GDAL, PROJ, GEOS and CLI11 headers may appear only in the folders
named in BOUNDARIES. Prints every violation as file:line and exits 1; exits 0 when the house is
clean. `--dot` prints the folder graph for Graphviz; `--self-test` checks the checker on a small
tree with one violation of each kind.
"""
from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')
TABLE_ROW = re.compile(r'^\|\s*`([a-z_]+)`\s*\|([^|]*)\|')
# Third-party headers and the only top-level folders allowed to include them (STYLE: GDAL headers
# live only in io, PROJ and GEOS only in geo; CLI11 only in the command-line front end).
BOUNDARIES = [
    (re.compile(r'^(gdal|ogr|cpl_)[a-z_]*\.h$|^ogrsf_frmts\.h$'), {'io'}, 'GDAL'),
    (re.compile(r'^proj\.h$|^proj/'), {'geo'}, 'PROJ'),
    (re.compile(r'^geos_c\.h$|^geos/'), {'geo'}, 'GEOS'),
    (re.compile(r'^CLI/'), {'cli'}, 'CLI11'),
]


def read_rules(readme: Path) -> dict[str, set[str]]:
    """The 'may include' sets of the table in src/README.md, by folder."""
    rules: dict[str, set[str]] = {}
    inside = False
    for line in readme.read_text(encoding='utf-8').splitlines():
        if 'include-graph:' in line:
            inside = 'end' not in line
            continue
        m = TABLE_ROW.match(line) if inside else None
        if m:
            allowed = {w.strip() for w in m.group(2).split(',')}
            rules[m.group(1)] = {w for w in allowed if re.fullmatch(r'[a-z_]+', w)}
    if not rules:
        raise SystemExit(f'{readme}: no include-graph table found')
    return rules


def node_of(src: Path, path: Path) -> str:
    """The folder a file belongs to: 'core', or 'analysis/cluster' for analysis' subfolders."""
    parts = path.relative_to(src).parts[:-1]
    return '/'.join(parts[:2]) if parts and parts[0] == 'analysis' and len(parts) > 1 else (parts[0] if parts else '')


def find_cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one node (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    result: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                result.append(sorted(component))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return result


def check(src: Path, readme: Path) -> tuple[list[str], dict[str, set[str]]]:
    rules = read_rules(readme)
    problems: list[str] = []
    edges: dict[str, set[str]] = {}
    for path in sorted(p for p in src.rglob('*') if p.suffix in ('.h', '.cpp') and p.is_file()):
        rel = path.relative_to(src)
        if len(rel.parts) < 2:
            continue
        top = rel.parts[0]
        node = node_of(src, path)
        if top not in rules:
            problems.append(f'{rel}: folder {top}/ is not in the table of {readme.name}')
            continue
        for lineno, line in enumerate(path.read_text(encoding='utf-8', errors='replace').splitlines(), 1):
            m = INCLUDE.match(line)
            if not m:
                continue
            bracket, target = m.groups()
            where = f'src/{rel}:{lineno}'
            if bracket == '<':
                for pattern, allowed, name in BOUNDARIES:
                    if pattern.search(target) and top not in allowed:
                        problems.append(f'{where}: {name} header <{target}> outside {", ".join(sorted(allowed))}/')
                continue
            head = target.split('/')[0]
            if '/' not in target or head not in rules:
                continue  # a file beside this one, or not one of src/'s folders
            target_node = node_of(src, src / target)
            if target_node != node:
                edges.setdefault(node, set()).add(target_node)
            if head != top and head not in rules[top]:
                problems.append(f'{where}: {top}/ includes "{target}", but {top} may include only '
                                f'{", ".join(sorted(rules[top])) or "the standard library"}')
    for cycle in find_cycles(edges):
        problems.append('cycle between folders: ' + ' <-> '.join(cycle))
    return problems, edges


def self_test() -> int:
    """The checker finds an upward include, a cycle and a boundary breach, and passes a clean tree."""
    readme_text = ('<!-- include-graph: -->\n| `core` | (standard library only) | x |\n'
                   '| `geo` | core | x |\n| `render` | core, geo | x |\n<!-- include-graph: end -->\n')
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / 'src'
        for folder in ('core', 'geo', 'render'):
            (src / folder).mkdir(parents=True)
        readme = src / 'README.md'
        readme.write_text(readme_text, encoding='utf-8')
        (src / 'core/a.h').write_text('#include <vector>\n#include "core/b.h"\n', encoding='utf-8')
        (src / 'geo/g.cpp').write_text('#include "core/a.h"\n#include <proj.h>\n', encoding='utf-8')
        (src / 'render/r.cpp').write_text('#include "geo/g.h"\n#include "core/a.h"\n', encoding='utf-8')
        clean, _ = check(src, readme)
        (src / 'core/up.cpp').write_text('#include "render/r.h"\n', encoding='utf-8')
        (src / 'render/gdal.cpp').write_text('#include <gdal_priv.h>\n', encoding='utf-8')
        dirty, _ = check(src, readme)
    expected = ['src/core/up.cpp:1: core/ includes "render/r.h"', 'cycle between folders: core <-> geo <-> render',
                'src/render/gdal.cpp:1: GDAL header <gdal_priv.h> outside io/']
    missing = [e for e in expected if not any(p.startswith(e) for p in dirty)]
    if clean or missing or len(dirty) != len(expected):
        print('self-test failed:\n clean tree: ' + repr(clean) + '\n dirty tree: ' + repr(dirty), file=sys.stderr)
        return 1
    print('self-test passed: a clean tree passes; an upward include, a cycle and a GDAL header outside io/ are found')
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    root = Path(__file__).resolve().parent.parent
    parser.add_argument('--src', type=Path, default=root / 'src', help='the src/ folder (default: this checkout)')
    parser.add_argument('--dot', action='store_true', help='print the folder graph in Graphviz dot')
    parser.add_argument('--self-test', action='store_true', help='check the checker on a small tree')
    args = parser.parse_args()
    if args.self_test:
        return self_test()
    problems, edges = check(args.src, args.src / 'README.md')
    if args.dot:
        print('digraph src {')
        for a in sorted(edges):
            for b in sorted(edges[a]):
                print(f'  "{a}" -> "{b}";')
        print('}')
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        print(f'{len(problems)} include-graph problem(s); the rules are in src/README.md', file=sys.stderr)
        return 1
    print(f'include graph of {args.src.name}/: {sum(len(v) for v in edges.values())} folder dependencies, '
          'none upward, no cycle, third-party headers behind their boundaries')
    return 0


if __name__ == '__main__':
    sys.exit(main())

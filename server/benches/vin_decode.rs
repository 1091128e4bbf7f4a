//! VIN decode benchmark (not a test): what the vPIC decoder adds to start-up and resident memory,
//! and decode latency cold (first VIN of each WMI and year reads its schemas) and warm.
//!
//! `./scripts/bench_vin` (synthesises the VINs, then runs this), or with a VIN list of your own:
//! `VIN_BENCH_VINS=vins.txt cargo bench -p vinsnap-server --bench vin_decode` (one VIN per line,
//! or the oracle's JSON lines).

use std::path::PathBuf;
use std::time::{Duration, Instant};
use vinsnap_server::vin::VinDecoder;
use vinsnap_server::vin::vpic::{Vpic, fetch};

/// Resident set size of this process, in MiB.
fn rss_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index].as_secs_f64() * 1e6
}

fn report(label: &str, mut times: Vec<Duration>) {
    times.sort();
    println!(
        "{label:<44} n={:<6} p50 {:>7.1} µs  p99 {:>7.1} µs  max {:>8.1} µs",
        times.len(),
        percentile(&times, 0.50),
        percentile(&times, 0.99),
        percentile(&times, 1.0),
    );
}

fn vins() -> Vec<String> {
    let path = std::env::var("VIN_BENCH_VINS")
        .expect("VIN_BENCH_VINS: a file of VINs (see scripts/bench_vin)");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines()
        .filter_map(|line| {
            let line = line.trim();
            if line.starts_with('{') {
                let row: serde_json::Value = serde_json::from_str(line).ok()?;
                row["vin"].as_str().map(str::to_owned)
            } else {
                (!line.is_empty()).then(|| line.to_owned())
            }
        })
        .collect()
}

#[tokio::main]
async fn main() {
    let path = std::env::var_os("VINSNAP_VPIC")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("../target/vpic")
                .join(format!("corgi-{}", fetch::VERSION))
                .join("vpic.lite.db")
        });
    fetch::ensure(&path).await.expect("vPIC data");
    let vins = vins();
    let before = rss_mib();

    let started = Instant::now();
    let vpic = Vpic::open(&path).await.expect("open");
    let open = started.elapsed();
    let opened = rss_mib();

    let mut cold = Vec::with_capacity(vins.len());
    for vin in &vins {
        let t = Instant::now();
        vpic.decode(vin).await.expect("decode");
        cold.push(t.elapsed());
    }
    let warmed = rss_mib();
    let (schemas, patterns) = vpic.cached();

    let mut warm = Vec::with_capacity(vins.len() * 5);
    for _ in 0..5 {
        for vin in &vins {
            let t = Instant::now();
            vpic.decode(vin).await.expect("decode");
            warm.push(t.elapsed());
        }
    }
    let decoder = VinDecoder::new().with_provider(std::sync::Arc::new(vpic));
    let mut full = Vec::with_capacity(vins.len() * 5);
    for _ in 0..5 {
        for vin in &vins {
            let t = Instant::now();
            let _ = decoder.decode(vin).await;
            full.push(t.elapsed());
        }
    }

    // The other design, for comparison: every pattern read into memory at start (rows only,
    // before any compiling or indexing of keys).
    let before_full = rss_mib();
    let started = Instant::now();
    let options = sqlx::sqlite::SqliteConnectOptions::new()
        .filename(&path)
        .read_only(true);
    let mut conn = sqlx::ConnectOptions::connect(&options)
        .await
        .expect("connect");
    let rows: Vec<(i64, i64, String, i64, String, Option<String>)> = sqlx::query_as(
        "SELECT Id, VinSchemaId, Keys, ElementId, AttributeId, coalesce(UpdatedOn, CreatedOn)
         FROM Pattern",
    )
    .fetch_all(&mut conn)
    .await
    .expect("patterns");
    let full_load = started.elapsed();
    let full_rss = rss_mib() - before_full;
    let full_rows = rows.len();
    drop(rows);

    println!(
        "vPIC decode benchmark: {} VINs, data {}",
        vins.len(),
        path.display()
    );
    println!(
        "the other design, every pattern in memory at start: {full_rows} rows in {:.0} ms, +{full_rss:.1} MiB",
        full_load.as_secs_f64() * 1e3
    );
    println!(
        "start-up added (open the file, read the small tables): {:.1} ms",
        open.as_secs_f64() * 1e3
    );
    println!(
        "resident memory: {before:.1} MiB before, {opened:.1} MiB open (+{:.1}), {warmed:.1} MiB with every VIN's schemas cached (+{:.1}; {schemas} schemas, {patterns} patterns)",
        opened - before,
        warmed - before,
    );
    report("cold (first decode of each WMI and year)", cold);
    report("warm vPIC decode", warm);
    report("warm full decode (structure + vPIC answer)", full);
}

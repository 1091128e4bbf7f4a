//! Generated files: writing them, and telling which committed copies are stale.

use std::{fs, io, path::Path, path::PathBuf};

/// The command that regenerates every committed generated file (printed by `--check`).
pub const REGENERATE: &str = "cargo run -q -p vinsnap-codegen";

/// One generated file: its path relative to the repository root, and its full text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct File {
    pub path: PathBuf,
    pub contents: String,
}

impl File {
    pub fn new(path: impl Into<PathBuf>, contents: impl Into<String>) -> Self {
        File {
            path: path.into(),
            contents: contents.into(),
        }
    }
}

/// A committed file that differs from what the generator writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stale {
    pub path: PathBuf,
    pub missing: bool,
}

/// Writes every file under `root`, creating directories; files already current are not
/// touched (their mtime stays, so builds that watch them do not rerun).
pub fn write_all(root: &Path, files: &[File]) -> io::Result<usize> {
    let mut written = 0;
    for file in files {
        let path = root.join(&file.path);
        if fs::read_to_string(&path).ok().as_deref() == Some(file.contents.as_str()) {
            continue;
        }
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir)?;
        }
        fs::write(&path, &file.contents)?;
        written += 1;
    }
    Ok(written)
}

/// The files under `root` whose committed text differs from the generated text.
pub fn stale(root: &Path, files: &[File]) -> Vec<Stale> {
    files
        .iter()
        .filter_map(|file| match fs::read_to_string(root.join(&file.path)) {
            Ok(text) if text == file.contents => None,
            Ok(_) => Some(Stale {
                path: file.path.clone(),
                missing: false,
            }),
            Err(_) => Some(Stale {
                path: file.path.clone(),
                missing: true,
            }),
        })
        .collect()
}

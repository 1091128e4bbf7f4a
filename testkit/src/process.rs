//! The real server binary as a child process, for what only a process can show: a SIGKILL
//! mid-request, a SIGTERM under load.

use std::path::Path;
use std::process::Stdio;
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};

/// `vinsnap-server serve` on a free port of 127.0.0.1, killed when dropped.
pub struct ServerProcess {
    pub child: Child,
    /// `http://127.0.0.1:<port>`.
    pub base: String,
}

impl ServerProcess {
    /// Starts `binary` (the test's `env!("CARGO_BIN_EXE_vinsnap-server")`) on `db` (what
    /// `--db` takes: [`crate::TestDatabase::arg`]), with local webhook receivers allowed, retry
    /// delays scaled by 0.001, VINs decoded from the WMI table (no vPIC download in a process
    /// test) and `args` appended, and waits until it listens.
    pub async fn start(binary: &Path, db: &str, args: &[&str]) -> ServerProcess {
        let mut child = Command::new(binary)
            .args([
                "serve",
                "--addr",
                "127.0.0.1:0",
                "--allow-local-webhooks",
                "--no-vpic",
                "--db",
            ])
            .arg(db)
            .args(args)
            .env("VINSNAP_WEBHOOK_TIME_SCALE", "0.001")
            .env("RUST_LOG", "warn")
            .stdout(Stdio::piped())
            .kill_on_drop(true)
            .spawn()
            .expect("the server binary starts");
        let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
        let base = tokio::time::timeout(Duration::from_secs(30), async {
            while let Some(line) = lines.next_line().await.expect("stdout") {
                if let Some(url) = line.strip_prefix("VinSnap API listening on ") {
                    return url.to_owned();
                }
            }
            panic!("the server exited before listening");
        })
        .await
        .expect("the server starts listening within 30 s");
        // Keep reading what it prints, so that it never blocks on a full pipe.
        tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
        ServerProcess { child, base }
    }

    /// POSTs `body` as JSON with `key` and returns the answer, which must be a success.
    pub async fn post(&self, key: &str, path: &str, body: serde_json::Value) -> serde_json::Value {
        let response = reqwest::Client::new()
            .post(format!("{}{path}", self.base))
            .bearer_auth(key)
            .json(&body)
            .send()
            .await
            .expect("the server answers");
        let status = response.status();
        let body: serde_json::Value = response.json().await.expect("a JSON answer");
        assert!(status.is_success(), "POST {path}: {status} {body}");
        body
    }

    /// Sends SIGTERM, as a service manager does to stop the server.
    pub fn terminate(&self) {
        let pid = self.child.id().expect("the server is running");
        let status = std::process::Command::new("kill")
            .args(["-TERM", &pid.to_string()])
            .status()
            .expect("kill runs");
        assert!(status.success(), "kill -TERM {pid}: {status}");
    }

    /// Waits for the process to exit and returns how it did.
    pub async fn exited(&mut self) -> std::process::ExitStatus {
        self.child.wait().await.expect("the process ends")
    }

    /// SIGKILL, and waits for the process to be gone.
    pub async fn kill(&mut self) {
        self.child.start_kill().expect("SIGKILL");
        self.child.wait().await.expect("the process ends");
    }
}

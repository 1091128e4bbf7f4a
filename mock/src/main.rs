//! `vinsnap-mock`: the sandbox for integrators, on a fixed port.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use anyhow::Context;
use clap::Parser;
use tokio::io::AsyncWriteExt;
use vinsnap_mock::Engine;
use vinsnap_mock::docs::DocsSite;

/// The VinSnap sandbox: answers the API from its OpenAPI spec.
#[derive(Debug, Parser)]
#[command(name = "vinsnap-mock", version)]
struct Args {
    /// Port to listen on (0 picks a free one; the address is printed on start).
    #[arg(long, default_value_t = 4010, env = "VINSNAP_MOCK_PORT")]
    port: u16,
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1", env = "VINSNAP_MOCK_HOST")]
    host: std::net::IpAddr,
    /// Serve this OpenAPI document instead of the built-in committed spec.
    #[arg(long, env = "VINSNAP_MOCK_SPEC")]
    spec: Option<PathBuf>,
    /// The built docs site (a folder with `index.html`) to serve at /docs; by default the
    /// workspace's `target/docs/`, where `./scripts/docs` builds it.
    #[arg(long, env = "VINSNAP_MOCK_DOCS")]
    docs: Option<PathBuf>,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let engine = match &args.spec {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read {}", path.display()))?;
            let spec = vinsnap_openapi::parse(&text)
                .with_context(|| format!("{} is not an OpenAPI 3 document", path.display()))?;
            Engine::new(&spec).with_context(|| format!("cannot serve {}", path.display()))?
        }
        None => Engine::committed().context("the built-in spec does not compile")?,
    };
    let listener = tokio::net::TcpListener::bind(SocketAddr::new(args.host, args.port))
        .await
        .with_context(|| format!("cannot listen on {}:{}", args.host, args.port))?;
    let address = listener.local_addr()?;
    let site = DocsSite::new(args.docs.unwrap_or_else(DocsSite::default_dir));
    if !site.dir().join("index.html").is_file() {
        eprintln!(
            "vinsnap-mock: no docs site in {} (build it with ./scripts/docs, or pass --docs DIR); /docs says so",
            site.dir().display()
        );
    }
    // One line on stdout, flushed: scripts and tests wait for it to know the port.
    let mut stdout = tokio::io::stdout();
    stdout
        .write_all(format!("vinsnap-mock listening on http://{address}\n").as_bytes())
        .await?;
    stdout.flush().await?;
    vinsnap_mock::server::serve_with_docs(listener, Arc::new(engine), site)
        .await
        .context("server stopped")
}

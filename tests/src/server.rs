//! The reference server for the SDK's tests: the workspace's one harness
//! (`vinsnap_testkit::TestServer`), plus SDK clients pointed at it.

pub use vinsnap_testkit::{Options, TestServer};

/// SDK clients for a [`TestServer`].
pub trait SdkClients {
    /// An SDK client for this server.
    fn client(&self, key: &str) -> vinsnap::Client;
    /// A client builder already pointed at this server, for tests that tune retries.
    fn builder(&self, key: &str) -> vinsnap::ClientBuilder;
}

impl SdkClients for TestServer {
    fn client(&self, key: &str) -> vinsnap::Client {
        self.builder(key).build().expect("client")
    }

    fn builder(&self, key: &str) -> vinsnap::ClientBuilder {
        vinsnap::Client::builder(key).base_url(&self.base)
    }
}

//! Walking every page of a list operation.

use std::future::Future;

use futures::{Stream, TryStreamExt, stream};

use crate::Error;

/// One page of a list: its items and whether more follow.
///
/// ```
/// let page = vinsnap::Page { items: vec![1, 2], has_more: true };
/// assert_eq!(page.items.len(), 2);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page<T> {
    /// The items of this page.
    pub items: Vec<T>,
    /// Whether more results exist past this page.
    pub has_more: bool,
}

/// A list operation's request builder (`client.list_customers()` and the like): every
/// operation of the spec that pages with `limit`/`offset` gets an implementation generated
/// from the spec, so each has [`ListOperation::stream`].
///
/// ```no_run
/// use futures::TryStreamExt;
/// use vinsnap::prelude::*;
///
/// # async fn run() -> Result<(), vinsnap::Error> {
/// let client = vinsnap::Client::new("vsk_test_123")?;
/// let customers: Vec<_> = client.list_customers().q("chen").limit(100).stream().try_collect().await?;
/// println!("{} customers", customers.len());
/// # Ok(())
/// # }
/// ```
pub trait ListOperation: Clone + Send + Sized {
    /// What the list holds.
    type Item: Send;

    /// Fetches the page starting at `offset`, keeping the builder's other parameters.
    ///
    /// ```no_run
    /// use vinsnap::prelude::*;
    /// # async fn run() -> Result<(), vinsnap::Error> {
    /// let client = vinsnap::Client::new("vsk_test_123")?;
    /// let second = client.list_customers().limit(20).fetch_page(20).await?;
    /// println!("{} customers, more: {}", second.items.len(), second.has_more);
    /// # Ok(())
    /// # }
    /// ```
    fn fetch_page(
        self,
        offset: u64,
    ) -> impl Future<Output = Result<Page<Self::Item>, Error>> + Send;

    /// Every item of every page, in order, fetching a page when the previous one is used up.
    ///
    /// Starts at offset 0 (an offset set on the builder is overridden) and keeps the builder's
    /// `limit` as the page size and its filters. Stops at the first page with `has_more` false
    /// (or, defensively, at an empty page), and at the first error, which it yields.
    ///
    /// ```no_run
    /// use futures::TryStreamExt;
    /// use vinsnap::prelude::*;
    /// # async fn run() -> Result<(), vinsnap::Error> {
    /// let client = vinsnap::Client::new("vsk_test_123")?;
    /// let mut keys = std::pin::pin!(client.list_api_keys().stream());
    /// while let Some(key) = keys.try_next().await? {
    ///     println!("{}", key.name);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    fn stream(self) -> impl Stream<Item = Result<Self::Item, Error>> + Send {
        stream::try_unfold(Some((self, 0u64)), |state| async move {
            let Some((op, offset)) = state else {
                return Ok::<_, Error>(None);
            };
            let page = op.clone().fetch_page(offset).await?;
            let fetched = page.items.len() as u64;
            let next = (page.has_more && fetched > 0).then(|| (op, offset + fetched));
            Ok(Some((stream::iter(page.items.into_iter().map(Ok)), next)))
        })
        .try_flatten()
    }
}

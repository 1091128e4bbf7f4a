//! Records the SDK's `vinsnap.request` spans: which operations were called and how each ended.

use std::sync::{Arc, Mutex};

use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Subscriber, subscriber::DefaultGuard};
use tracing_subscriber::layer::{Context, Layer, SubscriberExt};
use tracing_subscriber::registry::LookupSpan;

/// One finished request, as the SDK's span described it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Call {
    pub operation_id: String,
    pub method: String,
    pub path: String,
    /// The final status; `None` when no response came back.
    pub status: Option<u16>,
    pub request_id: Option<String>,
    pub attempts: Option<u64>,
}

/// The calls recorded so far; cheap to clone.
#[derive(Debug, Clone, Default)]
pub struct Recorder {
    calls: Arc<Mutex<Vec<Call>>>,
}

impl Recorder {
    /// Records on the current thread until the guard drops. `#[tokio::test]` runs the test and
    /// everything it spawns on its one thread, so that is every request of the test.
    pub fn install() -> (Recorder, DefaultGuard) {
        let recorder = Recorder::default();
        let subscriber = tracing_subscriber::registry().with(recorder.clone());
        let guard = tracing::subscriber::set_default(subscriber);
        // Callsite interest is cached process-wide: a test thread without this subscriber can
        // register the SDK's span callsite as uninteresting while this one is being set up,
        // and the first request would then go unrecorded. Recompute it with this one in place.
        tracing::callsite::rebuild_interest_cache();
        (recorder, guard)
    }

    pub fn calls(&self) -> Vec<Call> {
        self.calls.lock().unwrap().clone()
    }

    /// Forgets the calls recorded so far.
    pub fn clear(&self) {
        self.calls.lock().unwrap().clear();
    }
}

impl Visit for Call {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        self.record_str(field, &format!("{value:?}"));
    }

    fn record_str(&mut self, field: &Field, value: &str) {
        match field.name() {
            "operation_id" => self.operation_id = value.to_string(),
            "method" => self.method = value.to_string(),
            "path" => self.path = value.to_string(),
            "request_id" => self.request_id = Some(value.to_string()),
            _ => {}
        }
    }

    fn record_u64(&mut self, field: &Field, value: u64) {
        match field.name() {
            "status" => self.status = u16::try_from(value).ok(),
            "attempts" => self.attempts = Some(value),
            _ => {}
        }
    }

    fn record_i64(&mut self, field: &Field, value: i64) {
        if let Ok(value) = u64::try_from(value) {
            self.record_u64(field, value);
        }
    }
}

impl<S> Layer<S> for Recorder
where
    S: Subscriber + for<'a> LookupSpan<'a>,
{
    fn on_new_span(&self, attrs: &Attributes<'_>, id: &Id, ctx: Context<'_, S>) {
        if attrs.metadata().name() != "vinsnap.request" {
            return;
        }
        let mut call = Call::default();
        attrs.record(&mut call);
        if let Some(span) = ctx.span(id) {
            span.extensions_mut().insert(call);
        }
    }

    fn on_record(&self, id: &Id, values: &Record<'_>, ctx: Context<'_, S>) {
        if let Some(span) = ctx.span(id)
            && let Some(call) = span.extensions_mut().get_mut::<Call>()
        {
            values.record(call);
        }
    }

    fn on_close(&self, id: Id, ctx: Context<'_, S>) {
        if let Some(span) = ctx.span(&id)
            && let Some(call) = span.extensions_mut().remove::<Call>()
        {
            self.calls.lock().unwrap().push(call);
        }
    }
}

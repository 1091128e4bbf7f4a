//! Records the SDK's `vinsnap.request` spans: which operations were called and how each ended.

use std::cell::RefCell;
use std::sync::{Arc, Mutex, Once};

use tracing::Subscriber;
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
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

thread_local! {
    static CURRENT: RefCell<Option<Recorder>> = const { RefCell::new(None) };
}

/// Stops the thread's recording when dropped (and puts back the recorder it replaced).
pub struct RecordingGuard {
    previous: Option<Recorder>,
}

impl Drop for RecordingGuard {
    fn drop(&mut self) {
        CURRENT.with(|current| *current.borrow_mut() = self.previous.take());
    }
}

impl Recorder {
    /// Records on the current thread until the guard drops. `#[tokio::test]` runs the test and
    /// everything it spawns on its one thread, so that is every request of the test.
    ///
    /// One global subscriber routes spans to the thread's recorder. A subscriber per test
    /// (`set_default`) is not enough: tracing caches each callsite's interest process-wide,
    /// and a test thread without one can cache the SDK's span as uninteresting while another
    /// test is installing its own, so that test's first request would go unrecorded.
    pub fn install() -> (Recorder, RecordingGuard) {
        static GLOBAL: Once = Once::new();
        GLOBAL.call_once(|| {
            let subscriber = tracing_subscriber::registry().with(Router);
            tracing::subscriber::set_global_default(subscriber)
                .expect("no other global subscriber in the test binary");
        });
        let recorder = Recorder::default();
        let previous = CURRENT.with(|current| current.borrow_mut().replace(recorder.clone()));
        (recorder, RecordingGuard { previous })
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

/// The global layer: collects each `vinsnap.request` span and hands it, when it closes, to the
/// recorder of the thread it closes on.
struct Router;

impl<S> Layer<S> for Router
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
            CURRENT.with(|current| {
                if let Some(recorder) = current.borrow().as_ref() {
                    recorder.calls.lock().unwrap().push(call);
                }
            });
        }
    }
}

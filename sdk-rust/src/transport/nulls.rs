//! Sending an explicit JSON `null`.
//!
//! The generated request types hold an optional field as `Option<T>` and leave `None` out of
//! the JSON (typify's `skip_serializing_if`), so an absent field and a `null` one are the same
//! value there, and a field cannot be cleared with `null`. The edit below, set around one call,
//! changes the JSON body that call's builder serialized, before the first attempt.

use std::future::Future;

use bytes::Bytes;
use reqwest::Request;
use serde_json::Value;

/// How to change the JSON body of the requests made inside [`with_body_edit`].
#[derive(Debug, Clone)]
pub(crate) enum BodyEdit {
    /// Send these bytes instead (the dispatch entry point's checked JSON, nulls and all).
    Replace(Bytes),
    /// Set these JSON pointers (`/phone`, `/line_items/0/part_id`) to `null`.
    Nulls(Vec<String>),
}

tokio::task_local! {
    static EDIT: BodyEdit;
}

pub(crate) async fn with_body_edit<F: Future>(edit: BodyEdit, call: F) -> F::Output {
    EDIT.scope(edit, call).await
}

/// Sends `call` (a builder's `send()`) with the named fields of its JSON body set to an
/// explicit `null`, which clears them: the generated types leave a `None` field out.
///
/// A field is a top-level name (`"phone"`) or a JSON pointer into the body
/// (`"/line_items/0/part_id"`); one whose parent is not in the body is left alone.
///
/// ```no_run
/// use vinsnap::prelude::*;
/// use vinsnap::types::UpdateCustomer;
///
/// # async fn run() -> Result<(), vinsnap::Error> {
/// let client = vinsnap::Client::new("vsk_test_123")?;
/// let request = client
///     .update_customer()
///     .id("cus_01jd3q9a1bc2d3e4f5g6h7j8k9")
///     .body(UpdateCustomer::builder().name(Some("Sarah Chen".parse()?)));
/// // Sends {"name": "Sarah Chen", "phone": null}: the phone number is removed.
/// let customer = vinsnap::with_explicit_nulls(["phone"], request.send()).await?;
/// assert!(customer.phone.is_none());
/// # Ok(())
/// # }
/// ```
pub async fn with_explicit_nulls<F: Future>(
    fields: impl IntoIterator<Item = impl Into<String>>,
    call: F,
) -> F::Output {
    let pointers = fields
        .into_iter()
        .map(Into::into)
        .map(|field| {
            if field.starts_with('/') {
                field
            } else {
                format!("/{}", field.replace('~', "~0").replace('/', "~1"))
            }
        })
        .collect();
    with_body_edit(BodyEdit::Nulls(pointers), call).await
}

/// Applies the edit in scope, if any, to `request`'s body.
pub(super) fn apply(request: &mut Request) {
    let Ok(Some(body)) = EDIT.try_with(|edit| edited(request, edit)) else {
        return;
    };
    *request.body_mut() = Some(body.into());
}

fn edited(request: &Request, edit: &BodyEdit) -> Option<Bytes> {
    match edit {
        BodyEdit::Replace(bytes) => Some(bytes.clone()),
        BodyEdit::Nulls(pointers) => {
            let sent = request.body()?.as_bytes()?;
            let mut json: Value = serde_json::from_slice(sent).ok()?;
            for pointer in pointers {
                set_null(&mut json, pointer);
            }
            Some(serde_json::to_vec(&json).ok()?.into())
        }
    }
}

fn set_null(json: &mut Value, pointer: &str) {
    let Some((parent, key)) = pointer.rsplit_once('/') else {
        return;
    };
    let key = key.replace("~1", "/").replace("~0", "~");
    match json.pointer_mut(parent) {
        Some(Value::Object(object)) => {
            object.insert(key, Value::Null);
        }
        Some(Value::Array(items)) => {
            if let Some(item) = key.parse::<usize>().ok().and_then(|i| items.get_mut(i)) {
                *item = Value::Null;
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn sets_fields_and_nested_pointers_to_null() {
        let mut body = json!({"name": "A", "lines": [{"part_id": "prt_1"}], "a/b": 1});
        for pointer in ["/phone", "/lines/0/part_id", "/a~1b", "/missing/deep"] {
            set_null(&mut body, pointer);
        }
        assert_eq!(
            body,
            json!({"name": "A", "phone": null, "lines": [{"part_id": null}], "a/b": null})
        );
    }
}

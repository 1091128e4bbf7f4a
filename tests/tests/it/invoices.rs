//! Invoices through the SDK: the operations table's entries, a checked draft -> sent -> paid
//! life (the PDF behind the signed link, the email in the outbox), and the mail server being
//! down (502), against the real server.

use vinsnap::prelude::*;
use vinsnap::types::{
    ChangeJobStatus, CreateInvoice, Invoice, InvoiceStatus, JobId, JobStatus, ListInvoicesStatus,
    PayInvoice, PaymentMethod, UpdateInvoice,
};
use vinsnap::{Client, Error};
use vinsnap_tests::server::{Options, SdkClients, TestServer};
use vinsnap_tests::{opt_checked, text};

use crate::operations::Operation;

/// A job id for the optional `job_id` body field, checked by the SDK's `JobId` as a required
/// field's id is, so a malformed one is refused before sending in this field too.
struct OptionalJobId<'a>(&'a str);

impl<'a> TryFrom<OptionalJobId<'a>> for Option<JobId> {
    type Error = vinsnap::types::error::ConversionError;

    fn try_from(id: OptionalJobId<'a>) -> Result<Option<JobId>, Self::Error> {
        JobId::try_from(id.0).map(Some)
    }
}

/// A draft invoice copying the job's lines.
pub(crate) async fn create(client: &Client, job: &JobId) -> Invoice {
    client
        .create_invoice()
        .body(CreateInvoice::builder().job_id(Some(job.clone())))
        .send()
        .await
        .expect("create_invoice")
        .into_inner()
}

pub(crate) fn operations() -> Vec<(&'static str, Operation)> {
    vec![
        ("list_invoices", |c, a| {
            Box::pin(async move {
                c.list_invoices().limit(a.limit).send().await?;
                Ok(())
            })
        }),
        ("create_invoice", |c, a| {
            Box::pin(async move {
                c.create_invoice()
                    .body(
                        CreateInvoice::builder()
                            .job_id(OptionalJobId(&a.job))
                            .line_items(a.invoice_lines.clone())
                            .notes(opt_checked(&a.notes)?),
                    )
                    .send()
                    .await?;
                Ok(())
            })
        }),
        ("get_invoice", |c, a| {
            Box::pin(async move {
                c.get_invoice().id(a.invoice.as_str()).send().await?;
                Ok(())
            })
        }),
        ("update_invoice", |c, a| {
            Box::pin(async move {
                c.update_invoice()
                    .id(a.invoice.as_str())
                    .body(
                        UpdateInvoice::builder()
                            .line_items(a.invoice_lines.clone())
                            .notes(opt_checked(&a.notes)?),
                    )
                    .send()
                    .await?;
                Ok(())
            })
        }),
        ("send_invoice", |c, a| {
            Box::pin(async move {
                c.send_invoice().id(a.invoice.as_str()).send().await?;
                Ok(())
            })
        }),
        ("pay_invoice", |c, a| {
            Box::pin(async move {
                c.pay_invoice()
                    .id(a.invoice.as_str())
                    .body(
                        PayInvoice::builder()
                            .amount(a.amount)
                            .method(PaymentMethod::Card)
                            .paid_at(a.paid_at),
                    )
                    .send()
                    .await?;
                Ok(())
            })
        }),
        ("void_invoice", |c, a| {
            Box::pin(async move {
                c.void_invoice().id(a.spare_invoice.as_str()).send().await?;
                Ok(())
            })
        }),
    ]
}

/// An invoice from a completed job, edited, sent, paid; then a second one voided.
pub(crate) async fn happy_path(server: &TestServer, client: &Client) {
    let customer = crate::operations::customer(client, "Priya Raman").await;
    let vehicle = crate::operations::vehicle(client, &customer).await;
    let job = crate::jobs::create(client, &customer, &vehicle).await;
    for status in [JobStatus::InProgress, JobStatus::Completed] {
        client
            .change_job_status()
            .id(job.id.clone())
            .body(ChangeJobStatus::builder().status(status))
            .send()
            .await
            .expect("move the job");
    }

    let draft = create(client, &job.id).await;
    assert!(draft.id.starts_with("inv_"));
    assert_eq!(draft.status, InvoiceStatus::Draft);
    assert_eq!(draft.job_id.as_ref(), Some(&job.id));
    assert_eq!(draft.customer_id, customer);
    assert_eq!(draft.subtotal, job.subtotal, "the job's lines are copied");
    assert_eq!(draft.total, draft.subtotal + draft.tax);
    assert_eq!(draft.pdf_url, None, "no link before it is sent");

    let got = client
        .get_invoice()
        .id(draft.id.clone())
        .send()
        .await
        .expect("get_invoice");
    assert_eq!(got.id, draft.id);
    assert_same!(got.line_items, draft.line_items);

    let noted = client
        .update_invoice()
        .id(draft.id.clone())
        .body(UpdateInvoice::builder().notes(Some(text("Warranty: 12 months"))))
        .send()
        .await
        .expect("update_invoice");
    assert_eq!(noted.notes.as_deref(), Some("Warranty: 12 months"));
    assert_eq!(noted.total, draft.total);

    let sent = client
        .send_invoice()
        .id(draft.id.clone())
        .send()
        .await
        .expect("send_invoice")
        .into_inner();
    assert_eq!(sent.status, InvoiceStatus::Sent);
    assert_eq!(sent.sent_to.as_deref(), Some("driver@example.com"));
    let message_id = sent.message_id.clone().expect("message_id");
    let emails: Vec<String> = std::fs::read_dir(&server.outbox)
        .expect("outbox")
        .map(|entry| std::fs::read_to_string(entry.expect("entry").path()).expect("eml"))
        .collect();
    assert!(
        emails.iter().any(|eml| eml.contains(&message_id)),
        "the email {message_id} is in the outbox"
    );
    // The signed link needs no API key and serves the PDF.
    let pdf_url = sent.pdf_url.clone().expect("pdf_url");
    let pdf = reqwest::get(&pdf_url).await.expect("pdf link");
    assert_eq!(pdf.status(), 200, "{pdf_url}");
    assert!(pdf.bytes().await.expect("pdf").starts_with(b"%PDF-"));

    let paid = client
        .pay_invoice()
        .id(draft.id.clone())
        .body(
            PayInvoice::builder()
                .amount(sent.total)
                .method(PaymentMethod::Card),
        )
        .send()
        .await
        .expect("pay_invoice");
    assert_eq!(paid.status, InvoiceStatus::Paid);
    assert_eq!(paid.amount_paid, Some(sent.total));
    assert_eq!(paid.payment_method, Some(PaymentMethod::Card));

    let listed = client
        .list_invoices()
        .status(ListInvoicesStatus::Paid)
        .customer_id(customer.clone())
        .send()
        .await
        .expect("list_invoices");
    assert_eq!(
        listed.data.iter().map(|i| &i.id).collect::<Vec<_>>(),
        vec![&draft.id]
    );

    // A paid invoice cannot be voided: the rule arrives as a typed 409.
    let refused = Error::from(
        client
            .void_invoice()
            .id(draft.id.clone())
            .send()
            .await
            .unwrap_err(),
    );
    assert_eq!(
        (refused.status(), refused.code()),
        (Some(409), Some("invalid_status_transition"))
    );
    assert!(
        refused
            .request_id()
            .is_some_and(|id| id.starts_with("req_"))
    );

    let second = create(client, &job.id).await;
    let void = client
        .void_invoice()
        .id(second.id.clone())
        .send()
        .await
        .expect("void_invoice");
    assert_eq!(void.status, InvoiceStatus::Void);
    assert!(void.voided_at.is_some());
}

/// 502: a server whose SMTP URL points at a port nobody listens on. The SDK retries 502s, so
/// the client is built with retries off; the invoice stays a draft.
pub(crate) async fn mail_server_down() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("free port")
        .port();
    let server = TestServer::start_with(Options {
        smtp_url: Some(format!("smtp://127.0.0.1:{port}")),
        ..Options::default()
    })
    .await;
    let client = server
        .builder(&server.test_key)
        .max_retries(0)
        .build()
        .expect("client");
    let customer = crate::operations::customer(&client, "Tom Okafor").await;
    let vehicle = crate::operations::vehicle(&client, &customer).await;
    let job = crate::jobs::create(&client, &customer, &vehicle).await;
    let invoice = create(&client, &job.id).await;

    let error = Error::from(
        client
            .send_invoice()
            .id(invoice.id.clone())
            .send()
            .await
            .unwrap_err(),
    );
    assert_eq!(
        (error.status(), error.code()),
        (Some(502), Some("email_delivery_failed"))
    );
    assert!(!error.message().is_empty());
    assert!(error.request_id().is_some_and(|id| id.starts_with("req_")));
    let after = client
        .get_invoice()
        .id(invoice.id.clone())
        .send()
        .await
        .expect("get_invoice");
    assert_eq!(after.status, InvoiceStatus::Draft);
}

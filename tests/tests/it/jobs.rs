//! Jobs through the SDK: the operations table's entries and a checked walk along the board
//! (pending -> in-progress -> completed), against the real server.

use vinsnap::prelude::*;
use vinsnap::types::{
    ChangeJobStatus, CreateJob, CustomerId, Job, JobStatus, LineItemKind, ListJobsStatus,
    NewLineItem, UpdateJob, VehicleId,
};
use vinsnap::{Client, Error};
use vinsnap_tests::{checked, opt_checked, text};

use crate::operations::Operation;

/// One hour of labour at 120.00: the line every test job starts with.
pub(crate) fn labour() -> NewLineItem {
    NewLineItem::builder()
        .kind(LineItemKind::Labor)
        .description("Replace front brake pads")
        .hours(Some("1.5".parse().expect("hours")))
        .rate(Some(12_000))
        .try_into()
        .expect("line item")
}

/// A pending job for the customer's vehicle.
pub(crate) async fn create(client: &Client, customer: &CustomerId, vehicle: &VehicleId) -> Job {
    client
        .create_job()
        .body(
            CreateJob::builder()
                .customer_id(customer.clone())
                .vehicle_id(vehicle.clone())
                .title("Front brake pads")
                .line_items(vec![labour()]),
        )
        .send()
        .await
        .expect("create_job")
        .into_inner()
}

pub(crate) fn operations() -> Vec<(&'static str, Operation)> {
    vec![
        ("list_jobs", |c, a| {
            Box::pin(async move {
                c.list_jobs().limit(a.limit).send().await?;
                Ok(())
            })
        }),
        ("create_job", |c, a| {
            Box::pin(async move {
                c.create_job()
                    .body(
                        CreateJob::builder()
                            .customer_id(a.customer.as_str())
                            .vehicle_id(a.vehicle.as_str())
                            .title(a.job_title.clone())
                            .description(opt_checked(&a.notes)?)
                            .line_items(vec![labour()]),
                    )
                    .send()
                    .await?;
                Ok(())
            })
        }),
        ("get_job", |c, a| {
            Box::pin(async move {
                c.get_job().id(a.job.as_str()).send().await?;
                Ok(())
            })
        }),
        ("update_job", |c, a| {
            Box::pin(async move {
                c.update_job()
                    .id(a.job.as_str())
                    .body(
                        UpdateJob::builder()
                            .title(Some(checked(&a.job_title)?))
                            .description(opt_checked(&a.notes)?),
                    )
                    .send()
                    .await?;
                Ok(())
            })
        }),
        ("change_job_status", |c, a| {
            Box::pin(async move {
                c.change_job_status()
                    .id(a.job.as_str())
                    .body(ChangeJobStatus::builder().status(a.job_status))
                    .send()
                    .await?;
                Ok(())
            })
        }),
    ]
}

/// After the invoices' operations, which invoice the job first.
pub(crate) fn deletes() -> Vec<(&'static str, Operation)> {
    vec![("delete_job", |c, a| {
        Box::pin(async move {
            c.delete_job().id(a.job.as_str()).send().await?;
            Ok(())
        })
    })]
}

/// A job's life on the board, checking what each call returns.
pub(crate) async fn happy_path(client: &Client) {
    let customer = crate::operations::customer(client, "Dana Ortiz").await;
    let vehicle = crate::operations::vehicle(client, &customer).await;

    let job = create(client, &customer, &vehicle).await;
    assert!(job.id.starts_with("job_"));
    assert_eq!(job.status, JobStatus::Pending);
    assert_eq!(
        (job.customer_id.clone(), job.vehicle_id.clone()),
        (customer.clone(), vehicle)
    );
    assert_eq!(job.line_items.len(), 1);
    assert_eq!(job.line_items[0].amount, 18_000, "1.5 h at 120.00");
    assert_eq!(job.subtotal, 18_000);
    assert!(!job.livemode);

    let got = client
        .get_job()
        .id(job.id.clone())
        .send()
        .await
        .expect("get_job");
    assert_same!(got.into_inner(), job);

    let renamed = client
        .update_job()
        .id(job.id.clone())
        .body(UpdateJob::builder().title(Some(text("Brakes and rotors"))))
        .send()
        .await
        .expect("update_job");
    assert_eq!(renamed.title, "Brakes and rotors");
    assert_same!(renamed.line_items, job.line_items, "fields left out stay");

    let started = client
        .change_job_status()
        .id(job.id.clone())
        .body(ChangeJobStatus::builder().status(JobStatus::InProgress))
        .send()
        .await
        .expect("change_job_status");
    assert_eq!(started.status, JobStatus::InProgress);
    assert!(started.started_at.is_some());
    let done = client
        .change_job_status()
        .id(job.id.clone())
        .body(ChangeJobStatus::builder().status(JobStatus::Completed))
        .send()
        .await
        .expect("complete");
    assert!(done.completed_at.is_some());

    // A final status is final: the server's rule arrives as a typed 409.
    let reopened = Error::from(
        client
            .change_job_status()
            .id(job.id.clone())
            .body(ChangeJobStatus::builder().status(JobStatus::Pending))
            .send()
            .await
            .unwrap_err(),
    );
    assert_eq!(
        (reopened.status(), reopened.code()),
        (Some(409), Some("invalid_status_transition"))
    );
    assert!(reopened.message().contains("completed"), "{reopened}");
    assert!(
        reopened
            .request_id()
            .is_some_and(|id| id.starts_with("req_"))
    );

    let completed = client
        .list_jobs()
        .status(ListJobsStatus::Completed)
        .customer_id(customer.clone())
        .send()
        .await
        .expect("list_jobs");
    assert_eq!(
        completed.data.iter().map(|j| &j.id).collect::<Vec<_>>(),
        vec![&job.id]
    );

    client
        .delete_job()
        .id(job.id.clone())
        .send()
        .await
        .expect("delete_job");
    let gone = Error::from(
        client
            .get_job()
            .id(job.id.clone())
            .send()
            .await
            .unwrap_err(),
    );
    assert_eq!(
        (gone.status(), gone.code()),
        (Some(404), Some("job_not_found"))
    );
}

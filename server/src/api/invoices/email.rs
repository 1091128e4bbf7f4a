//! The invoice email: a short text body with the PDF attached, sent through SMTP when the server
//! has an SMTP URL and otherwise written as an `.eml` file to the outbox folder (development and
//! tests see exactly what would have been sent).

use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use rand::Rng;
use std::time::Duration;

use super::text::one_line;
use crate::config::Config;

/// The longest display name or subject the email carries, in characters.
const MAX_HEADER_CHARS: usize = 200;

pub struct Outgoing {
    pub from_name: String,
    pub to_name: String,
    pub to: String,
    pub subject: String,
    pub body: String,
    pub filename: String,
    pub pdf: Vec<u8>,
}

/// Checks the mail settings once at start, so a typo fails the server's start rather than the
/// first invoice sent.
pub fn check_config(config: &Config) -> Result<(), String> {
    config.mail_from.parse::<lettre::Address>().map_err(|e| {
        format!(
            "the sender address {:?} is not valid: {e}",
            config.mail_from
        )
    })?;
    if let Some(url) = &config.smtp_url {
        AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| format!("the SMTP URL is not usable: {e}"))?;
    }
    Ok(())
}

/// The address mail for `raw` goes to, if `raw` is one: a stored address written before the API
/// checked addresses (or by hand) may not be.
pub fn recipient(raw: &str) -> Result<lettre::Address, String> {
    raw.parse()
        .map_err(|e| format!("{raw:?} is not an email address ({e})"))
}

/// Sends the email and returns its `Message-ID` (with the angle brackets, as in the header).
/// Names and the subject are made single lines here, so stored data cannot break the message.
pub async fn send(config: &Config, mail: Outgoing) -> Result<String, String> {
    let from: lettre::Address = config.mail_from.parse().map_err(|e| {
        format!(
            "the configured sender {:?} is not an address: {e}",
            config.mail_from
        )
    })?;
    let to = recipient(&mail.to)?;
    let message_id = format!(
        "<{}.{}@{}>",
        mail.filename.trim_end_matches(".pdf"),
        rand::rng().random::<u64>(),
        from.domain()
    );
    let message = Message::builder()
        .from(mailbox(&mail.from_name, from))
        .to(mailbox(&mail.to_name, to))
        .subject(one_line(&mail.subject, MAX_HEADER_CHARS))
        .message_id(Some(message_id.clone()))
        .multipart(
            MultiPart::mixed()
                .singlepart(SinglePart::plain(mail.body))
                .singlepart(Attachment::new(mail.filename).body(
                    mail.pdf,
                    ContentType::parse("application/pdf").expect("valid"),
                )),
        )
        .map_err(|e| format!("could not build the email: {e}"))?;
    match &config.smtp_url {
        Some(url) => {
            let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                .map_err(|e| format!("the SMTP URL is not usable: {e}"))?
                .timeout(Some(Duration::from_secs(20)))
                .build();
            transport.send(message).await.map_err(|e| e.to_string())?;
        }
        None => {
            tokio::fs::create_dir_all(&config.outbox)
                .await
                .map_err(|e| {
                    format!(
                        "could not create the outbox {}: {e}",
                        config.outbox.display()
                    )
                })?;
            AsyncFileTransport::<Tokio1Executor>::new(&config.outbox)
                .send(message)
                .await
                .map_err(|e| e.to_string())?;
        }
    }
    Ok(message_id)
}

/// `address` with `name` as its display name, unless nothing of the name is left.
fn mailbox(name: &str, address: lettre::Address) -> Mailbox {
    let name = one_line(name, MAX_HEADER_CHARS);
    Mailbox::new((!name.is_empty()).then_some(name), address)
}

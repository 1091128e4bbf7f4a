//! A tiny in-process SMTP server for tests: speaks enough of RFC 5321 (EHLO/HELO, MAIL, RCPT,
//! DATA, RSET, NOOP, QUIT) for lettre, and hands every received message to the test.

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;
use tokio::sync::mpsc;

pub struct Received {
    pub mail_from: String,
    pub rcpt_to: Vec<String>,
    /// The message as sent, dot-unstuffed, lines joined with CRLF.
    pub data: String,
}

pub struct SmtpSink {
    pub url: String,
    messages: mpsc::UnboundedReceiver<Received>,
}

impl SmtpSink {
    pub async fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("smtp://{}", listener.local_addr().unwrap());
        let (tx, messages) = mpsc::unbounded_channel();
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                tokio::spawn(session(stream, tx.clone()));
            }
        });
        Self { url, messages }
    }

    /// The next message received, failing the test after ten seconds without one.
    pub async fn next(&mut self) -> Received {
        tokio::time::timeout(std::time::Duration::from_secs(10), self.messages.recv())
            .await
            .expect("the SMTP sink received a message in time")
            .expect("the sink is running")
    }
}

async fn session(stream: tokio::net::TcpStream, out: mpsc::UnboundedSender<Received>) {
    let (read, mut write) = stream.into_split();
    let mut lines = BufReader::new(read).lines();
    let mut reply = async |text: &str| write.write_all(format!("{text}\r\n").as_bytes()).await;
    if reply("220 sink.test ESMTP ready").await.is_err() {
        return;
    }
    let (mut from, mut to) = (String::new(), Vec::new());
    while let Ok(Some(line)) = lines.next_line().await {
        let upper = line.to_ascii_uppercase();
        let answer = if upper.starts_with("EHLO") || upper.starts_with("HELO") {
            "250-sink.test greets you\r\n250 8BITMIME".to_owned()
        } else if upper.starts_with("MAIL FROM:") {
            from = line[10..].trim().to_owned();
            "250 OK".to_owned()
        } else if upper.starts_with("RCPT TO:") {
            to.push(line[8..].trim().to_owned());
            "250 OK".to_owned()
        } else if upper == "DATA" {
            if reply("354 End data with <CR><LF>.<CR><LF>").await.is_err() {
                return;
            }
            let mut data = Vec::new();
            while let Ok(Some(line)) = lines.next_line().await {
                if line == "." {
                    break;
                }
                data.push(line.strip_prefix('.').map(str::to_owned).unwrap_or(line));
            }
            let message = Received {
                mail_from: std::mem::take(&mut from),
                rcpt_to: std::mem::take(&mut to),
                data: data.join("\r\n"),
            };
            let _ = out.send(message);
            "250 OK: queued".to_owned()
        } else if upper == "RSET" || upper == "NOOP" {
            "250 OK".to_owned()
        } else if upper == "QUIT" {
            let _ = reply("221 Bye").await;
            return;
        } else {
            "502 Command not implemented".to_owned()
        };
        if reply(&answer).await.is_err() {
            return;
        }
    }
}

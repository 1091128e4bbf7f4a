//! Just enough MIME reading for tests to find an email's headers and its PDF attachment.

use base64::Engine;

/// The value of a top-level header (first occurrence), unfolded.
pub fn header(message: &str, name: &str) -> Option<String> {
    let head = message.split("\r\n\r\n").next().unwrap_or(message);
    let unfolded = head.replace("\r\n ", " ").replace("\r\n\t", " ");
    unfolded.lines().find_map(|line| {
        let (key, value) = line.split_once(':')?;
        key.eq_ignore_ascii_case(name).then(|| value.trim().to_owned())
    })
}

/// The decoded body of the part whose `Content-Type` is `application/pdf`, and its filename.
pub fn pdf_attachment(message: &str) -> (Vec<u8>, String) {
    let message = message.replace("\r\n", "\n");
    let start = message
        .find("Content-Type: application/pdf")
        .expect("the email has an application/pdf part");
    let part = &message[start..];
    let (head, body) = part.split_once("\n\n").expect("the part has a body");
    assert!(
        head.contains("Content-Transfer-Encoding: base64"),
        "attachment is base64: {head}"
    );
    let filename = head
        .split("filename=")
        .nth(1)
        .expect("the attachment has a filename")
        .trim_matches(|c: char| c == '"' || c.is_whitespace())
        .split('"')
        .next()
        .unwrap()
        .to_owned();
    let encoded: String = body
        .lines()
        .take_while(|l| !l.starts_with("--"))
        .collect::<Vec<_>>()
        .concat();
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(encoded.trim())
        .expect("the attachment is valid base64");
    (bytes, filename)
}

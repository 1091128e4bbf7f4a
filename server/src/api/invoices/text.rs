//! Stored text as the email and the PDF print it. Rows written before the API refused control
//! characters, or by hand, may hold line breaks, NULs and text of any length; what is printed
//! from them is made safe here rather than trusted.

/// `text` as one line: every control character (line breaks and NULs included) and every run of
/// whitespace becomes one space, and text longer than `max` characters is cut to `max` with a
/// closing `…`. A header built from it cannot be split or injected, and a PDF line stays a line.
pub fn one_line(text: &str, max: usize) -> String {
    let words = text
        .split(|c: char| c.is_control() || c.is_whitespace() || c == '\u{feff}')
        .filter(|w| !w.is_empty());
    let mut line = String::new();
    let mut count = 0;
    for word in words {
        for c in (count > 0).then_some(' ').into_iter().chain(word.chars()) {
            if count == max {
                line.pop();
                line.push('…');
                return line;
            }
            line.push(c);
            count += 1;
        }
    }
    line
}

/// `text` with its line breaks kept (`\r\n` and `\r` read as `\n`) and every other control
/// character made a space: for text printed over several lines, such as notes.
pub fn lines(text: &str) -> String {
    text.replace("\r\n", "\n")
        .chars()
        .map(|c| match c {
            '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}' => '\n',
            c if c.is_control() || c == '\u{feff}' => ' ',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_drops_every_control_character_and_bounds_the_length() {
        assert_eq!(one_line("Sarah\r\nBcc: x@y.z", 100), "Sarah Bcc: x@y.z");
        assert_eq!(
            one_line("Sa\0rah\u{7}\u{85}\u{2028}Chen\u{feff}", 100),
            "Sa rah Chen"
        );
        assert_eq!(one_line("  \t\n ", 100), "");
        assert_eq!(one_line("陈莎拉 Σάρα", 100), "陈莎拉 Σάρα");
        assert_eq!(one_line(&"Long ".repeat(1000), 12), "Long Long L…");
        assert_eq!(one_line("abc", 3), "abc");
        assert_eq!(one_line("abcd", 3), "ab…");
    }

    #[test]
    fn lines_keeps_line_breaks_only() {
        assert_eq!(lines("a\r\nb\rc\0d\u{2028}e"), "a\nb\nc d\ne");
    }
}

//! TypeScript blocks and JSDoc comments.

use crate::writer::Writer;

impl Writer {
    /// `open`, the lines of `body` one level deeper, then `close`.
    pub fn block(&mut self, open: &str, close: &str, body: impl FnOnce(&mut Writer)) -> &mut Self {
        self.line(open);
        self.indented(body);
        self.line(close)
    }

    /// A JSDoc comment of one or more paragraphs, long lines wrapped; nothing when there is
    /// no text.
    pub fn doc(&mut self, text: &str) -> &mut Self {
        // `*/` would end the comment early.
        let text = text.trim().replace("*/", "*\\/");
        if text.is_empty() {
            return self;
        }
        let width = WIDTH.saturating_sub(self.indent_width() + 3).max(40);
        let lines: Vec<String> = text.lines().flat_map(|l| wrap(l, width)).collect();
        if lines.len() == 1 && lines[0].len() + 7 <= width {
            return self.line(format!("/** {} */", lines[0]));
        }
        self.line("/**");
        for line in lines {
            let line = line.trim_end();
            if line.is_empty() {
                self.line(" *");
            } else {
                self.line(format!(" * {line}"));
            }
        }
        self.line(" */")
    }
}

/// How wide documentation lines may get, indentation included.
const WIDTH: usize = 100;

/// `line` broken at spaces into lines of at most `width` characters (a longer word stays whole).
fn wrap(line: &str, width: usize) -> Vec<String> {
    let line = line.trim_end();
    if line.chars().count() <= width {
        return vec![line.to_owned()];
    }
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in line.split(' ') {
        if !current.is_empty() && current.chars().count() + 1 + word.chars().count() > width {
            out.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(word);
    }
    out.push(current);
    out
}

//! Building Python source text: indented lines and docstrings.

/// Python source under construction.
#[derive(Debug, Default)]
pub struct Writer {
    text: String,
    indent: usize,
}

impl Writer {
    pub fn new() -> Writer {
        Writer::default()
    }

    /// One line at the current indentation (an empty line stays empty).
    pub fn line(&mut self, line: impl AsRef<str>) -> &mut Self {
        let line = line.as_ref();
        if !line.is_empty() {
            self.text.push_str(&"    ".repeat(self.indent));
            self.text.push_str(line);
        }
        self.text.push('\n');
        self
    }

    pub fn blank(&mut self) -> &mut Self {
        self.text.push('\n');
        self
    }

    /// Lines written by `body`, one level deeper.
    pub fn indented(&mut self, body: impl FnOnce(&mut Writer)) -> &mut Self {
        self.indent += 1;
        body(self);
        self.indent -= 1;
        self
    }

    /// A docstring of one or more paragraphs; nothing when there is no text.
    pub fn docstring(&mut self, text: &str) -> &mut Self {
        let text = text
            .trim()
            .replace('\\', "\\\\")
            .replace("\"\"\"", "\\\"\\\"\\\"");
        if text.is_empty() {
            return self;
        }
        let mut lines = text.lines();
        let first = lines.next().unwrap_or_default();
        let rest: Vec<&str> = lines.collect();
        if rest.is_empty() {
            return self.line(format!("\"\"\"{first}\"\"\""));
        }
        self.line(format!("\"\"\"{first}"));
        for line in rest {
            self.line(line.trim_end());
        }
        self.line("\"\"\"")
    }

    pub fn finish(self) -> String {
        let mut text = self.text;
        while text.ends_with("\n\n") {
            text.pop();
        }
        text
    }
}

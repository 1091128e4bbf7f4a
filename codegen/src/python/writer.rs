//! Python comments: docstrings.

use crate::writer::Writer;

impl Writer {
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
}

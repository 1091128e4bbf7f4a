//! Building source text: indented lines, for every target language. Each target adds its
//! comment syntax (`python/writer.rs`, `node/writer.rs`).

/// Source under construction.
#[derive(Debug)]
pub struct Writer {
    text: String,
    indent: usize,
    /// One level of indentation.
    unit: &'static str,
}

impl Writer {
    /// Python source: four spaces a level.
    pub fn python() -> Writer {
        Writer::indenting_by("    ")
    }

    /// TypeScript source: two spaces a level.
    pub fn typescript() -> Writer {
        Writer::indenting_by("  ")
    }

    fn indenting_by(unit: &'static str) -> Writer {
        Writer {
            text: String::new(),
            indent: 0,
            unit,
        }
    }

    /// How many columns the current indentation takes.
    pub fn indent_width(&self) -> usize {
        self.unit.len() * self.indent
    }

    /// One line at the current indentation (an empty line stays empty).
    pub fn line(&mut self, line: impl AsRef<str>) -> &mut Self {
        let line = line.as_ref();
        if !line.is_empty() {
            self.text.push_str(&self.unit.repeat(self.indent));
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

    pub fn finish(self) -> String {
        let mut text = self.text;
        while text.ends_with("\n\n") {
            text.pop();
        }
        text
    }
}

//! Laying out literals in generated code samples: inline when they fit on a line, else one
//! item a line, so a sample reads as a person would write it.

/// How one language brackets and indents.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    /// One level of indentation.
    pub indent: &'static str,
    /// Whether an inline object has spaces inside its braces (`{ a: 1 }` in TypeScript).
    pub pad: bool,
}

/// Past this many columns a list is broken into lines: about what the reference's sample panel
/// shows without scrolling.
const WIDTH: usize = 64;

/// `items` between `open` and `close`, already rendered at `depth + 1`: on one line when none
/// is multi-line and the whole fits in [`WIDTH`] columns at `depth`, else one item a line with
/// a trailing comma (which Python and TypeScript both accept).
pub fn bracketed(style: Style, open: &str, close: &str, items: &[String], depth: usize) -> String {
    bracketed_after(style, 0, open, close, items, depth)
}

/// [`bracketed`] after `column` characters of its line (a call's callee).
pub fn bracketed_after(
    style: Style,
    column: usize,
    open: &str,
    close: &str,
    items: &[String],
    depth: usize,
) -> String {
    if items.is_empty() {
        return format!("{open}{close}");
    }
    let pad = if style.pad && open == "{" { " " } else { "" };
    let inline = format!("{open}{pad}{}{pad}{close}", items.join(", "));
    let used = style.indent.len() * depth + column;
    if !inline.contains('\n') && used + inline.len() <= WIDTH {
        return inline;
    }
    let inner = style.indent.repeat(depth + 1);
    let lines: Vec<String> = items.iter().map(|i| format!("{inner}{i},")).collect();
    format!(
        "{open}\n{}\n{}{close}",
        lines.join("\n"),
        style.indent.repeat(depth)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const TS: Style = Style {
        indent: "  ",
        pad: true,
    };

    #[test]
    fn short_lists_stay_inline() {
        let items = vec!["a: 1".to_string(), "b: 2".to_string()];
        assert_eq!(bracketed(TS, "{", "}", &items, 0), "{ a: 1, b: 2 }");
        assert_eq!(bracketed(TS, "(", ")", &items, 0), "(a: 1, b: 2)");
        assert_eq!(bracketed(TS, "[", "]", &[], 0), "[]");
    }

    #[test]
    fn long_lists_break_one_item_a_line() {
        let items = vec!["x".repeat(40), "y".repeat(30)];
        assert_eq!(
            bracketed(TS, "[", "]", &items, 1),
            format!("[\n    {},\n    {},\n  ]", "x".repeat(40), "y".repeat(30))
        );
    }
}

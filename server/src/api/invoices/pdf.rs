//! The branded invoice PDF: the shop's letterhead, the customer and vehicle, a line-items table
//! (continued on further pages when long) and the totals. Text is set in the PDF base-14
//! Helvetica with WinAnsi encoding, so nothing is embedded and any reader can extract the text.
//! Stored text is printed through `text::one_line` (each field one line, cut to its column) and
//! `text::lines` (notes), so no stored value can break the layout.

use chrono::{DateTime, Utc};
use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, Str, TextStr};

use super::model::Invoice;
use super::store::Letterhead;
use super::text::{lines, one_line};
use crate::api::customers::model::Customer;
use crate::api::line_items::{LineItem, LineItemKind};
use crate::api::vehicles::model::Vehicle;
use crate::core::money::{format_amount, format_hundredths};

const WIDTH: f32 = 612.0; // US Letter
const HEIGHT: f32 = 792.0;
const MARGIN: f32 = 50.0;
const ROW: f32 = 18.0;
const BRAND: (f32, f32, f32) = (0.09, 0.23, 0.45);
const REGULAR: Name = Name(b"F1");
const BOLD: Name = Name(b"F2");

pub struct Document<'a> {
    pub letterhead: &'a Letterhead,
    pub invoice: &'a Invoice,
    pub customer: &'a Customer,
    pub vehicle: Option<&'a Vehicle>,
    pub issued: DateTime<Utc>,
}

pub fn render(doc: &Document) -> Vec<u8> {
    let pages = layout(doc);
    let mut pdf = Pdf::new();
    let catalog = Ref::new(1);
    let tree = Ref::new(2);
    let regular = Ref::new(3);
    let bold = Ref::new(4);
    let info = Ref::new(5);
    let first_page = 6;
    let page_ids: Vec<Ref> = (0..pages.len())
        .map(|i| Ref::new(first_page + 2 * i as i32))
        .collect();
    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree)
        .kids(page_ids.iter().copied())
        .count(pages.len() as i32);
    for (font, name) in [(regular, "Helvetica"), (bold, "Helvetica-Bold")] {
        pdf.type1_font(font)
            .base_font(Name(name.as_bytes()))
            .encoding_predefined(Name(b"WinAnsiEncoding"));
    }
    pdf.document_info(info)
        .title(TextStr(&format!("Invoice {}", doc.invoice.id)))
        .author(TextStr(&one_line(&doc.letterhead.shop_name, 200)))
        .producer(TextStr("VinSnap"));
    let count = pages.len();
    for (i, mut content) in pages.into_iter().enumerate() {
        let footer = format!("Page {} of {count}", i + 1);
        right(
            &mut content,
            REGULAR,
            9.0,
            WIDTH - MARGIN,
            MARGIN - 20.0,
            &footer,
        );
        let content_id = Ref::new(first_page + 2 * i as i32 + 1);
        let mut page = pdf.page(page_ids[i]);
        page.media_box(Rect::new(0.0, 0.0, WIDTH, HEIGHT))
            .parent(tree)
            .contents(content_id);
        let mut resources = page.resources();
        resources.fonts().pair(REGULAR, regular).pair(BOLD, bold);
        resources.finish();
        page.finish();
        pdf.stream(content_id, &content.finish());
    }
    pdf.finish()
}

/// One content stream per page.
fn layout(doc: &Document) -> Vec<Content> {
    let inv = doc.invoice;
    let money = |minor: i64| format_amount(minor, &inv.currency);
    let mut pages = vec![];
    let mut page = Content::new();
    letterhead(&mut page, doc);

    let mut y = HEIGHT - 140.0;
    text(&mut page, BOLD, 10.0, MARGIN, y, "BILL TO");
    text(&mut page, BOLD, 10.0, 330.0, y, "VEHICLE");
    let customer = [
        Some(doc.customer.name.as_str()),
        doc.customer.email.as_deref(),
        doc.customer.phone.as_deref(),
    ]
    .map(|field| field.map(|text| one_line(text, COLUMN_CHARS)));
    let vehicle = match doc.vehicle {
        Some(v) => vehicle_lines(v),
        None => vec![Some("-".to_owned())],
    };
    for (i, line) in customer.iter().flatten().enumerate() {
        text(
            &mut page,
            REGULAR,
            10.0,
            MARGIN,
            y - 14.0 * (i + 1) as f32,
            line,
        );
    }
    for (i, line) in vehicle.iter().flatten().enumerate() {
        text(
            &mut page,
            REGULAR,
            10.0,
            330.0,
            y - 14.0 * (i + 1) as f32,
            line,
        );
    }
    y -= 80.0;

    table_header(&mut page, y);
    y -= ROW;
    for item in &inv.line_items.0 {
        if y < MARGIN + 40.0 {
            pages.push(std::mem::replace(&mut page, Content::new()));
            y = HEIGHT - MARGIN;
            text(
                &mut page,
                BOLD,
                10.0,
                MARGIN,
                y,
                &format!("Invoice {} (continued)", inv.id),
            );
            y -= 2.0 * ROW;
            table_header(&mut page, y);
            y -= ROW;
        }
        line_item(&mut page, y, item, &money);
        y -= ROW;
    }
    if y < MARGIN + 140.0 {
        pages.push(std::mem::replace(&mut page, Content::new()));
        y = HEIGHT - MARGIN;
    }

    rule(&mut page, 330.0, y + ROW - 5.0, WIDTH - MARGIN);
    y -= 4.0;
    let tax_label = format!("Tax ({})", percent(inv.tax_rate_bps));
    for (label, amount, font) in [
        ("Subtotal", inv.subtotal, REGULAR),
        (tax_label.as_str(), inv.tax, REGULAR),
        ("Total", inv.total, BOLD),
    ] {
        text(&mut page, font, 11.0, 340.0, y, label);
        right(
            &mut page,
            font,
            11.0,
            WIDTH - MARGIN,
            y,
            &format!("{} {}", inv.currency, money(amount)),
        );
        y -= ROW;
    }
    if let Some(paid_at) = inv.paid_at {
        let label = format!("Paid {}", paid_at.format("%B %-d, %Y"));
        text(&mut page, BOLD, 11.0, 340.0, y, &label);
        y -= ROW;
    }
    if let Some(notes) = &inv.notes {
        y -= ROW;
        text(&mut page, BOLD, 10.0, MARGIN, y, "NOTES");
        for (i, line) in wrap(&lines(notes), 95).iter().take(6).enumerate() {
            text(
                &mut page,
                REGULAR,
                10.0,
                MARGIN,
                y - 14.0 * (i + 1) as f32,
                line,
            );
        }
    }
    text(
        &mut page,
        REGULAR,
        9.0,
        MARGIN,
        MARGIN - 20.0,
        &format!(
            "Thank you for choosing {}.",
            one_line(&doc.letterhead.shop_name, 60)
        ),
    );
    pages.push(page);
    pages
}

fn letterhead(page: &mut Content, doc: &Document) {
    let (r, g, b) = BRAND;
    page.set_fill_rgb(r, g, b);
    page.rect(0.0, HEIGHT - 100.0, WIDTH, 100.0);
    page.fill_nonzero();
    page.set_fill_rgb(1.0, 1.0, 1.0);
    let head = doc.letterhead;
    let name = one_line(&head.shop_name, 30);
    text(page, BOLD, 22.0, MARGIN, HEIGHT - 48.0, &name);
    let address = one_line(&head.address, 60);
    text(page, REGULAR, 10.0, MARGIN, HEIGHT - 66.0, &address);
    let location = one_line(&head.location_name, 60);
    text(page, REGULAR, 10.0, MARGIN, HEIGHT - 80.0, &location);
    right(page, BOLD, 22.0, WIDTH - MARGIN, HEIGHT - 48.0, "INVOICE");
    right(
        page,
        REGULAR,
        10.0,
        WIDTH - MARGIN,
        HEIGHT - 66.0,
        doc.invoice.id.as_str(),
    );
    let date = format!("Issued {}", doc.issued.format("%B %-d, %Y"));
    right(page, REGULAR, 10.0, WIDTH - MARGIN, HEIGHT - 80.0, &date);
    page.set_fill_rgb(0.0, 0.0, 0.0);
}

/// The characters a customer or vehicle line keeps (10 pt, half the page's width).
const COLUMN_CHARS: usize = 44;

fn vehicle_lines(v: &Vehicle) -> Vec<Option<String>> {
    let name = [
        v.year.map(|y| y.to_string()),
        v.make.clone(),
        v.model.clone(),
        v.trim.clone(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let name = one_line(&name, COLUMN_CHARS);
    [
        Some(if name.is_empty() {
            "Vehicle".to_owned()
        } else {
            name
        }),
        v.vin.as_ref().map(|vin| format!("VIN {vin}")),
        v.license_plate.as_ref().map(|p| format!("Plate {p}")),
        v.mileage.map(|m| format!("Odometer {m}")),
    ]
    .map(|line| line.map(|line| one_line(&line, COLUMN_CHARS)))
    .into()
}

const COLUMNS: [f32; 3] = [360.0, 440.0, WIDTH - MARGIN];

fn table_header(page: &mut Content, y: f32) {
    page.set_fill_gray(0.92);
    page.rect(MARGIN - 4.0, y - 5.0, WIDTH - 2.0 * MARGIN + 8.0, ROW);
    page.fill_nonzero();
    page.set_fill_gray(0.0);
    text(page, BOLD, 10.0, MARGIN, y, "Description");
    right(page, BOLD, 10.0, COLUMNS[0], y, "Qty / Hours");
    right(page, BOLD, 10.0, COLUMNS[1], y, "Unit / Rate");
    right(page, BOLD, 10.0, COLUMNS[2], y, "Amount");
}

fn line_item(page: &mut Content, y: f32, item: &LineItem, money: &dyn Fn(i64) -> String) {
    let (quantity, unit) = match item.kind {
        LineItemKind::Labor => (
            format!("{} h", item.hours.clone().unwrap_or_default()),
            money(item.rate.unwrap_or_default()),
        ),
        LineItemKind::Part => (
            item.quantity.unwrap_or_default().to_string(),
            money(item.unit_price.unwrap_or_default()),
        ),
    };
    text(
        page,
        REGULAR,
        10.0,
        MARGIN,
        y,
        &one_line(&item.description, 52),
    );
    right(page, REGULAR, 10.0, COLUMNS[0], y, &quantity);
    right(page, REGULAR, 10.0, COLUMNS[1], y, &unit);
    right(page, REGULAR, 10.0, COLUMNS[2], y, &money(item.amount));
}

fn rule(page: &mut Content, x0: f32, y: f32, x1: f32) {
    page.set_line_width(0.75);
    page.move_to(x0, y);
    page.line_to(x1, y);
    page.stroke();
}

fn percent(bps: i64) -> String {
    let trimmed = format_hundredths(bps);
    let trimmed = trimmed.trim_end_matches('0').trim_end_matches('.');
    format!("{trimmed}%")
}

fn text(page: &mut Content, font: Name, size: f32, x: f32, y: f32, s: &str) {
    page.begin_text();
    page.set_font(font, size);
    page.next_line(x, y);
    page.show(Str(&win_ansi(s)));
    page.end_text();
}

/// Text whose right edge is at `x`.
fn right(page: &mut Content, font: Name, size: f32, x: f32, y: f32, s: &str) {
    let width: f32 = s.chars().map(|c| advance(c, font == BOLD)).sum::<f32>() * size / 1000.0;
    text(page, font, size, x - width, y, s);
}

/// Helvetica advance widths (per 1000 em) for what right-aligned text holds: digits and
/// punctuation exactly, letters by an average that is close enough for short labels.
fn advance(c: char, bold: bool) -> f32 {
    match c {
        '0'..='9' | '$' => 556.0,
        '.' | ',' | ' ' => 278.0,
        '-' | '(' | ')' => 333.0,
        '/' => 278.0,
        '%' => 889.0,
        '_' => 556.0,
        'I' | 'i' | 'l' | 'j' => {
            if bold {
                278.0
            } else {
                222.0
            }
        }
        'A'..='Z' => {
            if bold {
                722.0
            } else {
                667.0
            }
        }
        _ => {
            if bold {
                611.0
            } else {
                556.0
            }
        }
    }
}

fn wrap(s: &str, width: usize) -> Vec<String> {
    let mut lines = vec![];
    for paragraph in s.lines() {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        lines.push(line);
    }
    lines
}

/// Encodes text for a WinAnsi (Windows-1252) base-14 font; characters it lacks become `?`.
fn win_ansi(s: &str) -> Vec<u8> {
    s.chars()
        .map(|c| match c {
            '\u{20}'..='\u{7e}' | '\u{a0}'..='\u{ff}' => c as u8,
            '€' => 0x80,
            '‚' => 0x82,
            '„' => 0x84,
            '…' => 0x85,
            '‘' => 0x91,
            '’' => 0x92,
            '“' => 0x93,
            '”' => 0x94,
            '•' => 0x95,
            '–' => 0x96,
            '—' => 0x97,
            '™' => 0x99,
            _ => b'?',
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_encoded_for_win_ansi() {
        assert_eq!(win_ansi("Café – 5€"), b"Caf\xe9 \x96 5\x80");
        assert_eq!(win_ansi("車"), b"?");
    }

    #[test]
    fn tax_rates_print_as_percentages() {
        assert_eq!(percent(825), "8.25%");
        assert_eq!(percent(1000), "10%");
        assert_eq!(percent(0), "0%");
        assert_eq!(percent(750), "7.5%");
    }
}

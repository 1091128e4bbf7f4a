//! Integer money arithmetic. Amounts are minor units (cents); rates are basis points; labor
//! hours are hundredths of an hour. Every product is rounded once, half up (ties away from
//! zero; amounts are never negative), so totals are exact and reproducible.

/// `value × numerator ÷ denominator`, rounded half up. `None` on overflow.
pub fn mul_div_half_up(value: i64, numerator: i64, denominator: i64) -> Option<i64> {
    let product = i128::from(value) * i128::from(numerator);
    let denominator = i128::from(denominator);
    let rounded = (product + denominator / 2) / denominator;
    i64::try_from(rounded).ok()
}

/// Tax on `subtotal` at `rate_bps` basis points, half up: 8.25 % of 1 000 cents is 82.5 → 83.
pub fn tax(subtotal: i64, rate_bps: i64) -> Option<i64> {
    mul_div_half_up(subtotal, rate_bps, 10_000)
}

/// Parses hours such as `"1.5"` or `"0.25"` into hundredths; more than two decimals is an error.
pub fn parse_hundredths(raw: &str) -> Option<i64> {
    let (whole, fraction) = match raw.split_once('.') {
        Some((_, "")) => return None,
        Some(parts) => parts,
        None => (raw, ""),
    };
    if whole.is_empty() || whole.len() > 6 || fraction.len() > 2 {
        return None;
    }
    if !whole
        .bytes()
        .chain(fraction.bytes())
        .all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let whole: i64 = whole.parse().ok()?;
    let fraction: i64 = format!("{fraction:0<2}").parse().ok()?;
    Some(whole * 100 + fraction)
}

/// Hundredths back to the canonical two-decimal string (`150` → `"1.50"`).
pub fn format_hundredths(value: i64) -> String {
    format!("{}.{:02}", value / 100, value % 100)
}

/// Minor units for display with the currency's code: `123456` USD → `"1,234.56"`. Currencies
/// without minor units (JPY, KRW…) show no decimals.
pub fn format_amount(minor: i64, currency: &str) -> String {
    let decimals = minor_unit_digits(currency);
    let scale = 10_i64.pow(decimals);
    let whole = (minor / scale).to_string();
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    match decimals {
        0 => grouped,
        d => format!("{grouped}.{:0width$}", minor % scale, width = d as usize),
    }
}

/// ISO 4217 minor-unit digits for the currencies that differ from the usual two.
pub fn minor_unit_digits(currency: &str) -> u32 {
    match currency {
        "JPY" | "KRW" | "CLP" | "ISK" | "VND" | "UGX" | "XAF" | "XOF" => 0,
        "BHD" | "KWD" | "OMR" | "JOD" | "TND" => 3,
        _ => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tax_rounds_half_up_once() {
        assert_eq!(tax(1000, 825), Some(83)); // 82.5
        assert_eq!(tax(1001, 825), Some(83)); // 82.5825
        assert_eq!(tax(999, 825), Some(82)); // 82.4175
        assert_eq!(tax(0, 825), Some(0));
        assert_eq!(tax(1, 5000), Some(1)); // 0.5
        assert_eq!(tax(1, 4999), Some(0)); // 0.4999
        assert_eq!(tax(i64::MAX, 10_000), Some(i64::MAX));
    }

    #[test]
    fn hours_parse_exactly() {
        assert_eq!(parse_hundredths("1.5"), Some(150));
        assert_eq!(parse_hundredths("0.25"), Some(25));
        assert_eq!(parse_hundredths("2"), Some(200));
        for bad in ["", ".5", "1.234", "-1", "1e2", "abc", "1.", "1234567"] {
            assert_eq!(parse_hundredths(bad), None, "{bad}");
        }
        assert_eq!(format_hundredths(150), "1.50");
    }

    #[test]
    fn amounts_format_with_grouping() {
        assert_eq!(format_amount(123456, "USD"), "1,234.56");
        assert_eq!(format_amount(5, "EUR"), "0.05");
        assert_eq!(format_amount(1234567, "JPY"), "1,234,567");
        assert_eq!(format_amount(100000000, "USD"), "1,000,000.00");
    }
}

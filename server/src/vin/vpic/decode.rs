//! vPIC's decoding rules (`spVinDecode` and `spVinDecode_Core` of NHTSA's vPIC database), over
//! the tables the store reads.
//!
//! 1. The WMI (3 characters, 6 when the third is `9`) names the schemas that apply, each for a
//!    range of model years.
//! 2. The model year comes from position 10. For passenger cars, MPVs and light trucks position 7
//!    settles the 30-year cycle (a digit means 1980-2009), and when the WMI has no schema for that
//!    year but has one for the other cycle, the other cycle is taken. For other vehicles both
//!    cycles are decoded (two passes) and the better decode wins: fewer and lighter errors, then
//!    more weight of decoded elements, then more matched patterns, then the later year.
//! 3. In a pass, every pattern of those schemas whose key matches the VIN proposes a value for its
//!    element. An engine model brings the values its engine-model patterns imply; formula
//!    patterns copy digits out of the VIN. Per element, the proposal kept is the one with the
//!    highest priority (the year its schema starts applying to the WMI; engine-model values rank
//!    below patterns), then the most recently changed, then the shortest key, then the key in
//!    alphabetical order, then the first found.
//! 4. The make comes from the model (`Make_Model`), or from the WMI when it has a single make.
//!    Displacement is converted between cubic centimetres, cubic inches and litres where only
//!    one is given.
//!
//! Parts of vPIC the published file does not carry are left out: vehicle-spec schemas, default
//! values per vehicle type, descriptor overrides and check-digit exceptions.

use std::collections::HashMap;

use super::keys::{self, KEY_LEN, vin_keys};
use super::store::{Schema, SchemaKey, Store, Wmi};

/// Elements decoded from the WMI rather than from patterns: make, manufacturer, model year and
/// vehicle type.
const FROM_WMI: [i64; 4] = [26, 27, 29, 39];

/// Elements that keep every proposal instead of one (free-text notes).
const MULTI_VALUED: [i64; 8] = [121, 129, 150, 154, 155, 114, 169, 186];

pub(crate) const MAKE: i64 = 26;
pub(crate) const MODEL: i64 = 28;
pub(crate) const MODEL_YEAR: i64 = 29;
pub(crate) const VEHICLE_TYPE: i64 = 39;
pub(crate) const MANUFACTURER: i64 = 27;
const ENGINE_MODEL: i64 = 18;

/// What proposed a value, as vPIC's `Source` column names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Source {
    Pattern,
    EngineModelPattern,
    FormulaPattern,
    Wmi,
    ModelYear,
    MakeFromModel,
    Conversion,
}

impl Source {
    fn is_pattern(self) -> bool {
        matches!(
            self,
            Source::Pattern | Source::EngineModelPattern | Source::FormulaPattern
        )
    }
}

/// One proposed value (vPIC's `tblDecodingItem`).
#[derive(Debug, Clone)]
pub(crate) struct Item<'a> {
    pub(crate) element: i64,
    /// The attribute id (for lookup elements) or the value itself.
    pub(crate) attribute: String,
    pub(crate) source: Source,
    priority: i64,
    changed: i64,
    pattern: Option<i64>,
    key: Option<&'a SchemaKey>,
}

/// The outcome of one pass: its items and how it scores against the other pass.
#[derive(Debug)]
pub(crate) struct Pass<'a> {
    pub(crate) year: Option<i32>,
    pub(crate) items: Vec<Item<'a>>,
    score: (i64, i64, usize, i32),
}

impl Pass<'_> {
    pub(crate) fn first(&self, element: i64) -> Option<&Item<'_>> {
        self.items.iter().find(|i| i.element == element)
    }
}

/// How the model year was settled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum YearRule {
    /// Position 7 (cars, MPVs, light trucks): a digit means 1980-2009.
    Position7,
    /// The code's later reading is too far in the future, so only the earlier one is possible.
    OnlyCycle,
    /// The schemas decided: the other cycle has schemas and the first has none, or both cycles
    /// were decoded and the better decode won.
    Schemas,
}

/// The model years to decode with (one, or two for the two cycles) and how they were found
/// (vPIC's `fVinModelYear2` and the pass set-up of `spVinDecode`).
pub(crate) fn candidate_years(
    vin: &[u8; 17],
    wmi: &Wmi,
    limit: i32,
) -> (Vec<Option<i32>>, YearRule) {
    let Some(mut year) = cycle_2010_year(vin[9]) else {
        return (vec![None], YearRule::Position7);
    };
    let mut rule = None;
    if wmi.is_car_mpv_or_light_truck() {
        if vin[6].is_ascii_digit() {
            year -= 30;
        }
        rule = Some(YearRule::Position7);
    }
    if year > limit {
        year -= 30;
        rule = Some(YearRule::OnlyCycle);
    }
    let Some(rule) = rule else {
        return (vec![Some(year), Some(year - 30)], YearRule::Schemas);
    };
    let other = if (1980..=limit - 30).contains(&year) {
        Some(year + 30)
    } else if (2010..=limit).contains(&year) {
        Some(year - 30)
    } else {
        None
    };
    match other {
        Some(other) if wmi.schema_count(year) == 0 && wmi.schema_count(other) > 0 => {
            (vec![Some(other)], YearRule::Schemas)
        }
        _ => (vec![Some(year)], rule),
    }
}

/// Position 10 read in the 2010-2039 cycle (vPIC's `fVinModelYear2` before its adjustments).
fn cycle_2010_year(code: u8) -> Option<i32> {
    const CODES: &[u8; 30] = b"ABCDEFGHJKLMNPRSTVWXY123456789";
    CODES
        .iter()
        .position(|&c| c == code)
        .map(|i| 2010 + i as i32)
}

/// Runs one pass of `spVinDecode_Core` for `year`.
pub(crate) async fn pass<'a>(
    store: &Store,
    wmi: &Wmi,
    vin: &[u8; 17],
    year: Option<i32>,
    view: &'a [(std::sync::Arc<Schema>, i32)],
    valid: &keys::ValidChars,
) -> sqlx::Result<Pass<'a>> {
    let keys = vin_keys(vin);
    let mut items = matching_patterns(store, view, &keys);
    add_engine_model(store, &mut items);
    if let Some(vehicle_type) = wmi.vehicle_type {
        items.push(fixed(
            VEHICLE_TYPE,
            vehicle_type.to_string(),
            Source::Wmi,
            100,
            wmi.changed,
        ));
    }
    items.push(fixed(
        MANUFACTURER,
        wmi.manufacturer.clone().unwrap_or_default(),
        Source::Wmi,
        100,
        0,
    ));
    if let Some(year) = year {
        items.push(fixed(
            MODEL_YEAR,
            year.to_string(),
            Source::ModelYear,
            100,
            0,
        ));
    }
    add_formula_patterns(view, &keys, &mut items);
    let mut items = keep_best_per_element(items);
    add_make(store, wmi, &mut items).await?;
    add_conversions(store, &mut items);

    let mut error_codes = Vec::new();
    if !items.iter().any(|i| i.pattern.is_some()) {
        error_codes.push(8);
    } else {
        error_codes.extend(position_errors(vin, wmi_len(vin), valid));
        if !unused_positions(vin, &items).is_empty() {
            error_codes.push(14);
        }
    }
    if year.is_none() {
        error_codes.push(11);
    }
    let error_value = error_codes.iter().map(|&c| error_weight(c)).sum();
    let mut weighted = HashMap::new();
    for item in items.iter().filter(|i| !i.attribute.is_empty()) {
        if let Some(weight) = store.elements.get(&item.element).and_then(|e| e.weight) {
            weighted.insert(item.element, weight);
        }
    }
    let elements_weight = weighted.values().sum();
    let patterns = items.iter().filter(|i| i.source.is_pattern()).count();
    Ok(Pass {
        year,
        score: (error_value, elements_weight, patterns, year.unwrap_or(0)),
        items,
    })
}

/// The pass vPIC keeps: least error weight, then most element weight, then most patterns, then the
/// later model year.
pub(crate) fn best<'a>(passes: Vec<Pass<'a>>) -> Option<Pass<'a>> {
    // `max_by_key` keeps the last of equals; vPIC's `ORDER BY ... LIMIT 1` has no further order,
    // and equal scores mean equal years, so the choice cannot differ.
    passes.into_iter().max_by_key(|p| p.score)
}

fn wmi_len(vin: &[u8; 17]) -> usize {
    if vin[2] == b'9' { 6 } else { 3 }
}

fn fixed<'a>(
    element: i64,
    attribute: String,
    source: Source,
    priority: i64,
    changed: i64,
) -> Item<'a> {
    Item {
        element,
        attribute,
        source,
        priority,
        changed,
        pattern: None,
        key: None,
    }
}

/// Every pattern whose key matches, in pattern id order, as `spVinDecode_Core` selects them.
fn matching_patterns<'a>(
    store: &Store,
    view: &'a [(std::sync::Arc<Schema>, i32)],
    keys: &[u8; KEY_LEN],
) -> Vec<Item<'a>> {
    let mut items = Vec::new();
    let mut matched = Vec::new();
    for (schema, year_from) in view {
        if schema.to_be_qced {
            continue;
        }
        matched.clear();
        matched.extend(schema.keys.iter().map(|k| k.key.matches(keys)));
        for pattern in &schema.patterns {
            if !matched[pattern.key as usize] || FROM_WMI.contains(&pattern.element) {
                continue;
            }
            let Some(element) = store.elements.get(&pattern.element) else {
                continue;
            };
            if !element.decodes || element.private {
                continue;
            }
            items.push(Item {
                element: pattern.element,
                attribute: pattern.attribute.to_string(),
                source: Source::Pattern,
                priority: i64::from(*year_from),
                changed: pattern.changed,
                pattern: Some(pattern.id),
                key: Some(&schema.keys[pattern.key as usize]),
            });
        }
    }
    items.sort_by_key(|i| i.pattern);
    items
}

/// The engine model's own patterns (`EngineModelPattern`), below every VIN pattern in priority.
fn add_engine_model(store: &Store, items: &mut Vec<Item<'_>>) {
    let engine = items
        .iter()
        .enumerate()
        .filter(|(_, i)| i.element == ENGINE_MODEL)
        .max_by_key(|(index, i)| (i.priority, i.changed, *index))
        .map(|(_, i)| (i.attribute.trim().to_lowercase(), i.pattern, i.key));
    let Some((name, pattern, key)) = engine else {
        return;
    };
    for implied in store.engine_models.get(&name).into_iter().flatten() {
        items.push(Item {
            element: implied.element,
            attribute: implied.attribute.clone(),
            source: Source::EngineModelPattern,
            priority: 50,
            changed: implied.changed,
            pattern,
            key,
        });
    }
}

/// Formula patterns (keys with `#`): the digits of the VIN where the key has `#`.
fn add_formula_patterns<'a>(
    view: &'a [(std::sync::Arc<Schema>, i32)],
    keys: &[u8; KEY_LEN],
    items: &mut Vec<Item<'a>>,
) {
    let formula_keys = keys::formula_keys(keys);
    let mut seen = Vec::new();
    for (schema, _) in view {
        if seen.contains(&schema.id) {
            continue;
        }
        seen.push(schema.id);
        for pattern in &schema.patterns {
            let key = &schema.keys[pattern.key as usize];
            let Some((first, last)) = key.formula else {
                continue;
            };
            if FROM_WMI.contains(&pattern.element) || !key.key.matches(&formula_keys) {
                continue;
            }
            let digits = keys.get(first..=last.min(KEY_LEN - 1)).unwrap_or_default();
            items.push(Item {
                element: pattern.element,
                attribute: String::from_utf8_lossy(digits).into_owned(),
                source: Source::FormulaPattern,
                priority: 100,
                changed: pattern.changed,
                pattern: Some(pattern.id),
                key: Some(key),
            });
        }
    }
}

/// vPIC's ranking of competing proposals for one element; the smallest wins.
fn rank(item: &Item<'_>, index: usize) -> (i64, i64, usize, String, usize) {
    let text = item.key.map_or("", |k| &k.text);
    (
        -item.priority,
        -item.changed,
        text.bytes().filter(|&c| c != b'*').count(),
        text.replace(['[', ']'], ""),
        index,
    )
}

fn keep_best_per_element(items: Vec<Item<'_>>) -> Vec<Item<'_>> {
    let mut best: HashMap<i64, usize> = HashMap::new();
    for (index, item) in items.iter().enumerate() {
        if MULTI_VALUED.contains(&item.element) {
            continue;
        }
        best.entry(item.element)
            .and_modify(|kept| {
                if rank(item, index) < rank(&items[*kept], *kept) {
                    *kept = index;
                }
            })
            .or_insert(index);
    }
    items
        .into_iter()
        .enumerate()
        .filter(|(index, item)| {
            MULTI_VALUED.contains(&item.element) || best.get(&item.element) == Some(index)
        })
        .map(|(_, item)| item)
        .collect()
}

/// The make: the model's (`Make_Model`), else the WMI's when it has exactly one.
async fn add_make<'a>(store: &Store, wmi: &Wmi, items: &mut Vec<Item<'a>>) -> sqlx::Result<()> {
    let model = items.iter().find(|i| i.element == MODEL).cloned();
    match model {
        Some(model) => {
            let Ok(model_id) = model.attribute.trim().parse::<i64>() else {
                return Ok(());
            };
            for make in store.makes_of_model(model_id).await?.iter() {
                items.push(Item {
                    element: MAKE,
                    attribute: make.to_string(),
                    source: Source::MakeFromModel,
                    priority: 1000,
                    changed: 0,
                    ..model.clone()
                });
            }
        }
        None if wmi.makes.len() == 1 => {
            items.push(fixed(
                MAKE,
                wmi.makes[0].to_string(),
                Source::Wmi,
                -100,
                wmi.changed,
            ));
        }
        None => {}
    }
    Ok(())
}

/// Unit conversions (`Conversion`) for elements the pass has in one unit only.
fn add_conversions(store: &Store, items: &mut Vec<Item<'_>>) {
    let mut order: Vec<(usize, &super::store::Conversion)> = items
        .iter()
        .enumerate()
        .flat_map(|(index, item)| {
            store
                .conversions
                .iter()
                .filter(move |c| c.from == item.element)
                .map(move |c| (index, c))
        })
        .collect();
    order.sort_by_key(|(index, c)| (-items[*index].priority, -items[*index].changed, c.id));
    let mut added = Vec::new();
    for (index, conversion) in order {
        if items
            .iter()
            .chain(&added)
            .any(|i: &Item<'_>| i.element == conversion.to)
        {
            continue;
        }
        let source = &items[index];
        let value = evaluate(&conversion.formula, &source.attribute)
            .map_or_else(|| "0".to_owned(), format_number);
        added.push(Item {
            element: conversion.to,
            attribute: value,
            source: Source::Conversion,
            priority: 100,
            changed: 0,
            ..source.clone()
        });
    }
    items.extend(added);
}

/// Evaluates a conversion formula of the form `#x# <op> <number>` (the only form vPIC's
/// `Conversion` table uses).
fn evaluate(formula: &str, value: &str) -> Option<f64> {
    let x: f64 = value.trim().parse().ok()?;
    let rest = formula.trim().strip_prefix("#x#")?.trim();
    let (op, number) = rest.split_at(1);
    let number: f64 = number.trim().trim_end_matches('.').parse().ok()?;
    match op {
        "*" => Some(x * number),
        "/" if number != 0.0 => Some(x / number),
        "+" => Some(x + number),
        "-" => Some(x - number),
        _ => None,
    }
}

fn format_number(x: f64) -> String {
    let text = format!("{x:.9}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// Error codes 2-5 of `spVinDecode_ErrorCode`: positions 4-8 and 11-14 (11 for a 6-character WMI)
/// whose character no pattern key of the WMI's schemas for the year names.
fn position_errors(vin: &[u8; 17], wmi_len: usize, valid: &keys::ValidChars) -> Option<u16> {
    let last = if wmi_len == 6 { 11 } else { 14 };
    let errors: Vec<(usize, u64)> = (4..=last)
        .filter(|&position| position != 9 && position != 10)
        .filter(|&position| !keys::is_valid(valid, position - 4, vin[position - 1]))
        .map(|position| (position, valid[position - 4]))
        .collect();
    match errors.as_slice() {
        [] => None,
        [(position, mask)] => {
            let options: Vec<u8> = keys::chars_of(*mask).collect();
            if mask.count_ones() == 1 {
                return Some(2);
            }
            let fitting = options
                .iter()
                .filter(|&&c| {
                    let mut corrected = *vin;
                    corrected[position - 1] = c;
                    strict_check_digit(&corrected) == Some(corrected[8])
                })
                .count();
            Some(if fitting == 1 { 3 } else { 4 })
        }
        _ => Some(5),
    }
}

/// Error code 14: positions 4-8 and 11 whose character no kept pattern names.
fn unused_positions(vin: &[u8; 17], items: &[Item<'_>]) -> Vec<usize> {
    [4, 5, 6, 7, 8, 11]
        .into_iter()
        .filter(|&position| {
            !items
                .iter()
                .filter(|i| i.source.is_pattern() || i.source == Source::MakeFromModel)
                .any(|i| {
                    i.key
                        .is_some_and(|k| k.key.names_at(position - 4, vin[position - 1]))
                })
        })
        .collect()
}

/// vPIC's `fVINCheckDigit`: the check digit, or `None` where a position holds a character its
/// position may not (position 10 a non-year code, serial positions a letter).
fn strict_check_digit(vin: &[u8; 17]) -> Option<u8> {
    const WEIGHTS: [u32; 17] = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
    let mut sum = 0;
    for (index, &c) in vin.iter().enumerate() {
        let position = index + 1;
        let allowed = match position {
            10 => {
                c.is_ascii_digit() && c != b'0'
                    || (c.is_ascii_uppercase() && !b"IOQUZ".contains(&c))
            }
            13 | 14 if vin[2] != b'9' => c.is_ascii_digit(),
            15.. => c.is_ascii_digit(),
            _ => c.is_ascii_digit() || (c.is_ascii_uppercase() && !b"IOQ".contains(&c)),
        };
        if !allowed {
            return None;
        }
        let value = match c {
            b'0'..=b'9' => u32::from(c - b'0'),
            b'A'..=b'H' => u32::from(c - b'A') + 1,
            b'J'..=b'N' => u32::from(c - b'J') + 1,
            b'P' => 7,
            b'R' => 9,
            _ => u32::from(c - b'S') + 2,
        };
        sum += value * WEIGHTS[index];
    }
    Some(match sum % 11 {
        10 => b'X',
        d => b'0' + d as u8,
    })
}

/// `ErrorCode.weight`: how much each error code counts against a pass.
fn error_weight(code: u16) -> i64 {
    match code {
        1 => -5,
        2 | 3 => -100,
        4 => -200,
        5 => -300,
        6 | 7 => -10,
        8 => -1000,
        11 | 12 => -20,
        14 => -30,
        400 => -40,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conversions_follow_the_formula() {
        assert_eq!(evaluate("#x# / 1000.", "2998.832712"), Some(2.998832712));
        let ci = evaluate("#x# / 16.387064 ", "2998.832712").unwrap();
        assert!((ci - 183.0).abs() < 0.1);
        assert_eq!(evaluate("#x# * 1000", "3.5"), Some(3500.0));
        assert_eq!(evaluate("#x# * 1000", "n/a"), None);
        assert_eq!(format_number(2.998832712), "2.998832712");
        assert_eq!(format_number(3500.0), "3500");
    }

    #[test]
    fn strict_check_digit_refuses_letters_in_the_serial() {
        assert_eq!(strict_check_digit(b"1HGCM82633A004352"), Some(b'3'));
        assert_eq!(strict_check_digit(b"1HGCM82633A00435A"), None);
        assert_eq!(strict_check_digit(b"1HGCM8263UA004352"), None);
    }

    #[test]
    fn year_codes_in_the_2010_cycle() {
        assert_eq!(cycle_2010_year(b'A'), Some(2010));
        assert_eq!(cycle_2010_year(b'P'), Some(2023));
        assert_eq!(cycle_2010_year(b'R'), Some(2024));
        assert_eq!(cycle_2010_year(b'Y'), Some(2030));
        assert_eq!(cycle_2010_year(b'1'), Some(2031));
        assert_eq!(cycle_2010_year(b'9'), Some(2039));
        assert_eq!(cycle_2010_year(b'U'), None);
        assert_eq!(cycle_2010_year(b'0'), None);
    }

    #[test]
    fn error_weights_rank_missing_data_worst() {
        assert!(error_weight(8) < error_weight(5));
        assert!(error_weight(5) < error_weight(14));
        assert_eq!(error_weight(0), 0);
    }
}

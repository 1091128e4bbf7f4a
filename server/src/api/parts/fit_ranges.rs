//! Turns a part's fitments into the rows of the search tables: per make, and per make and model,
//! disjoint year ranges, so that a part matches a vehicle through at most one row.

use std::collections::BTreeMap;

/// An inclusive range of model years.
pub type Years = (i32, i32);

/// One fitment as imported; `model` `None` means every model of the make.
pub struct FitmentRange<'a> {
    pub make: &'a str,
    pub model: Option<&'a str>,
    pub years: Years,
}

/// Rows for `part_make_fits` and `part_model_fits` (model `""`: every model).
#[derive(Debug, PartialEq, Eq)]
pub struct SearchRows<'a> {
    pub by_make: Vec<(&'a str, Years)>,
    pub by_model: Vec<(&'a str, &'a str, Years)>,
}

/// Sorted, with overlapping and touching ranges joined (2003-2005 and 2006-2008 fit 2003-2008).
pub fn merge(mut ranges: Vec<Years>) -> Vec<Years> {
    ranges.sort_unstable();
    let mut merged: Vec<Years> = Vec::with_capacity(ranges.len());
    for (from, to) in ranges {
        match merged.last_mut() {
            Some(last) if from <= last.1.saturating_add(1) => last.1 = last.1.max(to),
            _ => merged.push((from, to)),
        }
    }
    merged
}

/// The years of `ranges` outside `cover` (both merged).
pub fn subtract(ranges: &[Years], cover: &[Years]) -> Vec<Years> {
    let mut out = Vec::new();
    for &(from, to) in ranges {
        let mut start = from;
        for &(c_from, c_to) in cover {
            if c_to < start || c_from > to {
                continue;
            }
            if c_from > start {
                out.push((start, c_from - 1));
            }
            start = c_to + 1;
            if start > to {
                break;
            }
        }
        if start <= to {
            out.push((start, to));
        }
    }
    out
}

pub fn search_rows<'a>(fitments: &[FitmentRange<'a>]) -> SearchRows<'a> {
    // Makes and models compare case-insensitively, as the search does; the first spelling wins.
    let mut makes: BTreeMap<String, (&'a str, Vec<Years>)> = BTreeMap::new();
    let mut models: BTreeMap<(String, String), (&'a str, &'a str, Vec<Years>)> = BTreeMap::new();
    for fitment in fitments {
        let make_key = fitment.make.to_lowercase();
        makes
            .entry(make_key.clone())
            .or_insert_with(|| (fitment.make, Vec::new()))
            .1
            .push(fitment.years);
        let model = fitment.model.unwrap_or("");
        models
            .entry((make_key, model.to_lowercase()))
            .or_insert_with(|| (fitment.make, model, Vec::new()))
            .2
            .push(fitment.years);
    }
    let mut rows = SearchRows {
        by_make: Vec::new(),
        by_model: Vec::new(),
    };
    for (make, ranges) in makes.into_values() {
        rows.by_make
            .extend(merge(ranges).into_iter().map(|years| (make, years)));
    }
    let every_model: BTreeMap<String, Vec<Years>> = models
        .iter()
        .filter(|((_, model), _)| model.is_empty())
        .map(|((make, _), (_, _, ranges))| (make.clone(), merge(ranges.clone())))
        .collect();
    for ((make_key, model_key), (make, model, ranges)) in models {
        let merged = merge(ranges);
        let ranges = match (model_key.is_empty(), every_model.get(&make_key)) {
            (false, Some(cover)) => subtract(&merged, cover),
            _ => merged,
        };
        rows.by_model
            .extend(ranges.into_iter().map(|years| (make, model, years)));
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merge_joins_overlapping_and_touching_ranges() {
        assert_eq!(
            merge(vec![(2006, 2008), (2003, 2005), (2010, 2012), (2011, 2011)]),
            vec![(2003, 2008), (2010, 2012)]
        );
    }

    #[test]
    fn subtract_leaves_the_uncovered_years() {
        assert_eq!(
            subtract(&[(2000, 2010)], &[(2003, 2004), (2008, 2012)]),
            vec![(2000, 2002), (2005, 2007)]
        );
        assert_eq!(subtract(&[(2000, 2002)], &[(1990, 2005)]), vec![]);
        assert_eq!(
            subtract(&[(2000, 2002)], &[(2005, 2006)]),
            vec![(2000, 2002)]
        );
    }

    #[test]
    fn a_part_matches_a_vehicle_through_one_row_at_most() {
        let fitments = [
            FitmentRange {
                make: "Honda",
                model: Some("Accord"),
                years: (2003, 2007),
            },
            FitmentRange {
                make: "honda",
                model: Some("Civic"),
                years: (2005, 2009),
            },
            FitmentRange {
                make: "Honda",
                model: None,
                years: (2006, 2006),
            },
            FitmentRange {
                make: "Acura",
                model: Some("TL"),
                years: (2004, 2008),
            },
        ];
        let rows = search_rows(&fitments);
        assert_eq!(
            rows.by_make,
            vec![("Acura", (2004, 2008)), ("Honda", (2003, 2009))]
        );
        assert_eq!(
            rows.by_model,
            vec![
                ("Acura", "TL", (2004, 2008)),
                ("Honda", "", (2006, 2006)),
                ("Honda", "Accord", (2003, 2005)),
                ("Honda", "Accord", (2007, 2007)),
                ("honda", "Civic", (2005, 2005)),
                ("honda", "Civic", (2007, 2009)),
            ]
        );
    }
}

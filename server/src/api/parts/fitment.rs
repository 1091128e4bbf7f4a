//! Which catalog model names a vehicle's model goes by. vPIC names some models otherwise than
//! parts catalogs do (`Silverado` with series `1500` is a catalog's `Silverado 1500`, BMW's `328i`
//! is a `3 Series`, `MX-5` is `MX-5 Miata`); `server/data/model_aliases.csv` lists those, and a
//! search fits parts listed under any of the names.

use std::sync::OnceLock;

const ALIASES_CSV: &str = include_str!("../../../data/model_aliases.csv");

#[derive(Debug, serde::Deserialize)]
struct Alias {
    make: String,
    model: String,
    /// Applies only when the vehicle's series (or trim) contains this; empty for any.
    series: String,
    fits: String,
}

fn aliases() -> &'static [Alias] {
    static ALIASES: OnceLock<Vec<Alias>> = OnceLock::new();
    ALIASES.get_or_init(|| {
        csv::Reader::from_reader(ALIASES_CSV.as_bytes())
            .deserialize()
            .collect::<Result<_, _>>()
            .expect("model_aliases.csv is checked by the tests")
    })
}

/// The names to look the model up by in the catalog: the model itself, then its aliases.
/// `series` is the vehicle's series or trim, for aliases that depend on it.
pub fn catalog_models(make: &str, model: &str, series: Option<&str>) -> Vec<String> {
    let mut names = vec![model.to_owned()];
    let series = series.unwrap_or_default().to_lowercase();
    for alias in aliases() {
        let applies = alias.make.eq_ignore_ascii_case(make)
            && alias.model.eq_ignore_ascii_case(model)
            && series.contains(&alias.series.to_lowercase());
        if applies && !names.iter().any(|n| n.eq_ignore_ascii_case(&alias.fits)) {
            names.push(alias.fits.clone());
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_alias_file_parses_and_names_real_rows() {
        assert!(aliases().len() >= 60);
        for alias in aliases() {
            assert!(!alias.make.is_empty() && !alias.model.is_empty() && !alias.fits.is_empty());
        }
    }

    #[test]
    fn vpic_names_map_to_catalog_names() {
        assert_eq!(catalog_models("Honda", "Accord", None), ["Accord"]);
        assert_eq!(catalog_models("BMW", "328i", None), ["328i", "3 Series"]);
        assert_eq!(catalog_models("bmw", "535I", None), ["535I", "5 Series"]);
        assert_eq!(
            catalog_models("Mazda", "MX-5", Some("Club")),
            ["MX-5", "MX-5 Miata"]
        );
        assert_eq!(
            catalog_models("Dodge", "Caravan/Grand Caravan", None),
            ["Caravan/Grand Caravan", "Grand Caravan", "Caravan"]
        );
    }

    #[test]
    fn series_dependent_aliases_need_the_series() {
        assert_eq!(
            catalog_models("Chevrolet", "Silverado", Some("1500 (1/2 Ton)")),
            ["Silverado", "Silverado 1500"]
        );
        assert_eq!(
            catalog_models("Chevrolet", "Silverado", Some("2500 HD")),
            ["Silverado"]
        );
        assert_eq!(
            catalog_models("Chevrolet", "Silverado", None),
            ["Silverado"]
        );
        assert_eq!(
            catalog_models("GMC", "Sierra Limited", None),
            ["Sierra Limited", "Sierra 1500"]
        );
    }
}

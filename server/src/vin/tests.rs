//! Decoder tests on real VINs. Each VIN below passes the check-digit algorithm
//! (asserted in `real_vins_decode`) and its expected make/year comes from a
//! public decode of that VIN, not from this decoder.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use super::*;

/// Deterministic decoder: the "most recent cycle" rule depends on the year.
fn decoder() -> VinDecoder {
    VinDecoder {
        reference_year: 2026,
        ..VinDecoder::new()
    }
}

fn decode(vin: &str) -> DecodedVin {
    decoder()
        .decode_offline(vin)
        .unwrap_or_else(|e| panic!("{vin}: {e}"))
}

/// `vin` with position 9 replaced by the digit the algorithm expects, for
/// constructing test VINs that differ from a real one in one position.
fn with_valid_check_digit(vin: &str) -> String {
    let parsed = structure::normalise(vin).expect("well-formed");
    let mut out = vin.to_owned();
    out.replace_range(8..9, &structure::expected_check_digit(&parsed).to_string());
    out
}

/// (VIN, make, country, region, model year)
type Case = (
    &'static str,
    Option<&'static str>,
    &'static str,
    &'static str,
    i32,
);

const REAL_VINS: &[Case] = &[
    // 2003 Honda Accord, the schema example.
    (
        "1HGCM82633A004352",
        Some("Honda"),
        "United States",
        "North America",
        2003,
    ),
    // 2011 Ford F-150.
    (
        "1FTFW1EF7BFB11754",
        Some("Ford"),
        "United States",
        "North America",
        2011,
    ),
    // 2026 Chevrolet Corvette.
    (
        "1G1YC2D47T5102754",
        Some("Chevrolet"),
        "United States",
        "North America",
        2026,
    ),
    // 2023 Toyota Corolla built in Mississippi.
    (
        "5YFB4MDE8PP030258",
        Some("Toyota"),
        "United States",
        "North America",
        2023,
    ),
    // 2025 Honda Civic, Canada.
    (
        "2HGFE4F86SH011469",
        Some("Honda"),
        "Canada",
        "North America",
        2025,
    ),
    // 1984 Ford F-150, Canada.
    (
        "2FTCF15F2ECA55516",
        Some("Ford"),
        "Canada",
        "North America",
        1984,
    ),
    // 2019 Volkswagen Golf, Mexico.
    (
        "3VWR17AU5KM502465",
        Some("Volkswagen"),
        "Mexico",
        "North America",
        2019,
    ),
    // 2010 Ford Fusion, Mexico.
    (
        "3FAHP0JA0AR281181",
        Some("Ford"),
        "Mexico",
        "North America",
        2010,
    ),
    // 2020 Toyota Corolla, Japan.
    ("JTDBBRBE6LJ007243", Some("Toyota"), "Japan", "Asia", 2020),
    // 2016 Mazda CX-5, Japan.
    ("JM3KE4BY6G0636881", Some("Mazda"), "Japan", "Asia", 2016),
    // 2015 BMW X1, Germany.
    ("WBAVL1C5XFVY41004", Some("BMW"), "Germany", "Europe", 2015),
    // 2026 Volkswagen Golf R, Germany.
    (
        "WVWJF7CD8TW190545",
        Some("Volkswagen"),
        "Germany",
        "Europe",
        2026,
    ),
    // 2024 Hyundai Venue, South Korea.
    (
        "KMHRC8A33RU325703",
        Some("Hyundai"),
        "South Korea",
        "Asia",
        2024,
    ),
    // 2020 Kia Niro EV, South Korea.
    (
        "KNDCE3LG2L5073161",
        Some("Kia"),
        "South Korea",
        "Asia",
        2020,
    ),
    // 2016 Volvo XC90, Sweden.
    ("YV4A22PMXG1037898", Some("Volvo"), "Sweden", "Europe", 2016),
    // 2014 Bentley Flying Spur, United Kingdom.
    (
        "SCBEC9ZA1EC225243",
        Some("Bentley"),
        "United Kingdom",
        "Europe",
        2014,
    ),
    // 2015 Toyota Yaris built in France.
    (
        "VNKJTUD36FA838549",
        Some("Toyota"),
        "France",
        "Europe",
        2015,
    ),
    // 2023 Tesla Model 3, Shanghai.
    ("LRW3E7EK9PC819094", Some("Tesla"), "China", "Asia", 2023),
    // 2001 Audi TT, Hungary: TRU is missing from the table, the rest decodes.
    ("TRUSC28N711268458", None, "Hungary", "Europe", 2001),
];

#[test]
fn real_vins_decode() {
    for &(vin, make, country, region, year) in REAL_VINS {
        let d = decode(vin);
        assert!(d.check_digit_valid, "{vin}: check digit");
        assert_eq!(d.make.as_deref(), make, "{vin}: make");
        assert_eq!(d.country.as_deref(), Some(country), "{vin}: country");
        assert_eq!(d.region, region, "{vin}: region");
        assert_eq!(d.model_year, Some(year), "{vin}: model year");
        assert_eq!(d.model_year_basis, Some(ModelYearBasis::Position7), "{vin}");
    }
}

#[test]
fn splits_the_iso_3779_sections() {
    let d = decode("1FTFW1EF7BFB11754");
    assert_eq!(d.vin, "1FTFW1EF7BFB11754");
    assert_eq!(d.wmi, "1FT");
    assert_eq!(d.vds, "FW1EF");
    assert_eq!(d.check_digit, "7");
    assert_eq!(d.vis, "BFB11754");
    assert_eq!(d.plant_code, "F");
    assert_eq!(d.serial_number, "B11754");
    assert_eq!(d.small_manufacturer_code, None);
    assert_eq!(d.manufacturer.as_deref(), Some("Ford Motor Company"));
}

/// The example is vPIC's answer (the integration tests compare all of it with the server's); the
/// structure decoded without vPIC is the same.
#[test]
fn schema_example_agrees_with_the_offline_decode() {
    use utoipa::PartialSchema;
    let schema = serde_json::to_value(DecodedVin::schema()).expect("schema serialises");
    let example = schema
        .get("example")
        .expect("DecodedVin schema has an example")
        .clone();
    let actual = serde_json::to_value(decode("1HGCM82633A004352")).expect("serialises");
    for field in [
        "vin",
        "wmi",
        "vds",
        "vis",
        "check_digit",
        "expected_check_digit",
        "check_digit_valid",
        "check_digit_required",
        "make",
        "country",
        "region",
        "model_year",
        "model_year_basis",
        "plant_code",
        "serial_number",
        "small_manufacturer_code",
    ] {
        assert_eq!(example[field], actual[field], "{field}");
    }
    assert_eq!(actual["source"], "wmi_table");
    assert_eq!(example["source"], "vpic");
}

#[test]
fn every_field_is_documented_in_the_schema() {
    use utoipa::PartialSchema;
    let schema = serde_json::to_value(DecodedVin::schema()).expect("schema serialises");
    let properties = schema["properties"].as_object().expect("object schema");
    assert_eq!(properties.len(), 30);
    for (name, property) in properties {
        // Option<enum> becomes oneOf [$ref, null]; utoipa puts the doc on the $ref.
        let described = property.get("description").is_some()
            || property["oneOf"]
                .as_array()
                .is_some_and(|items| items.iter().any(|item| item.get("description").is_some()));
        assert!(described, "{name} has no description");
    }
}

#[test]
fn input_is_trimmed_and_uppercased() {
    let d = decode("  1hgcm82633a004352\t\n");
    assert_eq!(d.vin, "1HGCM82633A004352");
    assert_eq!(d.make.as_deref(), Some("Honda"));
}

#[test]
fn structural_errors_say_why() {
    let cases = [
        ("1HGCM82633A00435", "VIN must be 17 characters, got 16"),
        ("", "VIN must be 17 characters, got 0"),
        (
            "1HGCO82633A004352",
            "VIN contains 'O' at position 5; the letters I, O and Q are never used in VINs",
        ),
        (
            "1HGCM8263IA004352",
            "VIN contains 'I' at position 10; the letters I, O and Q are never used in VINs",
        ),
        (
            "1HGCM82633A00435q",
            "VIN contains 'Q' at position 17; the letters I, O and Q are never used in VINs",
        ),
        (
            "1HGCM82633A0043_2",
            "VIN contains '_' at position 16; only the digits 0-9 and the letters A-Z except I, O and Q are allowed",
        ),
    ];
    for (vin, message) in cases {
        let err = decoder().decode_offline(vin).expect_err(vin);
        assert_eq!(err.to_string(), message, "{vin:?}");
    }
}

#[test]
fn wrong_check_digit_is_rejected_in_north_america_and_china() {
    let err = decoder()
        .decode_offline("1HGCM82643A004352")
        .expect_err("US");
    assert_eq!(
        err,
        VinError::CheckDigit {
            found: '4',
            expected: '3'
        }
    );
    assert_eq!(
        err.to_string(),
        "check digit at position 9 is '4' but the VIN's characters give '3'"
    );

    for vin in [
        "2HGFE4F87SH011469",
        "3VWR17AU6KM502465",
        "5YFB4MDEXPP030258",
        "LRW3E7EK8PC819094",
    ] {
        let err = decoder().decode_offline(vin).expect_err(vin);
        assert_eq!(err.reason(), "check_digit", "{vin}");
    }
    let err = decoder()
        .decode_offline("1M8GDM9A1KP042788")
        .expect_err("X expected");
    assert_eq!(
        err.to_string(),
        "check digit at position 9 is '1' but the VIN's characters give 'X'"
    );
}

#[test]
fn wrong_check_digit_elsewhere_is_reported_not_rejected() {
    // European-market format: position 9 is a filler, not a check digit.
    let d = decode("WVWZZZ1JZ3W386752");
    assert!(!d.check_digit_valid);
    assert!(!d.check_digit_required);
    assert_eq!(d.expected_check_digit, "9");
    assert_eq!(d.make.as_deref(), Some("Volkswagen"));
    assert_eq!(d.country.as_deref(), Some("Germany"));

    // A real BMW with position 9 altered.
    let d = decode("WBAVL1C50FVY41004");
    assert!(!d.check_digit_valid && !d.check_digit_required);
    assert_eq!(d.check_digit, "0");
    assert_eq!(d.expected_check_digit, "X");
}

#[test]
fn position_7_resolves_the_30_year_cycle() {
    // Same position-10 code 'E': a 1984 F-150 (digit in position 7) and a
    // 2014 F-150 (letter in position 7).
    let old = decode("2FTCF15F2ECA55516");
    let new = decode("1FTEX1CM8EFB88051");
    assert_eq!((old.vis.as_bytes()[0], old.vin.as_bytes()[6]), (b'E', b'5'));
    assert_eq!((new.vis.as_bytes()[0], new.vin.as_bytes()[6]), (b'E', b'C'));
    assert_eq!(old.model_year, Some(1984));
    assert_eq!(new.model_year, Some(2014));

    // One VIN, only position 7 changed (check digit recomputed).
    let digit = decode(&with_valid_check_digit("1HGCM82633A004352"));
    let letter = decode(&with_valid_check_digit("1HGCM8C633A004352"));
    assert_eq!(digit.model_year, Some(2003));
    assert_eq!(letter.model_year, Some(2033));
}

#[test]
fn year_codes_at_cycle_edges() {
    // (position-10 code, year with a digit in position 7, with a letter)
    for (code, early, late) in [
        ('A', 1980, 2010),
        ('Y', 2000, 2030),
        ('1', 2001, 2031),
        ('9', 2009, 2039),
    ] {
        for (position_7, year) in [('6', early), ('K', late)] {
            let mut vin = String::from("1HGCM82633A004352");
            vin.replace_range(6..7, &position_7.to_string());
            vin.replace_range(9..10, &code.to_string());
            let d = decode(&with_valid_check_digit(&vin));
            assert_eq!(d.model_year, Some(year), "{vin}");
        }
    }
}

#[test]
fn without_a_cycle_marker_the_most_recent_cycle_wins() {
    // Position 9 filler and digit in position 7: the 2003 reading, not 1973+30.
    let d = decode("WVWZZZ1JZ3W386752");
    assert_eq!(d.model_year, Some(2003));
    assert_eq!(d.model_year_basis, Some(ModelYearBasis::MostRecentCycle));
    // 'A' without a marker is 2010, not 1980.
    let d = decode("WVWZZZ1KZAW000001");
    assert_eq!(d.model_year, Some(2010));
}

#[test]
fn non_year_code_in_position_10_gives_no_year() {
    let d = decode("WVWZZZ1KZZW000001");
    assert_eq!(d.model_year, None);
    assert_eq!(d.model_year_basis, None);
}

#[test]
fn small_manufacturer_code_from_positions_12_to_14() {
    // 2019 Koenigsegg Regera: WMI YT9 is shared, 007 is Koenigsegg.
    let d = decode("YT9NN1U14KA007175");
    assert_eq!(d.wmi, "YT9");
    assert_eq!(d.small_manufacturer_code.as_deref(), Some("007"));
    assert_eq!(d.make.as_deref(), Some("Koenigsegg"));
    assert_eq!(d.country.as_deref(), Some("Sweden"));
    assert_eq!(d.model_year, Some(2019));

    let table = wmi::WmiTable::from_csv(
        "wmi,make,manufacturer,country\nYT9,Shared,,Sweden\nYT9007,Koenigsegg,Koenigsegg Automotive AB,Sweden\n",
    )
    .expect("valid");
    let custom = VinDecoder {
        table: Arc::new(table),
        ..decoder()
    };
    let d = custom.decode_offline("YT9NN1U14KA007175").expect("valid");
    assert_eq!(d.manufacturer.as_deref(), Some("Koenigsegg Automotive AB"));
}

#[test]
fn unknown_wmi_still_decodes_structure() {
    // 7S = United States since the 7F-70 allocation; no table entry needed.
    let d = decode(&with_valid_check_digit("7SAAAAAA0PF000001"));
    assert_eq!(d.make, None);
    assert_eq!(d.country.as_deref(), Some("United States"));
    assert_eq!(d.region, "North America");
    assert!(d.check_digit_required);
}

#[test]
fn decoder_is_cheap_to_clone_and_shares_the_table() {
    let a = VinDecoder::new();
    let b = a.clone();
    assert!(Arc::ptr_eq(&a.table, &b.table));
    assert!(Arc::ptr_eq(&a.table, &VinDecoder::new().table));
    assert!(a.table.len() >= 1500);
    assert!(format!("{a:?}").contains("wmi_codes"));
}

struct FixedProvider(VehicleDetails);

impl VinProvider for FixedProvider {
    fn enrich<'a>(
        &'a self,
        vin: &'a DecodedVin,
    ) -> Pin<Box<dyn Future<Output = Option<VehicleDetails>> + Send + 'a>> {
        Box::pin(async move {
            // Providers see the validated, normalised VIN.
            assert_eq!(vin.vin, "1HGCM82633A004352");
            Some(self.0.clone())
        })
    }
}

struct DownProvider;

impl VinProvider for DownProvider {
    fn enrich<'a>(
        &'a self,
        _vin: &'a DecodedVin,
    ) -> Pin<Box<dyn Future<Output = Option<VehicleDetails>> + Send + 'a>> {
        Box::pin(async { None })
    }
}

#[tokio::test]
async fn provider_details_are_merged() {
    let details = VehicleDetails {
        model: Some("Accord".into()),
        trim: Some("EX-V6".into()),
        body_class: Some("Coupe".into()),
        ..VehicleDetails::default()
    };
    let d = decoder()
        .with_provider(Arc::new(FixedProvider(details)))
        .decode("1hgcm82633a004352")
        .await
        .expect("valid");
    assert_eq!(d.model.as_deref(), Some("Accord"));
    assert_eq!(d.trim.as_deref(), Some("EX-V6"));
    assert_eq!(d.body_class.as_deref(), Some("Coupe"));
    // Fields the provider left empty keep the offline values.
    assert_eq!(d.make.as_deref(), Some("Honda"));
    assert_eq!(d.model_year, Some(2003));
    assert_eq!(d.model_year_basis, Some(ModelYearBasis::Position7));
}

#[tokio::test]
async fn provider_model_year_overrides_the_offline_estimate() {
    let details = VehicleDetails {
        model_year: Some(2004),
        ..VehicleDetails::default()
    };
    let d = decoder()
        .with_provider(Arc::new(FixedProvider(details)))
        .decode("1HGCM82633A004352")
        .await
        .expect("valid");
    assert_eq!(d.model_year, Some(2004));
    assert_eq!(d.model_year_basis, Some(ModelYearBasis::VpicSchemas));
}

#[tokio::test]
async fn provider_failure_keeps_the_offline_result() {
    let offline = decode("1HGCM82633A004352");
    let online = decoder()
        .with_provider(Arc::new(DownProvider))
        .decode("1HGCM82633A004352")
        .await
        .expect("valid");
    assert_eq!(online, offline);
}

#[tokio::test]
async fn decode_without_provider_is_the_offline_result() {
    let d = decoder().decode("1HGCM82633A004352").await.expect("valid");
    assert_eq!(d, decode("1HGCM82633A004352"));
    let err = decoder()
        .decode("1HGCM82643A004352")
        .await
        .expect_err("bad check digit");
    assert_eq!(err.reason(), "check_digit");
}

#[test]
fn decode_future_is_send_for_axum_handlers() {
    fn assert_send<T: Send>(_: &T) {}
    let decoder = decoder().with_provider(Arc::new(DownProvider));
    let future = decoder.decode("1HGCM82633A004352");
    assert_send(&future);
}

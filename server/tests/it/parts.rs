//! `GET /parts/search`: fitment filtering by VIN and by vehicle, type and text filters, stock per
//! location, and every bad input as a 4xx.

use serde_json::{Value, json};
use vinsnap_server::api::parts::import::{self, import_csv};
use vinsnap_server::auth::{Mode, Scope};
use vinsnap_server::db;

use vinsnap_testkit::{Options, TestServer};

/// 1HGCM82633A004352 is a 2003 Honda Accord (vPIC); the WMI table alone knows make and year.
const HONDA_2003_VIN: &str = "1HGCM82633A004352";

const CATALOG: &str = "\
part_number,brand,type,name,description,unit_price,currency,oem_numbers,fitments,stock
ACT787,Akebono,brake-pads,Akebono Front Ceramic Brake Pad Set,Low dust,5499,USD,Honda:45022-SDA-A00,Honda|Accord|2003-2007,4;1
QC905,Wagner,brake-pads,Wagner Front Brake Pads,Semi-metallic,3999,USD,Honda:45022-S5A-J10,Honda|Civic|2001-2005,0;2
26A,Bosch,wiper-blades,Bosch ICON Wiper Blade,Beam blade,2499,USD,,Honda|*|2000-2010,7;0
D908,Raybestos,brake-pads,Raybestos Element3 Ceramic Pads,,4599,USD,Toyota:04465-AA010,Toyota|Camry|2002-2006,3;3
ACT1089,Akebono,brake-pads,Akebono Front Ceramic Brake Pad Set,Later Accord,5999,USD,Honda:45022-TA0-A01,Honda|Accord|2008-2012,1;1
PH7317,Fram,oil-filter,Fram Extra Guard Oil Filter,Spin-on,699,USD,Honda:15400-PLM-A02,Honda|Accord|1998-2011;Honda|Civic|2001-2011,12;0
";

async fn app_with_catalog() -> TestServer {
    with_catalog(TestServer::start().await).await
}

async fn with_catalog(app: TestServer) -> TestServer {
    import_csv(&app.db, CATALOG.as_bytes(), Some(&app.shop))
        .await
        .unwrap();
    app
}

fn part_numbers(body: &Value) -> Vec<&str> {
    body["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["part_number"].as_str().unwrap())
        .collect()
}

async fn accord_2003(app: &TestServer) -> String {
    let customer = app.customer("Sarah Chen").await;
    let path = format!("/customers/{}/vehicles", customer["id"].as_str().unwrap());
    let body = json!({ "make": "honda", "model": "accord", "year": 2003 });
    let vehicle = app.post(&path, &app.test_key, body).await.expect(201).body;
    vehicle["id"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn a_vin_finds_the_parts_of_its_make_model_and_year() {
    let app = app_with_catalog().await;
    let path = format!("/parts/search?vin={HONDA_2003_VIN}");
    let reply = app.get(&path, &app.test_key).await.expect(200);
    assert_eq!(reply.body["fitment_basis"], "make_model_year");
    assert_eq!(
        reply.body["vehicle"],
        json!({ "vin": HONDA_2003_VIN, "vehicle_id": null, "make": "Honda", "model": "Accord", "year": 2003 })
    );
    // Accord pads, the every-Honda wiper and the Accord/Civic filter; not the Civic's pads.
    assert_eq!(part_numbers(&reply.body), ["ACT787", "26A", "PH7317"]);
    let typed = app
        .get(&format!("{path}&type=brake-pads"), &app.test_key)
        .await
        .expect(200);
    assert_eq!(part_numbers(&typed.body), ["ACT787"]);
}

#[tokio::test]
async fn catalog_model_names_match_the_decoded_model() {
    let app = TestServer::start().await;
    let catalog = "\
part_number,brand,type,name,description,unit_price,currency,oem_numbers,fitments,stock
P1,Brembo,brake-pads,Brembo Front Pads,,5000,USD,,BMW|3 Series|2012-2018,
P2,Brembo,brake-pads,Brembo Rear Pads,,5000,USD,,BMW|5 Series|2012-2018,
P3,ACDelco,brake-pads,ACDelco Front Pads,,5000,USD,,Chevrolet|Silverado 1500|2014-2018,
P4,ACDelco,brake-pads,ACDelco HD Pads,,5000,USD,,Chevrolet|Silverado 2500HD|2015-2019,
P5,Akebono,brake-pads,Akebono Pads,,5000,USD,,Mazda|MX-5 Miata|1990-1997,
";
    import_csv(&app.db, catalog.as_bytes(), None).await.unwrap();
    // vPIC: a 2013 BMW 328i (series 3-Series), a 2015 Chevrolet Silverado series 1500, a 1995
    // Mazda MX-5; the catalog knows them as 3 Series, Silverado 1500 and MX-5 Miata.
    for (vin, model, fits) in [
        ("WBA3A5C50DF123456", "328i", "P1"),
        ("1GCVKREC4FZ123456", "Silverado", "P3"),
        ("JM1NA30T8S1W79494", "MX-5", "P5"),
    ] {
        let reply = app
            .get(&format!("/parts/search?vin={vin}"), &app.test_key)
            .await
            .expect(200);
        assert_eq!(reply.body["fitment_basis"], "make_model_year", "{vin}");
        assert_eq!(reply.body["vehicle"]["model"], model, "{vin}");
        assert_eq!(part_numbers(&reply.body), [fits], "{vin}");
    }
}

#[tokio::test]
async fn without_the_vpic_data_a_vin_finds_the_parts_of_its_make_and_year() {
    let app = with_catalog(TestServer::start_with(Options::without_vpic()).await).await;
    let path = format!("/parts/search?vin={HONDA_2003_VIN}&type=brake-pads");
    let reply = app.get(&path, &app.test_key).await.expect(200);
    // The Accord and Civic pads fit some 2003 Honda; not the Toyota's, not the 2008+ Accord's.
    assert_eq!(part_numbers(&reply.body), ["ACT787", "QC905"]);
    assert_eq!(reply.body["total"], 2);
    assert_eq!(reply.body["has_more"], false);
    assert_eq!(reply.body["fitment_basis"], "make_year");
    assert_eq!(
        reply.body["vehicle"],
        json!({ "vin": HONDA_2003_VIN, "vehicle_id": null, "make": "Honda", "model": null, "year": 2003 })
    );
    // Without a type: every part once, though the filter fits the Accord and the Civic.
    let all = app
        .get(
            &format!("/parts/search?vin={HONDA_2003_VIN}"),
            &app.test_key,
        )
        .await
        .expect(200);
    assert_eq!(
        part_numbers(&all.body),
        ["ACT787", "QC905", "26A", "PH7317"]
    );
    assert_eq!(all.body["total"], 4);
    let part = &reply.body["data"][0];
    assert!(part["id"].as_str().unwrap().starts_with("prt_"));
    assert_eq!(part["brand"], "Akebono");
    assert_eq!(part["unit_price"], 5499);
    assert_eq!(part["currency"], "USD");
    assert_eq!(
        part["oem_numbers"],
        json!([{ "brand": "Honda", "number": "45022-SDA-A00" }])
    );
    assert_eq!(
        part["fitments"],
        json!([{ "make": "Honda", "model": "Accord", "year_from": 2003, "year_to": 2007 }])
    );
    assert_eq!(
        part["stock"],
        json!([
            { "location_id": app.locations[0].as_str(), "quantity": 4 },
            { "location_id": app.locations[1].as_str(), "quantity": 1 },
        ])
    );
}

#[tokio::test]
async fn a_vehicle_narrows_to_its_model_and_universal_parts() {
    let app = app_with_catalog().await;
    let vehicle = accord_2003(&app).await;
    let reply = app
        .get(
            &format!("/parts/search?vehicle_id={vehicle}"),
            &app.test_key,
        )
        .await
        .expect(200);
    assert_eq!(reply.body["fitment_basis"], "make_model_year");
    assert_eq!(reply.body["vehicle"]["vehicle_id"], vehicle.as_str());
    assert_eq!(reply.body["vehicle"]["model"], "accord");
    // Accord pads, the every-Honda wiper and the Accord/Civic filter; not the Civic's pads.
    assert_eq!(part_numbers(&reply.body), ["ACT787", "26A", "PH7317"]);

    let typed = app
        .get(
            &format!("/parts/search?vehicle_id={vehicle}&type=brake-pads"),
            &app.test_key,
        )
        .await
        .expect(200);
    assert_eq!(part_numbers(&typed.body), ["ACT787"]);

    let paged = app
        .get(
            &format!("/parts/search?vehicle_id={vehicle}&limit=2&offset=1"),
            &app.test_key,
        )
        .await
        .expect(200);
    assert_eq!(part_numbers(&paged.body), ["26A", "PH7317"]);
    assert_eq!(paged.body["total"], 3);
    assert_eq!(paged.body["has_more"], false);
}

#[tokio::test]
async fn q_searches_names_brands_and_oem_numbers() {
    let app = app_with_catalog().await;
    let search = |q: &str| format!("/parts/search?vin={HONDA_2003_VIN}&q={q}");
    let by_word = app.get(&search("ceramic"), &app.test_key).await.expect(200);
    assert_eq!(part_numbers(&by_word.body), ["ACT787"]);
    let by_oem = app
        .get(&search("15400-PLM"), &app.test_key)
        .await
        .expect(200);
    assert_eq!(part_numbers(&by_oem.body), ["PH7317"]);
    let by_prefix = app.get(&search("bos"), &app.test_key).await.expect(200);
    assert_eq!(part_numbers(&by_prefix.body), ["26A"]);
    let none = app
        .get(&search("turbocharger"), &app.test_key)
        .await
        .expect(200);
    assert_eq!(none.body["total"], 0);
    // FTS5 syntax is only ever data.
    let odd = app
        .get(&search("%22NEAR(%22"), &app.test_key)
        .await
        .expect(200);
    assert_eq!(odd.body["total"], 0);
}

#[tokio::test]
async fn q_words_are_prefixes_however_many_words_they_complete_to() {
    let app = app_with_catalog().await;
    // 80 part numbers that start with `zx`: more completions than the search expands a word to,
    // so `zx` runs as FTS5's prefix query; `zx00` completes to nine of them, expanded.
    let mut extra = String::from(
        "part_number,brand,type,name,description,unit_price,currency,oem_numbers,fitments,stock\n",
    );
    for n in 1..=80 {
        extra.push_str(&format!(
            "ZX{n:03},Acme,brake-pads,Acme Pads,,100,USD,,Honda|Accord|2003-2004,\n"
        ));
    }
    extra.push_str("CX1,Acme,wiper-blades,Citroën Wiper,,100,USD,,Honda|*|2003,\n");
    import_csv(&app.db, extra.as_bytes(), None).await.unwrap();
    let search = |q: &str| format!("/parts/search?vin={HONDA_2003_VIN}&q={q}&limit=100");
    let many = app.get(&search("zx"), &app.test_key).await.expect(200);
    assert_eq!(many.body["total"], 80);
    let nine = app.get(&search("ZX00"), &app.test_key).await.expect(200);
    assert_eq!(
        part_numbers(&nine.body),
        [
            "ZX001", "ZX002", "ZX003", "ZX004", "ZX005", "ZX006", "ZX007", "ZX008", "ZX009"
        ]
    );
    // Every word is required, each as a prefix.
    let both = app
        .get(&search("acme+zx08"), &app.test_key)
        .await
        .expect(200);
    assert_eq!(part_numbers(&both.body), ["ZX080"]);
    // The index folds diacritics: either spelling, whole or in part, finds the part.
    for q in ["citro%C3%ABn", "citroen", "citro%C3%AB", "citroe"] {
        let found = app.get(&search(q), &app.test_key).await.expect(200);
        assert_eq!(part_numbers(&found.body), ["CX1"], "{q}");
    }
}

#[tokio::test]
async fn makes_and_models_match_whatever_their_case_and_punctuation() {
    let app = TestServer::start().await;
    let catalog = "\
part_number,brand,type,name,description,unit_price,currency,oem_numbers,fitments,stock
MB1,Bosch,brake-pads,Bosch Pads,,100,USD,,Mercedes-Benz|C-Class|2010-2012,
MB2,Bosch,brake-pads,Bosch Pads,,100,USD,,mercedes-benz|E-Class|2010-2012,
SK1,Bosch,brake-pads,Bosch Pads,,100,USD,,Škoda|Octavia Combi|2015,
";
    import_csv(&app.db, catalog.as_bytes(), None).await.unwrap();
    let customer = app.customer("Sarah Chen").await;
    let path = format!("/customers/{}/vehicles", customer["id"].as_str().unwrap());
    for (make, model, year, expected) in [
        ("MERCEDES-BENZ", "c-class", 2011, vec!["MB1"]),
        ("Mercedes-Benz", "E-CLASS", 2012, vec!["MB2"]),
        ("Mercedes-Benz", "C Class", 2011, vec![]),
        ("Škoda", "octavia combi", 2015, vec!["SK1"]),
    ] {
        let body = json!({ "make": make, "model": model, "year": year });
        let vehicle = app.post(&path, &app.test_key, body).await.expect(201).body;
        let reply = app
            .get(
                &format!(
                    "/parts/search?vehicle_id={}",
                    vehicle["id"].as_str().unwrap()
                ),
                &app.test_key,
            )
            .await
            .expect(200);
        assert_eq!(part_numbers(&reply.body), expected, "{make} {model}");
    }
}

#[tokio::test]
async fn a_location_limited_key_sees_its_own_stock_only() {
    let app = app_with_catalog().await;
    let key = app
        .key(Mode::Test, &[Scope::PartsRead], Some(&app.locations[1]))
        .await;
    let reply = app
        .get(
            &format!("/parts/search?vin={HONDA_2003_VIN}&type=brake-pads"),
            &key,
        )
        .await
        .expect(200);
    assert_eq!(
        reply.body["data"][0]["stock"],
        json!([{ "location_id": app.locations[1].as_str(), "quantity": 1 }])
    );
    // Another shop shares the catalog but has no stock of it.
    let rival = app.other_shop_key().await;
    let theirs = app
        .get(
            &format!("/parts/search?vin={HONDA_2003_VIN}&type=brake-pads"),
            &rival,
        )
        .await
        .expect(200);
    assert_eq!(theirs.body["total"], 1);
    assert_eq!(theirs.body["data"][0]["stock"][0]["quantity"], 0);
}

#[tokio::test]
async fn bad_searches_are_4xx() {
    let app = app_with_catalog().await;
    let vehicle = accord_2003(&app).await;
    let cases = [
        // Exactly one of `vin` and `vehicle_id`: a rule between two parameters, documented as
        // the 422 it is.
        ("/parts/search", 422, "vehicle_required", Some("vin")),
        (
            "/parts/search?type=brake-pads",
            422,
            "vehicle_required",
            Some("vin"),
        ),
        (
            &format!("/parts/search?vin={HONDA_2003_VIN}&vehicle_id={vehicle}") as &str,
            422,
            "vehicle_ambiguous",
            Some("vin"),
        ),
        (
            "/parts/search?vin=1HGCM82633A004353",
            422,
            "invalid_vin",
            Some("vin"),
        ),
        (
            "/parts/search?vin=1HGCM82633A00435",
            400,
            "invalid_query",
            Some("vin"),
        ),
        (
            "/parts/search?vehicle_id=veh_nope",
            400,
            "invalid_query",
            Some("vehicle_id"),
        ),
        (
            "/parts/search?vehicle_id=veh_01jd3q9b2cd3e4f5g6h7j8k9m0",
            404,
            "vehicle_not_found",
            Some("vehicle_id"),
        ),
        (
            &format!("/parts/search?vin={HONDA_2003_VIN}&type=brake-pad") as &str,
            404,
            "part_type_not_found",
            Some("type"),
        ),
        (
            &format!("/parts/search?vin={HONDA_2003_VIN}&limit=500") as &str,
            400,
            "invalid_query",
            Some("limit"),
        ),
        ("/parts/search?vin=x&colour=red", 400, "invalid_query", None),
    ];
    for (path, status, code, param) in cases {
        let reply = app
            .get(path, &app.test_key)
            .await
            .expect_error(status, code);
        if let Some(param) = param {
            assert_eq!(
                reply.body["error"]["param"], param,
                "{path}: {}",
                reply.body
            );
        }
    }
    // Punctuation alone has no words to match: no part matches it.
    let nothing = app
        .get(
            &format!("/parts/search?vin={HONDA_2003_VIN}&q=---"),
            &app.test_key,
        )
        .await
        .expect(200);
    assert_eq!(nothing.body["total"], 0);
    let unknown = app
        .get(
            &format!("/parts/search?vin={HONDA_2003_VIN}&type=brake-pad"),
            &app.test_key,
        )
        .await;
    assert!(
        unknown.message().contains("brake-pads"),
        "{}",
        unknown.message()
    );

    // Another shop's vehicle is not found; a vehicle with no make can't be fitted.
    let rival = app.other_shop_key().await;
    app.get(&format!("/parts/search?vehicle_id={vehicle}"), &rival)
        .await
        .expect_error(404, "vehicle_not_found");
    let customer = app.customer("No Make").await;
    let path = format!("/customers/{}/vehicles", customer["id"].as_str().unwrap());
    let bare = app
        .post(&path, &app.test_key, json!({ "color": "red" }))
        .await
        .expect(201);
    app.get(
        &format!(
            "/parts/search?vehicle_id={}",
            bare.body["id"].as_str().unwrap()
        ),
        &app.test_key,
    )
    .await
    .expect_error(422, "vehicle_unidentified");
}

#[tokio::test]
async fn scopes_are_enforced() {
    let app = app_with_catalog().await;
    let no_parts = app.key(Mode::Test, &[Scope::VinDecode], None).await;
    app.get(&format!("/parts/search?vin={HONDA_2003_VIN}"), &no_parts)
        .await
        .expect_error(403, "missing_scope");
    let vehicle = accord_2003(&app).await;
    let parts_only = app.key(Mode::Test, &[Scope::PartsRead], None).await;
    app.get(&format!("/parts/search?vin={HONDA_2003_VIN}"), &parts_only)
        .await
        .expect(200);
    app.get(&format!("/parts/search?vehicle_id={vehicle}"), &parts_only)
        .await
        .expect_error(403, "missing_scope");
}

#[tokio::test]
async fn importing_again_updates_parts_in_place_and_bad_rows_name_their_line() {
    let app = app_with_catalog().await;
    let changed = CATALOG
        .replace("5499,USD", "5799,USD")
        .replace("Honda|Accord|2003-2007,4;1", "Honda|Accord|2004-2007,4;1");
    import_csv(&app.db, changed.as_bytes(), Some(&app.shop))
        .await
        .unwrap();
    let count: i64 = db::query("SELECT COUNT(*) FROM parts")
        .fetch_scalar(&app.db)
        .await
        .unwrap();
    assert_eq!(count, 6);
    let reply = app
        .get(
            &format!("/parts/search?vin={HONDA_2003_VIN}&type=brake-pads"),
            &app.test_key,
        )
        .await
        .expect(200);
    // The Accord pads now start at 2004, so none fit a 2003 Accord.
    assert_eq!(part_numbers(&reply.body), Vec::<&str>::new());

    let bad = "part_number,brand,type,name,description,unit_price,currency,oem_numbers,fitments,stock\n\
               X1,Acme,brake-pads,Pads,,100,USD,,Honda|Accord|2003-2007,\n\
               X2,Acme,brake-pads,Pads,,100,USD,,Honda|Accord|later,\n";
    let err = import_csv(&app.db, bad.as_bytes(), None).await.unwrap_err();
    let message = format!("{err:#}");
    assert!(
        message.contains("line 3") && message.contains("fitments"),
        "{message}"
    );
}

#[tokio::test]
async fn a_part_of_several_makes_is_found_for_each_and_moves_when_imported_again() {
    let app = app_with_catalog().await;
    let shared = "part_number,brand,type,name,description,unit_price,currency,oem_numbers,fitments,stock\n\
                  R1,Denso,radiator,Denso Radiator,,9999,USD,,Honda|Accord|2003-2005;ACURA|TL|2004-2006,\n";
    import_csv(&app.db, shared.as_bytes(), None).await.unwrap();
    let customer = app.customer("Lee Park").await;
    let path = format!("/customers/{}/vehicles", customer["id"].as_str().unwrap());
    let acura = app
        .post(
            &path,
            &app.test_key,
            json!({ "make": "Acura", "model": "TL", "year": 2004 }),
        )
        .await
        .expect(201)
        .body;
    let acura = format!("/parts/search?vehicle_id={}", acura["id"].as_str().unwrap());
    let honda = format!("/parts/search?vehicle_id={}", accord_2003(&app).await);
    let acura_parts = app.get(&acura, &app.test_key).await.expect(200);
    assert_eq!(part_numbers(&acura_parts.body), ["R1"]);
    let honda_parts = app.get(&honda, &app.test_key).await.expect(200);
    assert_eq!(
        part_numbers(&honda_parts.body),
        ["ACT787", "26A", "PH7317", "R1"]
    );
    assert_eq!(honda_parts.body["total"], 4);

    // Now it fits the Acura alone.
    let moved = shared.replace("Honda|Accord|2003-2005;", "");
    import_csv(&app.db, moved.as_bytes(), None).await.unwrap();
    let honda_parts = app.get(&honda, &app.test_key).await.expect(200);
    assert_eq!(part_numbers(&honda_parts.body), ["ACT787", "26A", "PH7317"]);
    let acura_parts = app
        .get(&format!("{acura}&type=radiator"), &app.test_key)
        .await
        .expect(200);
    assert_eq!(part_numbers(&acura_parts.body), ["R1"]);
}

#[tokio::test]
async fn the_sample_catalog_fits_a_decoded_vin() {
    let app = TestServer::start().await;
    let imported = import_csv(&app.db, import::SAMPLE.as_bytes(), Some(&app.shop))
        .await
        .unwrap();
    assert!(imported.parts >= 2000, "{imported:?}");
    let reply = app
        .get(
            &format!("/parts/search?vin={HONDA_2003_VIN}&limit=100"),
            &app.test_key,
        )
        .await
        .expect(200);
    assert!(reply.body["total"].as_i64().unwrap() > 0, "{}", reply.body);
    for part in reply.body["data"].as_array().unwrap() {
        let fits = part["fitments"].as_array().unwrap().iter().any(|f| {
            f["make"] == "Honda"
                && f["year_from"].as_i64().unwrap() <= 2003
                && f["year_to"].as_i64().unwrap() >= 2003
        });
        assert!(fits, "{part}");
    }
}

#[tokio::test]
async fn a_catalog_imported_before_the_fit_tokens_is_indexed_by_their_migration() {
    let pool = sqlx::sqlite::SqlitePoolOptions::new()
        .max_connections(1)
        .connect("sqlite::memory:")
        .await
        .unwrap();
    let mut migrator = sqlx::migrate!("./migrations/sqlite");
    let all = migrator.migrations.clone();
    migrator.migrations = all.iter().filter(|m| m.version < 6).cloned().collect();
    migrator.run(&pool).await.unwrap();
    sqlx::query("INSERT INTO part_types (type) VALUES ('brake-pads')")
        .execute(&pool)
        .await
        .unwrap();
    sqlx::query(
        "INSERT INTO parts (id, brand, part_number, type, name, oem_numbers, fitments)
         VALUES ('prt_01J0000000000000000000000A', 'Akebono', 'ACT787', 'brake-pads',
                 'Front Ceramic Pads', '[{\"brand\":\"Honda\",\"number\":\"45022-SDA-A00\"}]',
                 '[{\"make\":\"Honda\",\"model\":\"Accord\",\"year_from\":2003,\"year_to\":2007}]');",
    )
    .execute(&pool)
    .await
    .unwrap();
    migrator.migrations = all;
    migrator.run(&pool).await.unwrap();

    let matches = |expr: String| {
        let pool = pool.clone();
        async move {
            sqlx::query_scalar::<_, i64>("SELECT rowid FROM parts_fts WHERE parts_fts MATCH ?")
                .bind(expr)
                .fetch_all(&pool)
                .await
                .unwrap()
        }
    };
    let honda = hex::encode("honda");
    let accord = hex::encode("accord");
    let pads = hex::encode("brake-pads");
    let found = matches(format!(
        "fit : \"m{honda}x{accord}t{pads}y2005\" AND text : \"45022\""
    ));
    assert_eq!(found.await, [1]);
    assert_eq!(matches(format!("fit : \"k{honda}y2007\"")).await, [1]);
    assert!(matches(format!("fit : \"k{honda}y2008\"")).await.is_empty());
    let words: Vec<String> = sqlx::query_scalar("SELECT word FROM part_words ORDER BY word")
        .fetch_all(&pool)
        .await
        .unwrap();
    assert_eq!(
        words,
        [
            "45022", "a00", "act787", "akebono", "ceramic", "front", "pads", "sda"
        ]
    );
}

/// PostgreSQL's twin of the test above: a catalog imported before migration 0011 (indexed in
/// 0009's GIN table) is listed in 0011's posting lists by the first start after the upgrade, under
/// the same tokens as SQLite's index, and found by a search. (The SQLite pass of the suite has no
/// PostgreSQL schema to upgrade; `./scripts/test` runs this in its PostgreSQL pass.)
#[tokio::test]
async fn a_postgres_catalog_imported_before_0011_is_listed_at_the_first_start() {
    use vinsnap_server::api::parts::postings;
    use vinsnap_server::api::parts::store::{Criteria, search};
    use vinsnap_server::http::pagination::Page;

    if vinsnap_testkit::database::engine() != db::Engine::Postgres {
        return;
    }
    let database = vinsnap_testkit::TestDatabase::postgres_unmigrated().await;
    let db::Location::Postgres(url) = database.location() else {
        unreachable!("a PostgreSQL database")
    };
    let pool = sqlx::postgres::PgPoolOptions::new()
        .max_connections(1)
        .connect(url)
        .await
        .unwrap();
    let mut migrator = sqlx::migrate!("./migrations/postgres");
    migrator.migrations = (migrator.migrations.iter())
        .filter(|m| m.version < 11)
        .cloned()
        .collect();
    migrator.run(&pool).await.unwrap();
    sqlx::query("INSERT INTO part_types (type) VALUES ('brake-pads')")
        .execute(&pool)
        .await
        .unwrap();
    sqlx::query(
        "INSERT INTO parts (id, brand, part_number, type, name, oem_numbers, fitments)
         VALUES ('prt_01J0000000000000000000000A', 'Akebono', 'ACT787', 'brake-pads', 'Café pads',
                 '[{\"brand\":\"Honda\",\"number\":\"45022\"}]',
                 '[{\"make\":\"Honda\",\"model\":\"Accord\",\"year_from\":2003,\"year_to\":2004},
                   {\"make\":\"ACURA\",\"model\":\"TL\",\"year_from\":2004,\"year_to\":2005},
                   {\"make\":\"Honda\",\"model\":null,\"year_from\":2008,\"year_to\":2008}]')",
    )
    .execute(&pool)
    .await
    .unwrap();
    pool.close().await;

    // Two processes start at once (as `vinsnap-server` opens its database); one lists the
    // catalog, the other waits for it.
    let start = || async {
        let db = db::Db::open(url).await.unwrap();
        postings::backfill(&db).await.unwrap();
        db
    };
    let (db, _second) = tokio::join!(start(), start());

    let (honda, acura, accord, tl, pads) = (
        hex::encode("honda"),
        hex::encode("acura"),
        hex::encode("accord"),
        hex::encode("tl"),
        hex::encode("brake-pads"),
    );
    let mut expected = Vec::new();
    for (vehicles, years) in [
        (
            [format!("k{honda}"), format!("m{honda}x{accord}")],
            2003..=2004,
        ),
        ([format!("k{acura}"), format!("m{acura}x{tl}")], 2004..=2005),
        ([format!("k{honda}"), format!("m{honda}")], 2008..=2008),
    ] {
        for year in years {
            for vehicle in &vehicles {
                expected.push(format!("#{vehicle}y{year}"));
                expected.push(format!("#{vehicle}t{pads}y{year}"));
            }
        }
    }
    for word in ["45022", "act787", "akebono", "cafe", "pads"] {
        expected.push(word.to_owned());
        let letters: Vec<char> = word.chars().collect();
        for n in 1..=3.min(letters.len() - 1) {
            expected.push(format!("{}*", String::from_iter(&letters[..n])));
        }
    }
    expected.sort();
    expected.dedup();
    let pool = db.postgres_pool().unwrap();
    let listed: Vec<String> =
        sqlx::query_scalar("SELECT token FROM part_postings WHERE block = 0 ORDER BY token")
            .fetch_all(pool)
            .await
            .unwrap();
    assert_eq!(listed, expected);
    let pending: i64 = sqlx::query_scalar("SELECT count(*) FROM part_postings_backfill")
        .fetch_one(pool)
        .await
        .unwrap();
    assert_eq!(pending, 0);

    let criteria = Criteria {
        make: "Honda",
        models: &[],
        year: 2008,
        part_type: Some("brake-pads"),
        words: vec!["caf".into()],
    };
    let page = Page::new(None, None);
    assert_eq!(search(&db, &criteria, page).await.unwrap(), (vec![1], 1));
    let criteria = Criteria {
        year: 2009,
        ..criteria
    };
    assert_eq!(search(&db, &criteria, page).await.unwrap(), (vec![], 0));
}

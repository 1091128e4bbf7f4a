//! Parts search through the SDK: the operations table's entry and checked searches by VIN and
//! by vehicle, against the real server's catalogue.

use vinsnap::prelude::*;
use vinsnap::types::{CreateVehicle, FitmentBasis};
use vinsnap::{Client, Error};
use vinsnap_tests::server::TestServer;
use vinsnap_tests::text;

use crate::operations::{Operation, VIN};

/// A small catalog: Honda pads for the Accord and the Civic, a wiper for every Honda, an oil
/// filter for both, and a Toyota part that never fits.
const CATALOG: &str = "\
part_number,brand,type,name,description,unit_price,currency,oem_numbers,fitments,stock
ACT787,Akebono,brake-pads,Akebono Front Ceramic Brake Pad Set,Low dust,5499,USD,Honda:45022-SDA-A00,Honda|Accord|2003-2007,4;1
QC905,Wagner,brake-pads,Wagner Front Brake Pads,Semi-metallic,3999,USD,Honda:45022-S5A-J10,Honda|Civic|2001-2005,0;2
26A,Bosch,wiper-blades,Bosch ICON Wiper Blade,Beam blade,2499,USD,,Honda|*|2000-2010,7;0
D908,Raybestos,brake-pads,Raybestos Element3 Ceramic Pads,,4599,USD,Toyota:04465-AA010,Toyota|Camry|2002-2006,3;3
PH7317,Fram,oil-filter,Fram Extra Guard Oil Filter,Spin-on,699,USD,Honda:15400-PLM-A02,Honda|Accord|1998-2011;Honda|Civic|2001-2011,12;0
";

pub(crate) fn operations() -> Vec<(&'static str, Operation)> {
    vec![("search_parts", |c, a| {
        Box::pin(async move {
            c.search_parts()
                .vehicle_id(a.vehicle.as_str())
                .limit(a.limit)
                .send()
                .await?;
            Ok(())
        })
    })]
}

pub(crate) async fn happy_path(server: &TestServer, client: &Client) {
    server.import_parts(CATALOG).await;

    // By VIN: the decoded make, model (vPIC: a 2003 Honda Accord) and year narrow the catalogue.
    let pads = client
        .search_parts()
        .vin(VIN)
        .type_("brake-pads")
        .send()
        .await
        .expect("search_parts by VIN");
    assert_eq!(pads.fitment_basis, FitmentBasis::MakeModelYear);
    assert_eq!(
        (
            pads.vehicle.make.as_str(),
            pads.vehicle.model.as_deref(),
            pads.vehicle.year
        ),
        ("Honda", Some("Accord"), 2003)
    );
    let numbers: Vec<&str> = pads.data.iter().map(|p| p.part_number.as_str()).collect();
    assert_eq!(numbers, ["ACT787"], "the Accord's pads, not the Civic's");
    assert_eq!(pads.total, 1);
    for part in &pads.data {
        assert_eq!(part.type_, "brake-pads", "{part:?}");
        assert!(part.id.starts_with("prt_"));
        assert!(part.fitments.iter().any(|f| f.make == "Honda"), "{part:?}");
    }

    // By vehicle: its stored model narrows the same way, and the answer names the vehicle.
    let customer = crate::operations::customer(client, "Lee Park").await;
    let vehicle = client
        .create_vehicle()
        .id(customer)
        .body(
            CreateVehicle::builder()
                .make(Some(text("Honda")))
                .model(Some(text("Accord")))
                .year(Some(2003)),
        )
        .send()
        .await
        .expect("create_vehicle")
        .into_inner()
        .id;
    let fitting = client
        .search_parts()
        .vehicle_id(vehicle.clone())
        .limit(2)
        .send()
        .await
        .expect("search_parts by vehicle");
    assert_eq!(fitting.fitment_basis, FitmentBasis::MakeModelYear);
    assert_eq!(fitting.vehicle.vehicle_id.as_ref(), Some(&vehicle));
    // ACT787, 26A and PH7317 fit; a page of two says there is more.
    assert_eq!(
        (fitting.data.len(), fitting.total, fitting.has_more),
        (2, 3, true)
    );
    for part in &fitting.data {
        assert!(
            ["ACT787", "26A", "PH7317"].contains(&part.part_number.as_str()),
            "{part:?}"
        );
        assert_eq!(
            part.stock.len(),
            server.locations.len(),
            "stock per location"
        );
    }

    // A VIN the spec refuses never leaves the client; one of the right shape whose check digit
    // is wrong is the server's typed 422 naming the parameter.
    let refused = Error::from(client.search_parts().vin("123").send().await.unwrap_err());
    assert!(matches!(refused, Error::InvalidRequest(_)), "{refused}");
    let error = Error::from(
        client
            .search_parts()
            .vin("1HGCM82643A004352")
            .send()
            .await
            .unwrap_err(),
    );
    assert_eq!(error.status(), Some(422));
    assert_eq!(error.code(), Some("invalid_vin"), "{error}");
    assert_eq!(error.api().and_then(|e| e.param.as_deref()), Some("vin"));
    assert!(error.request_id().is_some_and(|id| id.starts_with("req_")));
}

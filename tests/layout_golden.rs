//! Golden layouts: the sample feed laid out on every built-in skin and device size (with the
//! deterministic measurer), compared with `tests/golden/layouts.jsonl`, one line per card. A
//! change to the layout engine shows as a reviewable diff of that file:
//!
//! ```sh
//! GLANCE_UPDATE_GOLDEN=1 cargo test --test layout_golden   # rewrite it, then review the diff
//! ```

use glance_renderer::core::feed::{parse_feed, Limits};
use glance_renderer::core::layout::text::FixedAdvance;
use glance_renderer::core::layout::{layout_card, Device, DEVICE_PRESETS};
use glance_renderer::core::ui::skin::{Skin, BUILTIN};
use glance_renderer::core::values::JsonText;
use serde_json::Value;

mod support {
    pub mod icu;
}
use support::icu::Icu;

/// Numbers to 0.1, so the file reads well and does not churn on the last bit of a float.
fn rounded(v: Value) -> Value {
    match v {
        Value::Number(n) => n
            .as_f64()
            .and_then(|f| serde_json::Number::from_f64((f * 10.0).round() / 10.0))
            .map_or(Value::Number(n), Value::Number),
        Value::Array(items) => Value::Array(items.into_iter().map(rounded).collect()),
        Value::Object(map) => {
            Value::Object(map.into_iter().map(|(k, v)| (k, rounded(v))).collect())
        }
        other => other,
    }
}

fn render() -> String {
    let sample = include_str!("../www/feeds/sample.json");
    let limits = Limits {
        deep_link_schemes: vec!["glance".into()],
        ..Limits::default()
    };
    let cards = parse_feed(sample, &limits).expect("valid").cards;
    let mut measure = FixedAdvance::default();
    let mut out = String::new();
    for (skin_name, _) in BUILTIN {
        let skin = Skin::builtin(skin_name).expect("built-in");
        for (device_name, w, h) in DEVICE_PRESETS {
            for card in &cards {
                let layout = layout_card(card, &skin, &Device::new(w, h), &mut measure, &mut Icu);
                let mut line = serde_json::Map::new();
                line.insert("skin".into(), skin_name.into());
                line.insert("device".into(), device_name.into());
                line.insert("card".into(), card.id.clone().into());
                line.insert(
                    "layout".into(),
                    rounded(serde_json::from_str(&JsonText::of(&layout)).expect("JSON")),
                );
                out.push_str(&serde_json::to_string(&line).expect("serializable"));
                out.push('\n');
            }
        }
    }
    out
}

#[test]
fn layouts_match_the_golden_file() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/layouts.jsonl");
    let now = render();
    if std::env::var_os("GLANCE_UPDATE_GOLDEN").is_some() {
        std::fs::write(path, &now).expect("write the golden file");
        return;
    }
    let golden = std::fs::read_to_string(path)
        .expect("tests/golden/layouts.jsonl exists; create it with GLANCE_UPDATE_GOLDEN=1");
    for (i, (want, got)) in golden.lines().zip(now.lines()).enumerate() {
        assert_eq!(
            got,
            want,
            "layout {} differs from the golden file (line {})",
            i + 1,
            i + 1
        );
    }
    assert_eq!(
        now.lines().count(),
        golden.lines().count(),
        "number of layouts"
    );
}

/// The preview's gallery and `npm run snapshots` read the device presets from
/// `www/devices.json`; the layout engine checks the same list.
#[test]
fn the_page_offers_the_device_presets_the_layout_is_checked_on() {
    let page: Vec<Value> =
        serde_json::from_str(include_str!("../www/devices.json")).expect("devices.json is JSON");
    let listed: Vec<(String, f64, f64)> = page
        .iter()
        .map(|d| {
            (
                d["name"].as_str().expect("a name").to_string(),
                d["width"].as_f64().expect("a width"),
                d["height"].as_f64().expect("a height"),
            )
        })
        .collect();
    let engine: Vec<(String, f64, f64)> = DEVICE_PRESETS
        .iter()
        .map(|&(name, w, h)| (name.to_string(), f64::from(w), f64::from(h)))
        .collect();
    assert_eq!(listed, engine);
}

/// The gallery shows the skins listed in `www/skins.json`: every built-in one, in the
/// renderer's order.
#[test]
fn the_gallery_lists_every_builtin_skin() {
    let page: Vec<Value> =
        serde_json::from_str(include_str!("../www/skins.json")).expect("skins.json is JSON");
    let listed: Vec<&str> = page
        .iter()
        .map(|s| s["name"].as_str().expect("a name"))
        .collect();
    let builtin: Vec<&str> = BUILTIN.iter().map(|(name, _)| *name).collect();
    assert_eq!(listed, builtin);
}

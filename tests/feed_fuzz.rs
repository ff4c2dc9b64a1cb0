//! Fuzzing feed parsing and validation (issue 8) as a property test that runs in `npm test`
//! with a fixed seed: every run sees the same inputs, and a failure names the case to replay.
//!
//! Two generators: mutations of real feeds (the sample, and cards built to hit each rule),
//! which keep most of the structure and break a little of it; and feeds assembled from
//! card-shaped objects whose fields get values of every JSON type, odd strings and URLs. The
//! property: `parse_feed` and `Skin::from_json` return, never panic, and what they accept
//! obeys the limits.

use glance_renderer::core::feed::json::Json;
use glance_renderer::core::feed::{parse_feed, Limits};
use glance_renderer::core::ui::skin::Skin;

mod support {
    pub mod rng;
}
use support::rng::Rng;

const SAMPLE: &str = include_str!("../www/feeds/sample.json");
const SKIN: &str = include_str!("../www/skins/generic.json");

/// Pieces that JSON, the validators and the browser care about.
const PIECES: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "\\",
    "\\u0000",
    "\\ud800",
    "\\udfff",
    "\\u202e",
    "null",
    "true",
    "-0",
    "1e400",
    "-1e-400",
    "18446744073709551616",
    "0.5",
    "NaN",
    "\u{0}",
    "\u{feff}",
    "\u{202e}",
    "\u{1f600}",
    "\u{301}",
    "ा",
    "\n",
    "\t",
    " ",
    "javascript:",
    "https://",
    "//",
    "data:",
    "http://",
    "glance://",
    "#",
    "%00",
    "<script>",
    "</",
    "&lt;",
    "\"id\"",
    "\"cards\"",
    "\"version\"",
    "\"media\"",
    "\"cta\"",
    "\"lang\"",
    "\"kind\"",
    "\"title\"",
    "\"score\"",
    "\"starts_at\"",
    "\"expires_at\"",
    "2026-02-30T00:00:00Z",
    "9999-12-31T23:59:59Z",
];

/// One random edit of `text`, on character boundaries (the input is always a `&str`).
fn mutate(text: &str, rng: &mut Rng) -> String {
    let chars: Vec<char> = text.chars().collect();
    let at = rng.below(chars.len() + 1);
    let len = rng.below(16).min(chars.len() - at.min(chars.len()));
    let mut out: Vec<char> = chars[..at].to_vec();
    match rng.below(7) {
        // Delete a run.
        0 => out.extend(&chars[at + len..]),
        // Insert a piece.
        1 => {
            out.extend(rng.pick(PIECES).chars());
            out.extend(&chars[at..]);
        }
        // Replace a run with a piece.
        2 => {
            out.extend(rng.pick(PIECES).chars());
            out.extend(&chars[at + len..]);
        }
        // Duplicate a run.
        3 => {
            out.extend(&chars[at..at + len]);
            out.extend(&chars[at..]);
        }
        // Cut the text short.
        4 => {}
        // Wrap what follows in deep nesting.
        5 => {
            let depth = rng.below(300);
            out.extend(std::iter::repeat_n('[', depth));
            out.extend(&chars[at..]);
            out.extend(std::iter::repeat_n(']', rng.below(depth + 1)));
        }
        // A long run of one character.
        _ => {
            out.extend(std::iter::repeat_n(
                *rng.pick(&['a', 'ा', '"', '0']),
                rng.below(5_000),
            ));
            out.extend(&chars[at..]);
        }
    }
    out.into_iter().collect()
}

/// A JSON value of any type, some of them card-like.
fn value(rng: &mut Rng, depth: usize) -> String {
    match rng.below(if depth > 3 { 6 } else { 9 }) {
        0 => "null".into(),
        1 => (*rng.pick(&["true", "false"])).into(),
        2 => (*rng.pick(&["0", "-1", "1.5", "1e308", "4294967296", "-0"])).into(),
        3..=5 => format!(
            "\"{}\"",
            rng.pick(&[
                "",
                " ",
                "x",
                "hi-IN",
                "ur",
                "zz-Qaaa-999",
                "news",
                "video",
                "live",
                "https://example.com/a.jpg",
                "media/a.jpg",
                "javascript:alert(1)",
                "JaVaScRiPt:alert(1)",
                "java\\tscript:alert(1)",
                "https://user@evil.example/",
                "//evil.example/x.jpg",
                "data:text/html,<script>alert(1)</script>",
                "glance://open/1",
                "\\u202ehttps://x",
                "<img src=x onerror=alert(1)>",
                "#zzz",
                "#fff",
                "2026-11-25T14:00:00Z",
                "9999-99-99T99:99:99Z",
            ])
        ),
        6 => format!("[{}]", value(rng, depth + 1)),
        7 => card(rng, depth + 1),
        _ => format!(
            "{{\"x\":{},\"type\":{}}}",
            value(rng, depth + 1),
            value(rng, depth + 1)
        ),
    }
}

/// An object with the fields of a card, each given a random value (or left out).
fn card(rng: &mut Rng, depth: usize) -> String {
    const FIELDS: &[&str] = &[
        "id",
        "kind",
        "lang",
        "title",
        "summary",
        "media",
        "source",
        "cta",
        "score",
        "starts_at",
        "expires_at",
        "motion",
        "advance_after_ms",
        "type",
        "src",
        "url",
        "label",
        "unlock",
        "poster",
        "focus",
        "color",
        "width",
        "height",
        "name",
        "logo",
        "home",
        "away",
        "status",
    ];
    let mut members = Vec::new();
    for f in FIELDS {
        if rng.below(3) > 0 {
            members.push(format!("\"{f}\":{}", value(rng, depth + 1)));
        }
    }
    format!("{{{}}}", members.join(","))
}

fn check_feed(text: &str, limits: &Limits, case: &str) {
    if let Ok(feed) = parse_feed(text, limits) {
        assert!(feed.cards.len() <= limits.max_cards, "{case}");
        for c in &feed.cards {
            assert!(!c.id.trim().is_empty(), "{case}: empty id accepted");
            assert!(c.title.chars().count() <= limits.max_title_chars, "{case}");
            if let Some(cta) = &c.cta {
                assert!(
                    cta.url.starts_with("https://") || cta.url.starts_with("glance:"),
                    "{case}: {} accepted",
                    cta.url
                );
            }
        }
        let count = match Json::parse(text).ok().and_then(|j| j.get("cards").cloned()) {
            Some(Json::Array(items)) => items.len(),
            _ => 0,
        };
        for r in &feed.rejections {
            assert!(
                r.index < count,
                "{case}: rejection index {} of {count}",
                r.index
            );
            assert!(!r.reason.is_empty() && !r.field.is_empty(), "{case}");
        }
    }
}

/// The limits of the generic skin (which allows `glance:` deep links).
fn limits() -> Limits {
    Limits {
        deep_link_schemes: vec!["glance".into()],
        ..Limits::default()
    }
}

#[test]
fn mutated_feeds_and_skins_never_panic() {
    let limits = limits();
    let mut rng = Rng(0x5eed_feed_0000_0001);
    let mut accepted = 0;
    for case in 0..6_000 {
        let mut text = SAMPLE.to_string();
        for _ in 0..1 + rng.below(4) {
            text = mutate(&text, &mut rng);
        }
        check_feed(&text, &limits, &format!("sample mutation {case}"));
        accepted += usize::from(parse_feed(&text, &limits).is_ok());
        let skin = mutate(SKIN, &mut rng);
        let _ = Skin::from_json(&skin);
    }
    // The mutations keep enough structure to reach the validators, not just the JSON reader.
    assert!(accepted > 400, "{accepted} of 6000 mutated feeds parsed");
}

#[test]
fn generated_cards_never_panic() {
    let limits = limits();
    let mut rng = Rng(0x5eed_feed_0000_0002);
    let mut rejected = 0;
    for case in 0..4_000 {
        let cards: Vec<String> = (0..1 + rng.below(6)).map(|_| card(&mut rng, 0)).collect();
        let text = format!("{{\"version\":1,\"cards\":[{}]}}", cards.join(","));
        check_feed(&text, &limits, &format!("generated {case}: {text}"));
        if let Ok(feed) = parse_feed(&text, &limits) {
            rejected += feed.rejections.len();
        }
    }
    assert!(
        rejected > 1_000,
        "the generator reaches the rules ({rejected} rejections)"
    );
}

/// Texts for the reader tests: mutations of the sample and generated feeds, as above.
fn texts(seed: u64, n: usize) -> Vec<String> {
    let mut rng = Rng(seed);
    (0..n)
        .map(|i| {
            if i % 2 == 0 {
                let mut text = SAMPLE.to_string();
                for _ in 0..1 + rng.below(4) {
                    text = mutate(&text, &mut rng);
                }
                text
            } else {
                let cards: Vec<String> = (0..1 + rng.below(4)).map(|_| card(&mut rng, 0)).collect();
                let mut text = format!("{{\"version\":1,\"cards\":[{}]}}", cards.join(","));
                for _ in 0..rng.below(3) {
                    text = mutate(&text, &mut rng);
                }
                text
            }
        })
        .collect()
}

/// The reader's tree as serde_json's, numbers read by serde_json from their text.
fn to_serde(value: &Json) -> serde_json::Value {
    use serde_json::Value;
    match value {
        Json::Null => Value::Null,
        Json::Bool(b) => Value::Bool(*b),
        Json::Number(n) => serde_json::from_str(n).expect("a number the reader accepted"),
        Json::String(s) => Value::String(s.clone()),
        Json::Array(items) => Value::Array(items.iter().map(to_serde).collect()),
        // Inserted in order: the last of a repeated key wins, in both readers.
        Json::Object(members) => Value::Object(
            members
                .iter()
                .map(|(k, v)| (k.clone(), to_serde(v)))
                .collect(),
        ),
    }
}

/// The differential test against serde_json: both accept the same texts and read the same
/// values. The known differences, by design: serde_json refuses a number beyond f64's range
/// (`1e400`), which the reader keeps as text (a feed field then reports it as out of range).
#[test]
fn the_reader_agrees_with_serde_json() {
    let mut compared = 0;
    let mut accepted = 0;
    for (case, text) in texts(0x5eed_feed_0000_0003, 6_000).iter().enumerate() {
        let ours = Json::parse(text);
        let theirs: Result<serde_json::Value, _> = serde_json::from_str(text);
        match (&ours, &theirs) {
            (Ok(a), Ok(b)) => {
                assert_eq!(&to_serde(a), b, "case {case}: {text}");
                accepted += 1;
            }
            (Err(_), Err(_)) => {}
            (Ok(_), Err(e)) if e.to_string().starts_with("number out of range") => {}
            _ => panic!(
                "case {case}: the reader says {:?}, serde_json {:?}: {text}",
                ours.as_ref().err(),
                theirs.as_ref().err().map(ToString::to_string)
            ),
        }
        compared += 1;
    }
    assert_eq!(compared, 6_000);
    assert!(
        accepted > 1_000,
        "{accepted} accepted: the texts reach the values"
    );
}

/// Values in a tree, as the budget counts them.
fn values(json: &Json) -> usize {
    1 + match json {
        Json::Array(items) => items.iter().map(values).sum(),
        Json::Object(members) => members.iter().map(|(_, v)| values(v)).sum(),
        _ => 0,
    }
}

/// The streaming reader that `parse_feed` uses agrees with the tree reader: the same errors at
/// the same places, the same items of the last `cards` array, the same other members; and with
/// a budget, exactly the items with more values than it are dropped.
#[test]
fn the_streaming_reader_agrees_with_the_tree_reader() {
    use glance_renderer::core::feed::json::{read_document, Item};
    for (case, text) in texts(0x5eed_feed_0000_0004, 6_000).iter().enumerate() {
        let budget = [usize::MAX, 8, 40][case % 3];
        let mut items: Vec<Option<Json>> = Vec::new();
        let streamed = read_document(text, "cards", usize::MAX, budget, |index, item| {
            if index == 0 {
                items.clear();
            }
            items.push(match item {
                Item::Value(v) => Some(v),
                Item::TooLarge => None,
            });
        });
        let tree = Json::parse(text);
        let (doc, tree) = match (streamed, tree) {
            (Err(a), Err(b)) => {
                assert_eq!(a, b, "case {case}: {text}");
                continue;
            }
            (Ok(doc), Ok(tree)) => (doc, tree),
            (a, b) => panic!("case {case}: {a:?} vs {b:?}: {text}"),
        };
        let Json::Object(members) = &tree else {
            assert!(!doc.is_object, "case {case}");
            continue;
        };
        let cards = tree.get("cards");
        assert_eq!(
            doc.has_array,
            matches!(cards, Some(Json::Array(_))),
            "case {case}"
        );
        if let Some(Json::Array(want)) = cards {
            assert_eq!(doc.items, want.len(), "case {case}");
            for (got, want) in items.iter().zip(want) {
                match got {
                    Some(v) => assert_eq!(v, want, "case {case}"),
                    None => assert!(values(want) > budget, "case {case}: dropped within budget"),
                }
                if budget == usize::MAX {
                    assert!(got.is_some(), "case {case}");
                }
            }
        }
        if budget == usize::MAX {
            let others: Vec<&(String, Json)> = members
                .iter()
                .filter(|(k, v)| k != "cards" || !doc.has_array || !matches!(v, Json::Array(_)))
                .collect();
            for key in ["version", "x"] {
                assert_eq!(
                    doc.members.get(key),
                    others.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
                    "case {case}: {key}"
                );
            }
        }
    }
}

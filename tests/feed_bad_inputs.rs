//! Feed v1 against bad input: each case asserts the exact report a content team would see.
//!
//! Every card case puts the bad card between two good ones, so each also checks that the good
//! cards survive and that the report points at the right card.

use glance_renderer::core::feed::{parse_feed, FeedError, Limits, Rejection};
use serde_json::{json, Value};

fn limits() -> Limits {
    Limits {
        deep_link_schemes: vec!["glance".into()],
        ..Limits::default()
    }
}

fn good(id: &str) -> Value {
    json!({
        "id": id,
        "kind": "news",
        "lang": "en",
        "title": "A good card",
        "source": { "name": "Desk" }
    })
}

fn image(id: &str) -> Value {
    json!({
        "id": id,
        "kind": "image",
        "lang": "hi",
        "title": "तस्वीर",
        "media": { "type": "image", "src": "media/a.jpg" }
    })
}

/// Applies `edit` to a copy of `base` (JSON-pointer path → new value, `null` removes).
fn with(mut base: Value, edits: &[(&str, Value)]) -> Value {
    for (pointer, value) in edits {
        let (parent, key) = pointer.rsplit_once('/').expect("pointer has a slash");
        let target = base.pointer_mut(parent).expect("parent exists");
        let obj = target.as_object_mut().expect("parent is an object");
        if value.is_null() {
            obj.remove(key);
        } else {
            obj.insert(key.to_string(), value.clone());
        }
    }
    base
}

fn rejection(id: Option<&str>, field: &str, reason: &str) -> Rejection {
    Rejection {
        index: 1,
        id: id.map(str::to_string),
        field: field.into(),
        reason: reason.into(),
    }
}

/// Runs one bad card between two good ones and returns its rejections.
fn report(bad: Value) -> Vec<Rejection> {
    let feed = json!({ "version": 1, "cards": [good("first"), bad, good("last")] });
    let parsed = parse_feed(&feed.to_string(), &limits()).expect("the feed itself is valid");
    let ids: Vec<_> = parsed.cards.iter().map(|c| c.id.as_str()).collect();
    assert!(
        ids.starts_with(&["first"]) && ids.ends_with(&["last"]),
        "good cards kept: {ids:?}"
    );
    parsed.rejections
}

#[test]
fn bad_cards_are_rejected_alone_with_the_exact_reason() {
    let big = "x".repeat(1024 * 1024);
    let scheme_link = |s: &str| {
        format!("uses the scheme \"{s}:\"; allowed: \"https:\" or a deep-link scheme of the skin")
    };
    let scheme_media =
        |s: &str| format!("uses the scheme \"{s}:\"; allowed: \"https:\" or a relative path");
    let cases: Vec<(&str, Value, Vec<Rejection>)> = vec![
        ("id missing", with(good("x"), &[("/id", Value::Null)]), vec![rejection(None, "id", "is missing")]),
        ("id not a string", with(good("x"), &[("/id", json!(42))]), vec![rejection(None, "id", "must be a string, not a number")]),
        ("id empty", with(good("x"), &[("/id", json!(""))]), vec![rejection(None, "id", "is empty")]),
        ("id too long", with(good("x"), &[("/id", json!("i".repeat(129)))]), vec![rejection(None, "id", "is 129 characters long; at most 128")]),
        ("id with a control character", with(good("x"), &[("/id", json!("a\u{7}b"))]), vec![rejection(Some("a\u{7}b"), "id", "contains the control character U+0007")]),
        ("duplicate id", good("first"), vec![rejection(Some("first"), "id", "duplicates the id of card 0")]),
        ("unknown kind", with(good("x"), &[("/kind", json!("podcast"))]), vec![rejection(Some("x"), "kind", "must be one of image, video, news, sports, sponsored; found \"podcast\"")]),
        ("kind missing", with(good("x"), &[("/kind", Value::Null)]), vec![rejection(Some("x"), "kind", "is missing")]),
        ("lang malformed", with(good("x"), &[("/lang", json!("hi_IN"))]), vec![rejection(Some("x"), "lang", "must be a BCP 47 language tag such as \"hi\" or \"ur-PK\"; found \"hi_IN\"")]),
        ("lang missing", with(good("x"), &[("/lang", Value::Null)]), vec![rejection(Some("x"), "lang", "is missing")]),
        ("title missing", with(good("x"), &[("/title", Value::Null)]), vec![rejection(Some("x"), "title", "is missing")]),
        ("title an array", with(good("x"), &[("/title", json!(["a"]))]), vec![rejection(Some("x"), "title", "must be a string, not an array")]),
        ("title blank", with(good("x"), &[("/title", json!(" \n\t "))]), vec![rejection(Some("x"), "title", "is empty")]),
        ("1 MB title", with(good("x"), &[("/title", json!(big))]), vec![rejection(Some("x"), "title", "is 1048576 characters long; at most 300")]),
        ("summary too long", with(good("x"), &[("/summary", json!("s".repeat(1001)))]), vec![rejection(Some("x"), "summary", "is 1001 characters long; at most 1000")]),
        ("javascript: link", with(good("x"), &[("/cta", json!({"label": "Go", "url": "javascript:alert(1)"}))]), vec![rejection(Some("x"), "cta.url", &scheme_link("javascript"))]),
        ("http: link", with(good("x"), &[("/cta", json!({"label": "Go", "url": "http://example.com"}))]), vec![rejection(Some("x"), "cta.url", &scheme_link("http"))]),
        ("data: link", with(good("x"), &[("/cta", json!({"label": "Go", "url": "data:text/html,<script>alert(1)</script>"}))]), vec![rejection(Some("x"), "cta.url", &scheme_link("data"))]),
        ("smuggled javascript: link", with(good("x"), &[("/cta", json!({"label": "Go", "url": "java\tscript:alert(1)"}))]), vec![rejection(Some("x"), "cta.url", "contains white space, a control character or a backslash")]),
        ("deep link not on the skin's list", with(good("x"), &[("/cta", json!({"label": "Go", "url": "intent://scan#Intent;end"}))]), vec![rejection(Some("x"), "cta.url", &scheme_link("intent"))]),
        ("cta without label", with(good("x"), &[("/cta", json!({"url": "https://example.com"}))]), vec![rejection(Some("x"), "cta.label", "is missing")]),
        ("cta.unlock not a boolean", with(good("x"), &[("/cta", json!({"label": "Go", "url": "https://example.com", "unlock": "yes"}))]), vec![rejection(Some("x"), "cta.unlock", "must be true or false, not a string")]),
        ("javascript: media", with(image("x"), &[("/media/src", json!("javascript:alert(1)"))]), vec![rejection(Some("x"), "media.src", &scheme_media("javascript"))]),
        ("http: media", with(image("x"), &[("/media/src", json!("http://cdn.example.com/a.jpg"))]), vec![rejection(Some("x"), "media.src", &scheme_media("http"))]),
        ("protocol-relative media", with(image("x"), &[("/media/src", json!("//cdn.example.com/a.jpg"))]), vec![rejection(Some("x"), "media.src", "is protocol-relative (starts with //)")]),
        ("image card without media", with(image("x"), &[("/media", Value::Null)]), vec![rejection(Some("x"), "media", "is missing")]),
        ("image card with a video", with(image("x"), &[("/media/type", json!("video"))]), vec![rejection(Some("x"), "media.type", "must be \"image\" on an image card")]),
        ("focus outside the picture", with(image("x"), &[("/media/focus", json!({"x": 2, "y": 0.5}))]), vec![rejection(Some("x"), "media.focus.x", "must be a number from 0 to 1")]),
        ("colour not hex", with(image("x"), &[("/media/color", json!("red"))]), vec![rejection(Some("x"), "media.color", "must be #rgb or #rrggbb; found \"red\"")]),
        ("width not a whole number", with(image("x"), &[("/media/width", json!(1.5))]), vec![rejection(Some("x"), "media.width", "must be a whole number of pixels from 1 to 16384")]),
        ("sports card without score", with(good("x"), &[("/kind", json!("sports"))]), vec![rejection(Some("x"), "score", "is missing")]),
        ("unknown match status", with(good("x"), &[("/kind", json!("sports")), ("/score", json!({"home": {"name": "A", "score": "1"}, "away": {"name": "B", "score": "0"}, "status": "halftime"}))]), vec![rejection(Some("x"), "score.status", "must be one of scheduled, live, final; found \"halftime\"")]),
        ("team without name", with(good("x"), &[("/kind", json!("sports")), ("/score", json!({"home": {"score": "1"}, "away": {"name": "B", "score": "0"}, "status": "live"}))]), vec![rejection(Some("x"), "score.home.name", "is missing")]),
        ("news without source", with(good("x"), &[("/source", Value::Null)]), vec![rejection(Some("x"), "source", "is missing")]),
        ("sponsored without sponsor", with(good("x"), &[("/kind", json!("sponsored")), ("/source", Value::Null)]), vec![rejection(Some("x"), "source", "is missing")]),
        ("sponsor name blank", with(good("x"), &[("/kind", json!("sponsored")), ("/source", json!({"name": ""}))]), vec![rejection(Some("x"), "source.name", "is empty")]),
        ("http: logo", with(good("x"), &[("/source/logo", json!("http://x.example/l.png"))]), vec![rejection(Some("x"), "source.logo", &scheme_media("http"))]),
        ("start not a date", with(good("x"), &[("/starts_at", json!("tomorrow"))]), vec![rejection(Some("x"), "starts_at", "must be an RFC 3339 date-time such as 2026-11-25T14:00:00Z; found \"tomorrow\"")]),
        ("expiry before start", with(good("x"), &[("/starts_at", json!("2026-11-25T14:00:00Z")), ("/expires_at", json!("2026-11-25T13:00:00Z"))]), vec![rejection(Some("x"), "expires_at", "must be later than starts_at")]),
        ("unknown motion", with(good("x"), &[("/motion", json!("sparkle"))]), vec![rejection(Some("x"), "motion", "must be one of none, ken-burns, fade-in, fly-in-bottom, zoom-in; found \"sparkle\"")]),
        ("card is a string", json!("<img src=x onerror=alert(1)>"), vec![rejection(None, "card", "must be an object, not a string")]),
        ("card is null", Value::Null, vec![rejection(None, "card", "must be an object, not null")]),
        (
            "several problems, all reported in field order",
            with(image("x"), &[("/lang", json!("??")), ("/media/src", json!("http://a.example/b.jpg")), ("/cta", json!({"label": "Go", "url": "javascript:0"}))]),
            vec![
                rejection(Some("x"), "lang", "must be a BCP 47 language tag such as \"hi\" or \"ur-PK\"; found \"??\""),
                rejection(Some("x"), "media.src", &scheme_media("http")),
                rejection(Some("x"), "cta.url", &scheme_link("javascript")),
            ],
        ),
    ];
    assert!(cases.len() >= 30, "at least 30 distinct bad cards");
    for (name, bad, want) in cases {
        assert_eq!(report(bad), want, "{name}");
    }
}

#[test]
fn html_in_text_is_kept_as_text() {
    let title = "<img src=x onerror=alert(1)><b>Breaking</b> &amp; <script>alert(2)</script>";
    let feed = json!({ "version": 1, "cards": [with(good("x"), &[("/title", json!(title)), ("/summary", json!("<i>hi</i>"))])] });
    let parsed = parse_feed(&feed.to_string(), &limits()).expect("valid");
    assert!(parsed.rejections.is_empty());
    assert_eq!(
        parsed.cards[0].title, title,
        "stored verbatim; the DOM layer writes it as text"
    );
}

#[test]
fn unknown_fields_are_ignored() {
    let feed = json!({ "version": 1, "future": true, "cards": [with(good("x"), &[("/reactions", json!({"likes": 3}))])] });
    let parsed = parse_feed(&feed.to_string(), &limits()).expect("valid");
    assert_eq!((parsed.cards.len(), parsed.rejections.len()), (1, 0));
}

#[test]
fn start_and_expiry_windows_hide_cards_without_errors() {
    let cards = vec![
        with(
            good("expired"),
            &[("/expires_at", json!("2026-11-25T10:00:00Z"))],
        ),
        with(
            good("later"),
            &[("/starts_at", json!("2026-11-25T18:00:00Z"))],
        ),
        with(
            good("now"),
            &[
                ("/starts_at", json!("2026-11-25T10:00:00Z")),
                ("/expires_at", json!("2026-11-25T14:00:00.001Z")),
            ],
        ),
        with(
            good("ends-exactly-now"),
            &[("/expires_at", json!("2026-11-25T14:00:00Z"))],
        ),
        good("always"),
    ];
    let parsed = parse_feed(
        &json!({"version": 1, "cards": cards}).to_string(),
        &limits(),
    )
    .expect("valid");
    assert!(parsed.rejections.is_empty());
    let now =
        glance_renderer::core::time::parse_rfc3339("2026-11-25T14:00:00Z").expect("valid date");
    let live: Vec<_> = parsed.live_at(now).into_iter().map(|c| c.id).collect();
    assert_eq!(live, ["now", "always"]);
}

#[test]
fn a_bad_feed_is_refused_whole_with_the_reason() {
    let big = format!(
        "{{\"version\":1,\"cards\":[],\"pad\":\"{}\"}}",
        "p".repeat(8 * 1024 * 1024)
    );
    let cases: Vec<(&str, String, FeedError)> = vec![
        (
            "truncated JSON",
            r#"{"version":1,"cards":[{"id":"a""#.into(),
            FeedError::Json {
                line: 1,
                column: 32,
                message: "EOF while parsing an object".into(),
            },
        ),
        (
            "not JSON",
            "<html>".into(),
            FeedError::Json {
                line: 1,
                column: 1,
                message: "expected value".into(),
            },
        ),
        (
            "empty text",
            "".into(),
            FeedError::Json {
                line: 1,
                column: 1,
                message: "EOF while parsing a value".into(),
            },
        ),
        (
            "trailing garbage",
            r#"{"version":1,"cards":[]} x"#.into(),
            FeedError::Json {
                line: 1,
                column: 26,
                message: "trailing characters".into(),
            },
        ),
        (
            "nested 100,000 deep",
            format!("{{\"version\":1,\"cards\":{}", "[".repeat(100_000)),
            FeedError::Json {
                line: 1,
                column: 149,
                message: "nesting deeper than 128 levels".into(),
            },
        ),
        ("top-level array", "[]".into(), FeedError::NotAnObject),
        (
            "wrong version",
            r#"{"version":2,"cards":[]}"#.into(),
            FeedError::Version { found: "2".into() },
        ),
        (
            "version as a string",
            r#"{"version":"1","cards":[]}"#.into(),
            FeedError::Version {
                found: "\"1\"".into(),
            },
        ),
        (
            "no version",
            r#"{"cards":[]}"#.into(),
            FeedError::Version {
                found: "missing".into(),
            },
        ),
        ("no cards", r#"{"version":1}"#.into(), FeedError::Cards),
        (
            "cards not an array",
            r#"{"version":1,"cards":{"a":1}}"#.into(),
            FeedError::Cards,
        ),
        (
            "empty feed",
            r#"{"version":1,"cards":[]}"#.into(),
            FeedError::Empty,
        ),
        (
            "too large",
            big.clone(),
            FeedError::TooLarge {
                size: big.len(),
                max: 8 * 1024 * 1024,
            },
        ),
    ];
    for (name, text, want) in cases {
        assert_eq!(parse_feed(&text, &limits()), Err(want), "{name}");
    }
    assert_eq!(
        parse_feed("[]", &limits()).expect_err("array").to_string(),
        "the feed must be a JSON object with \"version\" and \"cards\""
    );
    assert_eq!(
        parse_feed(r#"{"version":2,"cards":[]}"#, &limits())
            .expect_err("v2")
            .to_string(),
        "the feed's \"version\" is 2; this renderer reads version 1"
    );
}

#[test]
fn a_feed_of_100000_cards_is_read_up_to_10000_with_one_report() {
    let cards: Vec<String> = (0..100_000)
        .map(|i| {
            format!(
                r#"{{"id":"c{i}","kind":"news","lang":"en","title":"T","source":{{"name":"D"}}}}"#
            )
        })
        .collect();
    let text = format!(r#"{{"version":1,"cards":[{}]}}"#, cards.join(","));
    assert!(text.len() < 8 * 1024 * 1024, "under the size limit");
    let feed = parse_feed(&text, &limits()).expect("read");
    assert_eq!(feed.cards.len(), 10_000);
    assert_eq!(feed.cards.last().map(|c| c.id.as_str()), Some("c9999"));
    assert_eq!(
        feed.rejections,
        vec![Rejection {
            index: 10_000,
            ..rejection(
                None,
                "cards",
                "the feed has 100000 cards; only the first 10000 are read",
            )
        }]
    );
}

#[test]
fn the_sample_feed_is_valid() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/www/feeds/sample.json"
    ))
    .expect("sample feed");
    let parsed = parse_feed(&text, &limits()).expect("valid feed");
    assert_eq!(parsed.rejections, vec![]);
    assert!(parsed.cards.len() >= 12);
    let kinds: std::collections::BTreeSet<_> =
        parsed.cards.iter().map(|c| c.kind.as_str()).collect();
    assert_eq!(kinds.len(), 5, "every kind: {kinds:?}");
    let langs: std::collections::BTreeSet<_> =
        parsed.cards.iter().map(|c| c.lang.language()).collect();
    for lang in ["hi", "ta", "id", "en", "ur"] {
        assert!(langs.contains(lang), "{lang} in {langs:?}");
    }
}

/// `null` is absent for a medium's size as for every other optional field: the card is shown,
/// its size unknown (the layout then reports `mediaSizeUnknown`).
#[test]
fn a_null_media_size_is_an_absent_one() {
    for key in ["width", "height"] {
        // Written as null (`with` would remove the key).
        let mut card = image("x");
        card["media"][key] = Value::Null;
        assert_eq!(report(card.clone()), vec![], "{key}: null");
        let feed = json!({ "version": 1, "cards": [card] });
        let parsed = parse_feed(&feed.to_string(), &limits()).expect("valid");
        let media = parsed.cards[0].media.as_ref().expect("a medium");
        let size = if key == "width" {
            media.width
        } else {
            media.height
        };
        assert_eq!(size, None, "{key}");
    }
}

/// A feed saved by an editor that writes a UTF-8 byte-order mark reads as without it (RFC 8259
/// §8.1); a mark anywhere else is still not JSON.
#[test]
fn a_byte_order_mark_before_the_feed_is_ignored() {
    let feed = json!({ "version": 1, "cards": [good("a")] }).to_string();
    let with_mark = format!("\u{feff}{feed}");
    let read = parse_feed(&with_mark, &limits()).expect("read as without the mark");
    assert_eq!(read.cards.len(), 1);
    assert!(read.rejections.is_empty());
    let inside = "{\u{feff}\"version\":1,\"cards\":[]}";
    assert!(matches!(
        parse_feed(inside, &limits()),
        Err(FeedError::Json { .. })
    ));
}

/// A feed is checked once; each skin judges only its deep links, with the duplicate-id rule
/// after that, as a fresh parse for that skin would.
#[test]
fn a_checked_feed_is_judged_again_per_skin() {
    use glance_renderer::core::feed::check_feed;
    let mut deep = good("a");
    deep["cta"] = json!({ "label": "Open", "url": "glance://open/1" });
    let mut bad_label = good("b");
    bad_label["cta"] = json!({ "label": "", "url": "glance://open/2", "unlock": "yes" });
    let feed = json!({ "version": 1, "cards": [deep, good("a"), bad_label] }).to_string();
    let checked = check_feed(&feed, &Limits::default()).expect("a feed");
    let without = checked.for_skin(&[]);
    assert_eq!(without.cards.len(), 1, "the https card a");
    let fields: Vec<(usize, &str)> = without
        .rejections
        .iter()
        .map(|r| (r.index, r.field.as_str()))
        .collect();
    // Field order within a card: the label, the link, then `unlock`.
    assert_eq!(
        fields,
        [
            (0, "cta.url"),
            (2, "cta.label"),
            (2, "cta.url"),
            (2, "cta.unlock")
        ]
    );
    let glance = checked.for_skin(&["glance".to_string()]);
    assert_eq!(glance.cards.len(), 1, "the deep-link card a");
    assert_eq!(
        glance.rejections[0],
        rejection(Some("a"), "id", "duplicates the id of card 0")
    );
}

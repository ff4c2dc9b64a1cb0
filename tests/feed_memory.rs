//! Reading a feed costs memory in proportion to what is kept, not to the text: the peak of
//! bytes allocated while `parse_feed` reads 8 MiB of hostile input, counted by an allocator
//! that counts, stays within four times the input (issue 17), and nothing past the card cap
//! is built.

#![cfg(not(target_arch = "wasm32"))]

use glance_renderer::core::feed::json::Json;
use glance_renderer::core::feed::{parse_feed, FeedError, Limits};

const SIZE: usize = 8 * 1024 * 1024 - 64;

/// `{"version":1,"cards":[` + `piece` repeated (comma-separated) to about `SIZE` bytes + `]}`.
fn feed_of(piece: &str) -> String {
    let mut out = String::with_capacity(SIZE + piece.len() + 32);
    out.push_str("{\"version\":1,\"cards\":[");
    let mut i = 0usize;
    while out.len() + piece.len() + 3 < SIZE {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&piece.replace("{i}", &i.to_string()));
        i += 1;
    }
    out.push_str("]}");
    out
}

/// Peak bytes allocated while `f` runs (what was allocated before it does not count).
fn peak(f: impl FnOnce()) -> u64 {
    allocation_counter::measure(f).bytes_max
}

#[test]
fn reading_hostile_feeds_peaks_within_four_times_the_input() {
    let limits = Limits::default();
    let card =
        r#"{"id":"c{i}","kind":"news","lang":"en","title":"Card {i}","source":{"name":"Desk"}}"#;
    let cases: Vec<(&str, String)> = vec![
        ("numbers for cards", feed_of("1")),
        ("small cards past the cap", feed_of(card)),
        ("empty arrays for cards", feed_of("[]")),
        (
            "one card with a huge unknown field",
            format!(
                "{{\"version\":1,\"cards\":[{{\"id\":\"a\",\"kind\":\"news\",\"lang\":\"en\",\"title\":\"A\",\"source\":{{\"name\":\"D\"}},\"x\":[{}1]}}]}}",
                "1,".repeat(SIZE / 2 - 64)
            ),
        ),
        ("a top-level array", format!("[{}1]", "1,".repeat(SIZE / 2))),
    ];
    for (name, text) in &cases {
        assert!(text.len() > 8_000_000, "{name}: {} bytes", text.len());
        let mut result = None;
        let bytes = peak(|| result = Some(parse_feed(text, &limits)));
        let ratio = bytes as f64 / text.len() as f64;
        eprintln!("{name}: peak {bytes} bytes = {ratio:.2} × the input");
        assert!(
            ratio <= 4.0,
            "{name}: peak {bytes} bytes, {ratio:.2} × the input"
        );
        match result.expect("ran") {
            Ok(feed) => assert!(feed.cards.len() <= limits.max_cards, "{name}"),
            Err(FeedError::NotAnObject) => assert_eq!(*name, "a top-level array"),
            Err(e) => panic!("{name}: {e}"),
        }
    }
}

#[test]
fn the_cap_and_the_card_budget_say_what_was_left_out() {
    let limits = Limits::default();
    let card =
        r#"{"id":"c{i}","kind":"news","lang":"en","title":"Card {i}","source":{"name":"Desk"}}"#;
    let feed = parse_feed(&feed_of(card), &limits).expect("a feed");
    assert_eq!(feed.cards.len(), limits.max_cards);
    let last = feed.rejections.last().expect("the cap is reported");
    assert_eq!(
        (last.index, last.field.as_str()),
        (limits.max_cards, "cards")
    );
    assert!(last.reason.starts_with("the feed has "), "{}", last.reason);

    let huge = format!(
        "{{\"version\":1,\"cards\":[{{\"id\":\"a\",\"kind\":\"news\",\"lang\":\"en\",\"title\":\"A\",\"source\":{{\"name\":\"D\"}},\"tags\":[{}0]}},{{\"id\":\"b\",\"kind\":\"news\",\"lang\":\"en\",\"title\":\"B\",\"source\":{{\"name\":\"D\"}}}}]}}",
        "0,".repeat(5_000)
    );
    let feed = parse_feed(&huge, &limits).expect("a feed");
    assert_eq!(
        feed.cards.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(),
        ["b"]
    );
    assert_eq!(feed.rejections.len(), 1);
    assert_eq!(feed.rejections[0].index, 0);
    assert!(feed.rejections[0]
        .reason
        .contains("more than 1024 JSON values"));
}

/// The figure the issue measured, for comparison in the test's output: the whole tree of the
/// same text, as the reader built it before.
#[test]
fn the_whole_tree_for_comparison() {
    let text = feed_of("1");
    let bytes = peak(|| drop(Json::parse(&text)));
    eprintln!(
        "the whole tree of 8 MiB of numbers: peak {bytes} bytes = {:.1} × the input",
        bytes as f64 / text.len() as f64
    );
    assert!(bytes as f64 > 4.0 * text.len() as f64);
}

//! `cargo bench --bench layout`: time to lay out one card on the host, over 1,000 cards of the
//! sample feed on every built-in skin (the figure the layout's performance goal is judged by).

use std::hint::black_box;
use std::time::Instant;

use glance_renderer::core::feed::{parse_feed, Limits};
use glance_renderer::core::layout::text::FixedAdvance;
use glance_renderer::core::layout::{layout_card, Device};
use glance_renderer::core::ui::skin::{Skin, BUILTIN};

#[path = "../support/icu.rs"]
mod icu;
use icu::Icu;

fn main() {
    let sample = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/www/feeds/sample.json"
    ))
    .expect("the sample feed");
    let limits = Limits {
        deep_link_schemes: vec!["glance".into()],
        ..Limits::default()
    };
    let cards = parse_feed(&sample, &limits).expect("valid").cards;
    let skins: Vec<Skin> = BUILTIN
        .iter()
        .map(|(n, _)| Skin::builtin(n).expect("built-in"))
        .collect();
    let device = Device::new(412.0, 915.0);
    let mut measure = FixedAdvance::default();
    let mut rounds = Vec::new();
    for _ in 0..7 {
        let start = Instant::now();
        for i in 0..1000 {
            let layout = layout_card(
                &cards[i % cards.len()],
                &skins[i % skins.len()],
                &device,
                &mut measure,
                &mut Icu,
            );
            black_box(layout);
        }
        rounds.push(start.elapsed().as_secs_f64() * 1e6 / 1000.0);
    }
    rounds.sort_by(f64::total_cmp);
    println!(
        "layout: {:.1} µs per card (median of 7 rounds of 1,000 cards; min {:.1}, max {:.1})",
        rounds[3], rounds[0], rounds[6]
    );
}

//! A layout fuzz in `npm test` (fixed seed): hostile headlines and summaries — every script the
//! feed carries mixed with RTL marks, ZWJ sequences, combining runs, control characters,
//! unbreakable words of thousands of characters — on hostile devices (1 px to 5,000 px wide, 120 px to 5,000 px tall, font
//! scales outside the honoured range, insets larger than the screen), on every built-in skin.
//! The property: `layout_card` returns, every number it gives is finite, every block lies in
//! the card, and the lines' text comes from the card's own.

use glance_renderer::core::feed::{parse_feed, Card, Limits};
use glance_renderer::core::geometry::Insets;
use glance_renderer::core::layout::text::FixedAdvance;
use glance_renderer::core::layout::{layout_card, Device};
use glance_renderer::core::ui::skin::{Skin, BUILTIN};

mod support {
    pub mod icu;
    pub mod rng;
}
use support::icu::Icu;
use support::rng::Rng;

/// Pieces of hostile text.
const PIECES: &[&str] = &[
    "मुंबई",
    "தமிழ்",
    "বাংলা",
    "اردو",
    "ภาษาไทย",
    "ភាសាខ្មែរ",
    "မြန်မာ",
    "日本語のニュース",
    "Bahasa",
    " ",
    "  ",
    "-",
    "—",
    "\u{200b}",
    "\u{200d}",
    "\u{00ad}",
    "\u{00a0}",
    "\u{2060}",
    "\u{202e}",
    "\u{200f}",
    "👩\u{200d}👩\u{200d}👧",
    "🇮🇳",
    "👍🏽",
    "e\u{301}\u{301}\u{301}",
    "\u{0}",
    "\u{7}",
    "\t",
    "\n",
    "https://example.com/a/very/long/path?with=query",
    "₹1,23,456",
    "2–1",
    "(",
    ")",
    "「",
    "」",
    "。",
    "!",
    "…",
    "\"",
    "'",
];

fn text(rng: &mut Rng) -> String {
    let mut out = String::new();
    for _ in 0..rng.below(40) {
        match rng.below(10) {
            // An unbreakable word, long enough to need cutting between graphemes.
            0 => out.push_str(&rng.pick(&["x", "ा", "ก", "语"]).repeat(rng.below(1_500))),
            _ => {
                let piece: &&str = rng.pick(PIECES);
                out.push_str(piece);
            }
        }
    }
    if out.trim().is_empty() {
        out.push('x');
    }
    out
}

fn card(rng: &mut Rng, i: usize) -> Option<Card> {
    let kind = *rng.pick(&["news", "sponsored", "sports", "image"]);
    let lang = *rng.pick(&[
        "hi", "ta", "bn", "ur", "th", "km", "my", "ja", "id", "en", "ar-EG",
    ]);
    let title = serde_json::to_string(&text(rng)).ok()?;
    let summary = serde_json::to_string(&text(rng)).ok()?;
    let extra = match kind {
        "sports" => {
            r#","score":{"home":{"name":"MI","score":"172/6"},"away":{"name":"CSK","score":"189/4"},"status":"live"}"#
        }
        "image" => r#","media":{"type":"image","src":"media/a.jpg","width":1080,"height":1920}"#,
        _ => r#","cta":{"label":"Go","url":"https://example.com"}"#,
    };
    let json = format!(
        r#"{{"version":1,"cards":[{{"id":"c{i}","kind":"{kind}","lang":"{lang}","title":{title},"summary":{summary},"source":{{"name":"Desk"}}{extra}}}]}}"#
    );
    parse_feed(
        &json,
        &Limits {
            max_title_chars: 100_000,
            max_summary_chars: 100_000,
            ..Limits::default()
        },
    )
    .ok()?
    .cards
    .into_iter()
    .next()
}

#[test]
fn hostile_text_on_hostile_devices_lays_out() {
    let mut rng = Rng(0x5eed_1a70_0000_0001);
    let skins: Vec<Skin> = BUILTIN
        .iter()
        .map(|(n, _)| Skin::builtin(n).expect("built-in"))
        .collect();
    let mut laid_out = 0;
    for i in 0..200 {
        let Some(card) = card(&mut rng, i) else {
            continue;
        };
        // Widths down to 1 px (a window being resized); heights down to what a sponsored card's
        // disclosure, which always shows, needs with its gaps (a 40 px strip is not a screen).
        let w = *rng.pick(&[1.0, 40.0, 320.0, 360.0, 412.0, 800.0, 5_000.0]);
        let h = *rng.pick(&[120.0, 320.0, 640.0, 915.0, 5_000.0]);
        let inset = *rng.pick(&[0.0, 24.0, 600.0, 10_000.0]);
        let mut device = Device::new(w, h).with_font_scale(*rng.pick(&[0.1, 0.8, 1.0, 2.0, 9.0]));
        device.safe_area = Insets::new(inset, 0.0, inset / 2.0, 0.0);
        let skin = &skins[i % skins.len()];
        let layout = layout_card(&card, skin, &device, &mut FixedAdvance::default(), &mut Icu);
        let case = format!(
            "case {i}: {w}×{h}, inset {inset}, {}, {:?}: zone {:?}, blocks {:?}",
            card.lang.as_str(),
            card.kind,
            layout.text_zone,
            layout
                .blocks
                .iter()
                .map(|b| (b.kind, b.rect))
                .collect::<Vec<_>>()
        );
        assert!(
            layout.scrim.is_finite() && (0.0..=1.0).contains(&layout.scrim),
            "{case}"
        );
        let bounds = layout.card;
        for b in &layout.blocks {
            let r = b.rect;
            for v in [r.x, r.y, r.width, r.height, b.font_size, b.line_height] {
                assert!(v.is_finite(), "{case}: {:?} has {v}", b.kind);
            }
            assert!(
                r.x >= bounds.x - 0.5
                    && r.y >= bounds.y - 0.5
                    && r.x + r.width <= bounds.x + bounds.width + 0.5
                    && r.y + r.height <= bounds.y + bounds.height + 0.5,
                "{case}: {:?} at {r:?} outside {bounds:?}",
                b.kind
            );
            for line in &b.lines {
                let own = line.trim_end_matches('…');
                assert!(
                    card.title.contains(own)
                        || card.summary.as_deref().is_some_and(|s| s.contains(own)),
                    "{case}: a line that is not the card's text: {line:?}"
                );
            }
        }
        laid_out += 1;
    }
    assert!(laid_out > 150, "{laid_out} cards laid out");
}

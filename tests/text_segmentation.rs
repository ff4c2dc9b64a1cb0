//! Segmentation against Unicode's own answers, and Chromium's line-breaking rules on real text.
//!
//! The host stands in for the browser's ICU with ICU4X (`tests/support/icu.rs`); that stand-in
//! is checked here against the conformance files Unicode publishes (GraphemeBreakTest.txt,
//! LineBreakTest.txt), which the `icu_segmenter` crate ships. Then core's Chromium rules
//! ([`chromium_breaks`]) are checked on headline-shaped text where ICU and Chromium differ.
//! The browser tier (`tests/e2e/text.test.mjs`) compares the renderer's lines with Chromium's
//! own.

use std::path::PathBuf;

use glance_renderer::core::layout::text::segment::chromium_breaks;
use glance_renderer::core::layout::text::{Segmenter, Segments};

mod support {
    pub mod icu;
}
use support::icu::{Icu, IcuWords};

/// The folder of Unicode's test files in the `icu_segmenter` crate cargo fetched.
fn testdata() -> PathBuf {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = std::process::Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--offline"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo metadata runs");
    let meta: serde_json::Value = serde_json::from_slice(&out.stdout).expect("cargo metadata JSON");
    let manifest = meta["packages"]
        .as_array()
        .expect("packages")
        .iter()
        .find(|p| p["name"] == "icu_segmenter")
        .and_then(|p| p["manifest_path"].as_str())
        .expect("icu_segmenter is a dependency");
    PathBuf::from(manifest)
        .parent()
        .expect("a folder")
        .join("tests/testdata")
}

/// The cases of a Unicode break test file: the text and its break offsets (bytes, after 0).
fn cases(file: &str) -> Vec<(String, Vec<usize>)> {
    let text = std::fs::read_to_string(testdata().join(file)).expect("the conformance file");
    text.lines()
        .filter_map(|line| {
            let line = line.split('#').next()?.trim();
            if line.is_empty() {
                return None;
            }
            let mut s = String::new();
            let mut breaks = Vec::new();
            for token in line.split_whitespace() {
                match token {
                    "÷" => breaks.push(s.len()),
                    "×" => {}
                    hex => s.push(
                        char::from_u32(u32::from_str_radix(hex, 16).ok()?).unwrap_or('\u{fffd}'),
                    ),
                }
            }
            breaks.retain(|&b| b > 0);
            Some((s, breaks))
        })
        .collect()
}

#[test]
fn graphemes_match_unicode_conformance() {
    let all = cases("GraphemeBreakTest_17.txt");
    assert!(all.len() > 700, "the file has its cases: {}", all.len());
    let mut wrong = Vec::new();
    for (text, want) in &all {
        let mut got = Vec::new();
        Icu.graphemes(text, &mut got);
        if &got != want {
            wrong.push(format!("{text:?}: {got:?} != {want:?}"));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of {} wrong: {:#?}",
        wrong.len(),
        all.len(),
        &wrong[..wrong.len().min(5)]
    );
}

#[test]
fn line_breaks_match_unicode_conformance() {
    // The rules of Unicode 15.1, which ICU4X's default line data implements.
    let all = cases("LineBreakTest_15.1.txt");
    assert!(all.len() > 10_000, "the file has its cases: {}", all.len());
    let mut wrong = 0;
    for (text, want) in &all {
        let mut got = Vec::new();
        Icu.line_breaks(text, "en", &mut got);
        if &got != want {
            wrong += 1;
        }
    }
    assert_eq!(wrong, 0, "{wrong} of {} wrong", all.len());
}

fn graphemes(text: &str) -> Vec<&str> {
    let mut ends = Vec::new();
    Icu.graphemes(text, &mut ends);
    let mut start = 0;
    ends.into_iter()
        .map(|e| {
            let g = &text[start..e];
            start = e;
            g
        })
        .collect()
}

#[test]
fn clusters_are_unicodes() {
    // What the hand-made table got wrong, with Unicode's (and the browser's ICU's) answer.
    let cases: [(&str, &[&str]); 9] = [
        // Thai: the sara am stays on its consonant with the tone mark.
        ("น้ำ", &["น้ำ"]),
        ("ที่นี่", &["ที่", "นี่"]),
        // Devanagari and Bengali conjuncts are one cluster (Unicode 15.1, GB9c).
        ("क्षत्रिय", &["क्ष", "त्रि", "य"]),
        ("হিন্দি", &["হি", "ন্দি"]),
        // Tamil, Gurmukhi and Kannada viramas do not link clusters.
        ("கொம்பு", &["கொ", "ம்", "பு"]),
        ("ਪੰਜ੍ਹ", &["ਪੰ", "ਜ੍", "ਹ"]),
        ("ಕನ್ನಡ", &["ಕ", "ನ್", "ನ", "ಡ"]),
        // A flag is one cluster, CR LF is one, a ZWJ family is one.
        ("🇮🇳🇯🇵", &["🇮🇳", "🇯🇵"]),
        ("a\r\nb👩🏽‍🍳", &["a", "\r\n", "b", "👩🏽‍🍳"]),
    ];
    for (text, want) in cases {
        assert_eq!(graphemes(text), want, "{text}");
    }
}

/// The pieces `text` may break into, in `lang`: the same with the platform's line breaker as
/// with only its word segmenter (core's UAX #14 subset over word boundaries), or the test
/// fails; so every rule table below checks both.
fn pieces(text: &str, lang: &str) -> Vec<String> {
    let cut = |breaks: &[usize]| {
        let mut start = 0;
        breaks
            .iter()
            .map(|&b| {
                let piece = text[start..b].to_string();
                start = b;
                piece
            })
            .collect::<Vec<_>>()
    };
    let line_breaker = cut(&Segments::of(text, lang, &mut Icu).breaks);
    let words = cut(&Segments::of(text, lang, &mut IcuWords).breaks);
    assert_eq!(words, line_breaker, "word boundaries and UAX #14 in {lang}");
    line_breaker
}

#[test]
fn chromium_breaks_where_icu_does_not() {
    // After a hyphen before letters and before digits (ICU keeps `22-05` together).
    assert_eq!(pieces("Series-sealing", "en"), ["Series-", "sealing"]);
    assert_eq!(pieces("22-05-2026", "en"), ["22-", "05-", "2026"]);
    // …but not after a minus sign, and never after `/` between ASCII characters.
    assert_eq!(pieces("is -5 a/b", "en"), ["is ", "-5 ", "a/b"]);
    // A dash between words breaks on both sides (ICU's B2).
    assert_eq!(pieces("कहेंगी—मेरा", "hi"), ["कहेंगी", "—", "मेरा"]);
}

#[test]
fn no_line_starts_with_closing_punctuation() {
    for (text, lang) in [
        ("बाढ़ आई। राहत", "hi"),
        ("بارش۔ اور", "ur"),
        ("値上がり、続く。次に", "ja"),
        ("(ऊपर) नीचे! ठीक?", "hi"),
        ("「東京」で", "ja"),
    ] {
        for piece in pieces(text, lang) {
            let first = piece.chars().next().expect("non-empty");
            assert!(
                !"।۔、。)!?」".contains(first),
                "{text}: a line may start with {piece:?}"
            );
            let last = piece.trim_end().chars().last().expect("non-empty");
            assert!(
                !"(「".contains(last),
                "{text}: a line may end after an opening {piece:?}"
            );
        }
    }
}

#[test]
fn words_hold_in_scripts_without_spaces() {
    // Dictionary words, not clusters: the Thai word for election stays whole.
    let thai = pieces("คณะกรรมการการเลือกตั้งประกาศผล", "th");
    assert!(
        thai.contains(&"เลือก".to_string()) || thai.iter().any(|p| p.contains("เลือกตั้ง")),
        "{thai:?}"
    );
    assert!(thai.iter().all(|p| p != "กตั้ง"), "{thai:?}");
    // Latin and numbers inside Japanese hold together; ideographs and kana break.
    let ja = pieces("東京で5kgの米が6,180円に", "ja");
    assert!(ja.iter().any(|p| p.contains("5kg")), "{ja:?}");
    assert!(ja.iter().any(|p| p.contains("6,180")), "{ja:?}");
    assert!(ja.len() > 6, "{ja:?}");
    // No-break space and word joiner glue; zero-width space breaks.
    assert_eq!(pieces("₹\u{a0}500 crore", "en"), ["₹\u{a0}500 ", "crore"]);
    assert_eq!(pieces("ab\u{2060}cd", "en"), ["ab\u{2060}cd"]);
    assert_eq!(pieces("αβ\u{200b}γδ", "el"), ["αβ\u{200b}", "γδ"]);
    // A soft hyphen is a break opportunity.
    assert_eq!(pieces("Bundes\u{ad}liga", "de"), ["Bundes\u{ad}", "liga"]);
}

#[test]
fn every_break_is_on_a_character_and_ends_the_text() {
    for text in ["", "a", "हिन्दी 🇮🇳", "ภาษาไทย", "日本語のテキスト"]
    {
        let segments = Segments::of(text, "und", &mut Icu);
        for &b in segments.breaks.iter().chain(&segments.graphemes) {
            assert!(text.is_char_boundary(b) && b > 0);
        }
        if !text.is_empty() {
            assert_eq!(segments.breaks.last(), Some(&text.len()));
            assert_eq!(segments.graphemes.last(), Some(&text.len()));
        }
        let _ = chromium_breaks(text, &segments.breaks);
    }
}

/// Without a line breaker (`Intl.v8BreakIterator`), a word segmenter's boundaries and core's
/// UAX #14 subset stand in. Checked against ICU's line breaker (UAX #14 with its dictionaries)
/// on every headline of the browser oracle's corpus: the break opportunities Chromium's rules
/// then use must be the same for nearly every headline in every language.
#[test]
fn without_a_line_breaker_word_boundaries_and_uax14_give_the_same_breaks() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/text/headlines");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("the corpus")
        .map(|e| e.expect("an entry").path())
        .collect();
    files.sort();
    let mut report = Vec::new();
    let mut worst = (100.0_f64, String::new());
    let (mut all, mut same_all) = (0, 0);
    let mut differences = Vec::new();
    for path in files {
        let lang = path
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("a name")
            .to_string();
        let text = std::fs::read_to_string(&path).expect("readable");
        let (mut n, mut same) = (0, 0);
        for headline in text.lines().filter(|l| !l.trim().is_empty()) {
            n += 1;
            let line_breaker = Segments::of(headline, &lang, &mut Icu).breaks;
            let words = Segments::of(headline, &lang, &mut IcuWords).breaks;
            if line_breaker == words {
                same += 1;
            } else if differences.len() < 12 {
                let cut = |breaks: &[usize]| {
                    let mut last = 0;
                    breaks
                        .iter()
                        .map(|&b| {
                            let piece = &headline[last..b];
                            last = b;
                            piece.to_string()
                        })
                        .collect::<Vec<_>>()
                        .join("|")
                };
                differences.push(format!(
                    "{lang}: line breaker {}\n    words + UAX #14 {}",
                    cut(&line_breaker),
                    cut(&words)
                ));
            }
        }
        let rate = 100.0 * same as f64 / n as f64;
        if rate < worst.0 {
            worst = (rate, lang.clone());
        }
        report.push(format!("{lang} {rate:.1} %"));
        all += n;
        same_all += same;
    }
    let overall = 100.0 * same_all as f64 / all as f64;
    println!(
        "the same breaks as the line breaker: {overall:.1} % of {all} headlines; {}",
        report.join(", ")
    );
    for d in &differences {
        println!("  {d}");
    }
    assert!(overall >= 99.0, "{overall:.1} % overall");
    assert!(worst.0 >= 97.5, "{} %, {}", worst.0, worst.1);
}

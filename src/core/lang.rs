//! BCP 47 language tags: well-formedness and writing direction.

/// Text direction of a card, written to its `dir` attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Left to right (Latin, Devanagari, Tamil, Thai, …).
    Ltr,
    /// Right to left (Arabic script, Hebrew, Thaana, …).
    Rtl,
}

impl Direction {
    /// The value of the HTML `dir` attribute.
    pub fn as_attr(self) -> &'static str {
        match self {
            Self::Ltr => "ltr",
            Self::Rtl => "rtl",
        }
    }
}

/// A well-formed BCP 47 language tag, as given in the feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LangTag(String);

/// Languages whose default script is written right to left (bare `ku`, Kurmanji, is written in
/// Latin; Sorani is `ckb`).
const RTL_LANGUAGES: &[&str] = &[
    "ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "pnb", "ps", "sd", "skr", "syr", "ug", "ur",
    "yi",
];
/// Scripts written right to left; any other script subtag runs left to right (`sd-Deva`,
/// `ks-Deva`, `ku-Latn`).
const RTL_SCRIPTS: &[&str] = &["adlm", "arab", "hebr", "nkoo", "rohg", "syrc", "thaa"];

impl LangTag {
    /// Checks the syntax of a tag: a primary language of 2–3 or 5–8 letters, then subtags of
    /// 1–8 letters or digits separated by `-`; private-use tags (`x-…`) are accepted. Whether the
    /// language exists is not checked: the browser falls back gracefully for unknown ones.
    pub fn parse(tag: &str) -> Option<Self> {
        if tag.is_empty() || tag.len() > 64 {
            return None;
        }
        let mut parts = tag.split('-');
        let primary = parts.next()?;
        let primary_ok = primary.chars().all(|c| c.is_ascii_alphabetic())
            && (matches!(primary.len(), 2 | 3 | 5..=8) || primary.eq_ignore_ascii_case("x"));
        let rest_ok = parts
            .all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()));
        (primary_ok && rest_ok).then(|| Self(tag.to_string()))
    }

    /// The tag as given.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The primary language subtag, lower-cased (`"hi"` for `"hi-IN"`).
    pub fn language(&self) -> String {
        self.0
            .split('-')
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase()
    }

    /// The writing direction implied by the script subtag, or else by the language. Only the
    /// subtag right after the language (or after its extended-language subtags) is a script:
    /// four letters after a singleton (`x-…`, `u-…`) are private use or an extension.
    pub fn direction(&self) -> Direction {
        let lower = self.0.to_ascii_lowercase();
        let script = lower
            .split('-')
            .skip(1)
            .take_while(|p| p.len() != 1)
            .find(|p| p.len() == 4 && p.chars().all(|c| c.is_ascii_alphabetic()));
        if let Some(script) = script {
            return if RTL_SCRIPTS.contains(&script) {
                Direction::Rtl
            } else {
                Direction::Ltr
            };
        }
        let language = self.language();
        if RTL_LANGUAGES.contains(&language.as_str()) {
            Direction::Rtl
        } else {
            Direction::Ltr
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn well_formed_and_direction() {
        let cases = [
            ("en", Direction::Ltr),
            ("hi", Direction::Ltr),
            ("hi-IN", Direction::Ltr),
            ("ta-IN", Direction::Ltr),
            ("id", Direction::Ltr),
            ("ur", Direction::Rtl),
            ("ur-PK", Direction::Rtl),
            ("pa-Arab", Direction::Rtl),
            ("pa-Guru-IN", Direction::Ltr),
            ("ku-Latn", Direction::Ltr),
            ("zh-Hant-TW", Direction::Ltr),
            ("x-glance", Direction::Ltr),
            ("sr-Latn-RS-u-nu-latn", Direction::Ltr),
            // A script subtag decides, whatever the language's usual script.
            ("sd-Deva", Direction::Ltr),
            ("ks-Deva-IN", Direction::Ltr),
            ("sd", Direction::Rtl),
            ("sd-Arab", Direction::Rtl),
            // Bare Kurdish is Kurmanji, in Latin; Sorani is ckb.
            ("ku", Direction::Ltr),
            ("ckb", Direction::Rtl),
            // Punjabi in Shahmukhi and Saraiki run right to left.
            ("pnb", Direction::Rtl),
            ("skr-PK", Direction::Rtl),
            // Four letters after a singleton are no script.
            ("ur-x-abcd", Direction::Rtl),
            ("en-x-arab", Direction::Ltr),
        ];
        for (tag, dir) in cases {
            let parsed = LangTag::parse(tag).unwrap_or_else(|| panic!("{tag} should parse"));
            assert_eq!(parsed.direction(), dir, "{tag}");
        }
    }

    #[test]
    fn malformed() {
        for tag in [
            "",
            "e",
            "englishes",
            "hi_IN",
            "हि",
            "en--US",
            "en-",
            "1234",
            "en-abcdefghi",
        ] {
            assert_eq!(LangTag::parse(tag), None, "{tag:?}");
        }
    }
}

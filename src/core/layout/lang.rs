//! BCP 47 language tags: well-formedness, script and writing direction.

/// Text direction of a card, written to its `dir` attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(test, derive(serde::Serialize), serde(rename_all = "lowercase"))]
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

/// The script a language is usually written in (ISO 15924), for the languages whose script is
/// not Latin. `Aran` is Arabic in its Nastaliq style: Urdu, Shahmukhi Punjabi, Saraiki and
/// Kashmiri are set in Nastaliq, Arabic, Persian, Pashto and Sindhi in Naskh.
const USUAL_SCRIPTS: &[(&str, &str)] = &[
    ("ar", "Arab"),
    ("as", "Beng"),
    ("bho", "Deva"),
    ("bn", "Beng"),
    ("ckb", "Arab"),
    ("fa", "Arab"),
    ("gu", "Gujr"),
    ("he", "Hebr"),
    ("hi", "Deva"),
    ("iw", "Hebr"),
    ("ja", "Jpan"),
    ("km", "Khmr"),
    ("kn", "Knda"),
    ("ko", "Kore"),
    ("kok", "Deva"),
    ("ks", "Aran"),
    ("lo", "Laoo"),
    ("mai", "Deva"),
    ("ml", "Mlym"),
    ("mr", "Deva"),
    ("my", "Mymr"),
    ("ne", "Deva"),
    ("or", "Orya"),
    ("pa", "Guru"),
    ("pnb", "Aran"),
    ("ps", "Arab"),
    ("sa", "Deva"),
    ("sd", "Arab"),
    ("si", "Sinh"),
    ("skr", "Aran"),
    ("ta", "Taml"),
    ("te", "Telu"),
    ("th", "Thai"),
    ("ug", "Arab"),
    ("ur", "Aran"),
    ("yi", "Hebr"),
    ("zh", "Hans"),
];
/// Languages whose Arabic script is set in Nastaliq (`ur-Arab` is `Aran`).
const NASTALIQ_LANGUAGES: &[&str] = &["ks", "pnb", "skr", "ur"];
/// Regions where Chinese is written in Traditional characters.
const HANT_REGIONS: &[&str] = &["hk", "mo", "tw"];

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

    /// The subtags after the language, lower-cased, up to the first singleton (`x-…`, `u-…`:
    /// what follows is private use or an extension).
    fn subtags(lower: &str) -> impl Iterator<Item = &str> {
        lower.split('-').skip(1).take_while(|p| p.len() != 1)
    }

    /// The script subtag, lower-cased: four letters right after the language (or after its
    /// extended-language subtags), never after a singleton.
    fn script_subtag(lower: &str) -> Option<&str> {
        Self::subtags(lower).find(|p| p.len() == 4 && p.chars().all(|c| c.is_ascii_alphabetic()))
    }

    /// The script the text is written in, as an ISO 15924 code (`"Deva"`, `"Thai"`, `"Jpan"`):
    /// the script subtag when the tag has one, else the language's usual script; `Aran` for
    /// Arabic script in a language set in Nastaliq (`ur`, `pnb`), `Hant` for Chinese in Taiwan,
    /// Hong Kong and Macau. `None` for Latin-script languages and scripts the renderer has no
    /// family for.
    pub fn script(&self) -> Option<&'static str> {
        let lower = self.0.to_ascii_lowercase();
        let language = self.language();
        let nastaliq = NASTALIQ_LANGUAGES.contains(&language.as_str());
        if let Some(subtag) = Self::script_subtag(&lower) {
            if subtag == "arab" && nastaliq {
                return Some("Aran");
            }
            return USUAL_SCRIPTS
                .iter()
                .map(|(_, script)| *script)
                .chain(["Hant", "Aran"])
                .find(|script| script.eq_ignore_ascii_case(subtag));
        }
        if language == "zh" && Self::subtags(&lower).any(|p| HANT_REGIONS.contains(&p)) {
            return Some("Hant");
        }
        USUAL_SCRIPTS
            .iter()
            .find(|(l, _)| *l == language)
            .map(|(_, script)| *script)
    }

    /// The writing direction implied by the script subtag, or else by the language.
    pub fn direction(&self) -> Direction {
        let lower = self.0.to_ascii_lowercase();
        if let Some(script) = Self::script_subtag(&lower) {
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
    fn script_from_subtag_or_language() {
        let cases = [
            ("hi-IN", Some("Deva")),
            ("mr", Some("Deva")),
            ("ta", Some("Taml")),
            ("ur", Some("Aran")),
            ("ur-Arab-PK", Some("Aran")),
            ("pnb", Some("Aran")),
            ("ar-EG", Some("Arab")),
            ("fa", Some("Arab")),
            ("sd", Some("Arab")),
            ("sd-Deva", Some("Deva")),
            ("pa", Some("Guru")),
            ("pa-Arab", Some("Arab")),
            ("th", Some("Thai")),
            ("km-KH", Some("Khmr")),
            ("my", Some("Mymr")),
            ("ja", Some("Jpan")),
            ("ko-KR", Some("Kore")),
            ("zh", Some("Hans")),
            ("zh-CN", Some("Hans")),
            ("zh-TW", Some("Hant")),
            ("zh-Hant", Some("Hant")),
            ("zh-Hans-HK", Some("Hans")),
            ("zh-HK", Some("Hant")),
            ("en", None),
            ("id", None),
            ("vi", None),
            ("sr-Cyrl", None),
            // Four letters after a singleton are no script; a region after one is no region.
            ("en-x-thai", None),
            ("zh-x-tw", Some("Hans")),
        ];
        for (tag, script) in cases {
            let parsed = LangTag::parse(tag).unwrap_or_else(|| panic!("{tag} should parse"));
            assert_eq!(parsed.script(), script, "{tag}");
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

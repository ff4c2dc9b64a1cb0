//! The renderer's own words ("Sponsored", "Live", "Card 3 of 12", "2 h ago") per language,
//! English when the card's language has no entry.

use crate::core::time::EpochMs;

/// UI strings of one language. `{n}` and `{total}` are filled in by [`UiStrings::position`].
#[derive(Debug, PartialEq, Eq)]
pub struct UiStrings {
    /// Primary language subtag this entry is for.
    pub lang: &'static str,
    /// Disclosure on sponsored cards.
    pub sponsored: &'static str,
    /// Badge on a match in play.
    pub live: &'static str,
    /// Badge on a finished match.
    pub final_score: &'static str,
    /// Badge on a match not yet started.
    pub upcoming: &'static str,
    /// Shown when a call to action needs the phone unlocked.
    pub unlock: &'static str,
    /// Label of the like button.
    pub like: &'static str,
    /// Label of the share button.
    pub share: &'static str,
    /// Position label, `"{n} of {total}"`.
    pub position: &'static str,
    /// "just now".
    pub just_now: &'static str,
    /// "{n} min ago".
    pub minutes_ago: &'static str,
    /// "{n} h ago".
    pub hours_ago: &'static str,
    /// "{n} d ago".
    pub days_ago: &'static str,
}

const TABLE: &[UiStrings] = &[
    UiStrings {
        lang: "en",
        sponsored: "Sponsored",
        live: "Live",
        final_score: "Final",
        upcoming: "Upcoming",
        unlock: "Unlock to continue",
        like: "Like",
        share: "Share",
        position: "{n} of {total}",
        just_now: "just now",
        minutes_ago: "{n} min ago",
        hours_ago: "{n} h ago",
        days_ago: "{n} d ago",
    },
    UiStrings {
        lang: "hi",
        sponsored: "प्रायोजित",
        live: "लाइव",
        final_score: "समाप्त",
        upcoming: "आगामी",
        unlock: "जारी रखने के लिए अनलॉक करें",
        like: "पसंद करें",
        share: "शेयर करें",
        position: "{total} में से {n}",
        just_now: "अभी",
        minutes_ago: "{n} मिनट पहले",
        hours_ago: "{n} घंटे पहले",
        days_ago: "{n} दिन पहले",
    },
    UiStrings {
        lang: "ta",
        sponsored: "விளம்பரம்",
        live: "நேரலை",
        final_score: "முடிவு",
        upcoming: "வரவிருக்கிறது",
        unlock: "தொடர திறக்கவும்",
        like: "விரும்பு",
        share: "பகிர்",
        position: "{total} இல் {n}",
        just_now: "இப்போது",
        minutes_ago: "{n} நிமி. முன்",
        hours_ago: "{n} மணி. முன்",
        days_ago: "{n} நாள் முன்",
    },
    UiStrings {
        lang: "bn",
        sponsored: "স্পনসর করা",
        live: "লাইভ",
        final_score: "শেষ",
        upcoming: "আসন্ন",
        unlock: "চালিয়ে যেতে আনলক করুন",
        like: "পছন্দ করুন",
        share: "শেয়ার করুন",
        position: "{total}টির মধ্যে {n}",
        just_now: "এইমাত্র",
        minutes_ago: "{n} মিনিট আগে",
        hours_ago: "{n} ঘণ্টা আগে",
        days_ago: "{n} দিন আগে",
    },
    UiStrings {
        lang: "id",
        sponsored: "Bersponsor",
        live: "Langsung",
        final_score: "Selesai",
        upcoming: "Akan datang",
        unlock: "Buka kunci untuk melanjutkan",
        like: "Suka",
        share: "Bagikan",
        position: "{n} dari {total}",
        just_now: "baru saja",
        minutes_ago: "{n} mnt lalu",
        hours_ago: "{n} jam lalu",
        days_ago: "{n} hari lalu",
    },
    UiStrings {
        lang: "ur",
        sponsored: "سپانسر شدہ",
        live: "لائیو",
        final_score: "ختم",
        upcoming: "آنے والا",
        unlock: "جاری رکھنے کے لیے ان لاک کریں",
        like: "پسند کریں",
        share: "شیئر کریں",
        position: "{total} میں سے {n}",
        just_now: "ابھی",
        minutes_ago: "{n} منٹ پہلے",
        hours_ago: "{n} گھنٹے پہلے",
        days_ago: "{n} دن پہلے",
    },
];

/// The strings for a language (primary subtag, any case), English when there is no entry.
pub fn strings(language: &str) -> &'static UiStrings {
    TABLE
        .iter()
        .find(|s| s.lang.eq_ignore_ascii_case(language))
        .unwrap_or(&TABLE[0])
}

impl UiStrings {
    /// "3 of 12" in this language (1-based `n`).
    pub fn position(&self, n: usize, total: usize) -> String {
        self.position
            .replace("{n}", &n.to_string())
            .replace("{total}", &total.to_string())
    }

    /// How long ago `then` was at `now`, coarsely ("2 h ago"); `None` for a time in the future.
    pub fn ago(&self, now: EpochMs, then: EpochMs) -> Option<String> {
        let minutes = now.checked_sub(then)? / 60_000;
        let (template, n) = match minutes {
            m if m < 0 => return None,
            0 => return Some(self.just_now.to_string()),
            m @ 1..=59 => (self.minutes_ago, m),
            m @ 60..=1439 => (self.hours_ago, m / 60),
            m => (self.days_ago, m / 1440),
        };
        Some(template.replace("{n}", &n.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookup_and_fallback() {
        assert_eq!(strings("hi").sponsored, "प्रायोजित");
        assert_eq!(strings("ID").lang, "id");
        assert_eq!(strings("xx").sponsored, "Sponsored");
        assert_eq!(strings("en").position(3, 12), "3 of 12");
        assert_eq!(strings("hi").position(3, 12), "12 में से 3");
    }

    #[test]
    fn relative_times() {
        let en = strings("en");
        let min = 60_000;
        assert_eq!(en.ago(100 * min, 100 * min).as_deref(), Some("just now"));
        assert_eq!(en.ago(100 * min, 95 * min).as_deref(), Some("5 min ago"));
        assert_eq!(en.ago(200 * min, 50 * min).as_deref(), Some("2 h ago"));
        assert_eq!(en.ago(5000 * min, 100 * min).as_deref(), Some("3 d ago"));
        assert_eq!(en.ago(0, 5 * min), None);
        assert_eq!(
            strings("id").ago(200 * min, 50 * min).as_deref(),
            Some("2 jam lalu")
        );
    }
}

//! The renderer's own words ("Sponsored", "Live", "3 of 12", "2 h ago", the controls' labels)
//! per language, English when a language has no entry: en, hi, bn, ta, te, mr, id, ms, fil,
//! th, vi, ur, es and pt. Numbers and relative times are better made by the platform (its
//! digits and its grammar): a [`Localize`] gives them, and the table's templates are the
//! fallback.

use crate::core::time::EpochMs;

/// UI strings of one language. `{n}` and `{total}` are filled in by [`UiStrings::position`],
/// `{n}` in the relative times by [`UiStrings::ago`].
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
    /// What a card is called (its role description for screen readers).
    pub card: &'static str,
    /// The label of the lock screen's region.
    pub lock_screen: &'static str,
    /// The previous-card control.
    pub previous: &'static str,
    /// The next-card control.
    pub next: &'static str,
    /// The control that pauses auto-advance and clips.
    pub pause: &'static str,
    /// The same control once paused.
    pub play: &'static str,
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
        card: "card",
        lock_screen: "Lock screen",
        previous: "Previous card",
        next: "Next card",
        pause: "Pause",
        play: "Play",
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
        card: "कार्ड",
        lock_screen: "लॉक स्क्रीन",
        previous: "पिछला कार्ड",
        next: "अगला कार्ड",
        pause: "रोकें",
        play: "चलाएं",
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
        card: "কার্ড",
        lock_screen: "লক স্ক্রিন",
        previous: "আগের কার্ড",
        next: "পরের কার্ড",
        pause: "বিরতি",
        play: "চালান",
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
        card: "கார்டு",
        lock_screen: "பூட்டுத் திரை",
        previous: "முந்தைய கார்டு",
        next: "அடுத்த கார்டு",
        pause: "இடைநிறுத்து",
        play: "இயக்கு",
    },
    UiStrings {
        lang: "te",
        sponsored: "ప్రాయోజితం",
        live: "ప్రత్యక్షం",
        final_score: "ముగిసింది",
        upcoming: "రాబోయేది",
        unlock: "కొనసాగించడానికి అన్‌లాక్ చేయండి",
        like: "ఇష్టం",
        share: "షేర్ చేయండి",
        position: "{total}లో {n}",
        just_now: "ఇప్పుడే",
        minutes_ago: "{n} నిమి. క్రితం",
        hours_ago: "{n} గం. క్రితం",
        days_ago: "{n} రోజుల క్రితం",
        card: "కార్డ్",
        lock_screen: "లాక్ స్క్రీన్",
        previous: "మునుపటి కార్డ్",
        next: "తదుపరి కార్డ్",
        pause: "పాజ్ చేయండి",
        play: "ప్లే చేయండి",
    },
    UiStrings {
        lang: "mr",
        sponsored: "प्रायोजित",
        live: "लाइव्ह",
        final_score: "संपला",
        upcoming: "आगामी",
        unlock: "सुरू ठेवण्यासाठी अनलॉक करा",
        like: "आवडले",
        share: "शेअर करा",
        position: "{total} पैकी {n}",
        just_now: "आत्ताच",
        minutes_ago: "{n} मिनिटांपूर्वी",
        hours_ago: "{n} तासांपूर्वी",
        days_ago: "{n} दिवसांपूर्वी",
        card: "कार्ड",
        lock_screen: "लॉक स्क्रीन",
        previous: "मागील कार्ड",
        next: "पुढील कार्ड",
        pause: "थांबवा",
        play: "सुरू करा",
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
        card: "kartu",
        lock_screen: "Layar kunci",
        previous: "Kartu sebelumnya",
        next: "Kartu berikutnya",
        pause: "Jeda",
        play: "Putar",
    },
    UiStrings {
        lang: "ms",
        sponsored: "Ditaja",
        live: "Langsung",
        final_score: "Tamat",
        upcoming: "Akan datang",
        unlock: "Buka kunci untuk teruskan",
        like: "Suka",
        share: "Kongsi",
        position: "{n} daripada {total}",
        just_now: "baru sahaja",
        minutes_ago: "{n} minit lalu",
        hours_ago: "{n} jam lalu",
        days_ago: "{n} hari lalu",
        card: "kad",
        lock_screen: "Skrin kunci",
        previous: "Kad sebelumnya",
        next: "Kad seterusnya",
        pause: "Jeda",
        play: "Main",
    },
    UiStrings {
        lang: "fil",
        sponsored: "May sponsor",
        live: "Live",
        final_score: "Tapos na",
        upcoming: "Paparating",
        unlock: "I-unlock para magpatuloy",
        like: "I-like",
        share: "Ibahagi",
        position: "{n} sa {total}",
        just_now: "ngayon lang",
        minutes_ago: "{n} minuto ang nakalipas",
        hours_ago: "{n} oras ang nakalipas",
        days_ago: "{n} araw ang nakalipas",
        card: "card",
        lock_screen: "Lock screen",
        previous: "Nakaraang card",
        next: "Susunod na card",
        pause: "I-pause",
        play: "I-play",
    },
    UiStrings {
        lang: "th",
        sponsored: "ได้รับการสนับสนุน",
        live: "สด",
        final_score: "จบแล้ว",
        upcoming: "เร็วๆ นี้",
        unlock: "ปลดล็อกเพื่อดำเนินการต่อ",
        like: "ถูกใจ",
        share: "แชร์",
        position: "{n} จาก {total}",
        just_now: "เมื่อสักครู่",
        minutes_ago: "{n} นาทีที่แล้ว",
        hours_ago: "{n} ชั่วโมงที่แล้ว",
        days_ago: "{n} วันที่แล้ว",
        card: "การ์ด",
        lock_screen: "หน้าจอล็อก",
        previous: "การ์ดก่อนหน้า",
        next: "การ์ดถัดไป",
        pause: "หยุดชั่วคราว",
        play: "เล่น",
    },
    UiStrings {
        lang: "vi",
        sponsored: "Được tài trợ",
        live: "Trực tiếp",
        final_score: "Kết thúc",
        upcoming: "Sắp diễn ra",
        unlock: "Mở khóa để tiếp tục",
        like: "Thích",
        share: "Chia sẻ",
        position: "{n} / {total}",
        just_now: "vừa xong",
        minutes_ago: "{n} phút trước",
        hours_ago: "{n} giờ trước",
        days_ago: "{n} ngày trước",
        card: "thẻ",
        lock_screen: "Màn hình khóa",
        previous: "Thẻ trước",
        next: "Thẻ tiếp theo",
        pause: "Tạm dừng",
        play: "Phát",
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
        card: "کارڈ",
        lock_screen: "لاک اسکرین",
        previous: "پچھلا کارڈ",
        next: "اگلا کارڈ",
        pause: "روکیں",
        play: "چلائیں",
    },
    UiStrings {
        lang: "es",
        sponsored: "Patrocinado",
        live: "En vivo",
        final_score: "Final",
        upcoming: "Próximamente",
        unlock: "Desbloquea para continuar",
        like: "Me gusta",
        share: "Compartir",
        position: "{n} de {total}",
        just_now: "ahora mismo",
        minutes_ago: "hace {n} min",
        hours_ago: "hace {n} h",
        days_ago: "hace {n} d",
        card: "tarjeta",
        lock_screen: "Pantalla de bloqueo",
        previous: "Tarjeta anterior",
        next: "Tarjeta siguiente",
        pause: "Pausar",
        play: "Reproducir",
    },
    UiStrings {
        lang: "pt",
        sponsored: "Patrocinado",
        live: "Ao vivo",
        final_score: "Encerrado",
        upcoming: "Em breve",
        unlock: "Desbloqueie para continuar",
        like: "Curtir",
        share: "Compartilhar",
        position: "{n} de {total}",
        just_now: "agora mesmo",
        minutes_ago: "há {n} min",
        hours_ago: "há {n} h",
        days_ago: "há {n} d",
        card: "cartão",
        lock_screen: "Tela de bloqueio",
        previous: "Cartão anterior",
        next: "Próximo cartão",
        pause: "Pausar",
        play: "Reproduzir",
    },
];

/// Every language the table has, by primary subtag.
pub fn languages() -> impl Iterator<Item = &'static str> {
    TABLE.iter().map(|s| s.lang)
}

/// The strings for a language (primary subtag, any case), English when there is no entry.
pub fn strings(language: &str) -> &'static UiStrings {
    TABLE
        .iter()
        .find(|s| s.lang.eq_ignore_ascii_case(language))
        .unwrap_or(&TABLE[0])
}

/// The unit of a relative time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeUnit {
    /// Minutes.
    Minute,
    /// Hours.
    Hour,
    /// Days.
    Day,
}

impl TimeUnit {
    /// The unit's name as `Intl.RelativeTimeFormat` takes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Minute => "minute",
            Self::Hour => "hour",
            Self::Day => "day",
        }
    }
}

/// What the platform formats better than the table, for a BCP 47 `tag`: a number in the
/// language's digits, and "`amount` `unit`s ago" in its grammar. `None` leaves it to the table.
pub trait Localize {
    /// `n` written for `tag`.
    fn number(&self, tag: &str, n: u64) -> Option<String>;
    /// `amount` `unit`s ago, written for `tag`.
    fn ago(&self, tag: &str, amount: u64, unit: TimeUnit) -> Option<String>;
}

/// The table alone: ASCII digits and the table's templates (host tests, or no `Intl`).
#[derive(Debug, Default, Clone, Copy)]
pub struct TableOnly;

impl Localize for TableOnly {
    fn number(&self, _: &str, _: u64) -> Option<String> {
        None
    }
    fn ago(&self, _: &str, _: u64, _: TimeUnit) -> Option<String> {
        None
    }
}

impl UiStrings {
    /// "3 of 12" for a card in language `tag` (1-based `n`).
    pub fn position(&self, n: usize, total: usize, tag: &str, fmt: &dyn Localize) -> String {
        let number = |v: usize| fmt.number(tag, v as u64).unwrap_or_else(|| v.to_string());
        self.position
            .replace("{n}", &number(n))
            .replace("{total}", &number(total))
    }

    /// How long ago `then` was at `now`, coarsely ("2 h ago"), for language `tag`; `None`
    /// for a time in the future.
    pub fn ago(
        &self,
        now: EpochMs,
        then: EpochMs,
        tag: &str,
        fmt: &dyn Localize,
    ) -> Option<String> {
        let minutes = now.checked_sub(then)? / 60_000;
        let (template, n, unit) = match minutes {
            m if m < 0 => return None,
            0 => return Some(self.just_now.to_string()),
            m @ 1..=59 => (self.minutes_ago, m, TimeUnit::Minute),
            m @ 60..=1439 => (self.hours_ago, m / 60, TimeUnit::Hour),
            m => (self.days_ago, m / 1440, TimeUnit::Day),
        };
        let n = u64::try_from(n).ok()?;
        fmt.ago(tag, n, unit).or_else(|| {
            let number = fmt.number(tag, n).unwrap_or_else(|| n.to_string());
            Some(template.replace("{n}", &number))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [&str; 14] = [
        "en", "hi", "bn", "ta", "te", "mr", "id", "ms", "fil", "th", "vi", "ur", "es", "pt",
    ];

    #[test]
    fn every_language_of_the_issue_has_every_string() {
        assert_eq!(languages().collect::<Vec<_>>().len(), ALL.len());
        for lang in ALL {
            let s = strings(lang);
            assert_eq!(s.lang, lang, "{lang} has an entry");
            for (name, text) in [
                ("sponsored", s.sponsored),
                ("live", s.live),
                ("final_score", s.final_score),
                ("upcoming", s.upcoming),
                ("unlock", s.unlock),
                ("like", s.like),
                ("share", s.share),
                ("just_now", s.just_now),
                ("card", s.card),
                ("lock_screen", s.lock_screen),
                ("previous", s.previous),
                ("next", s.next),
                ("pause", s.pause),
                ("play", s.play),
            ] {
                assert!(!text.trim().is_empty(), "{lang}.{name}");
            }
            assert!(
                s.position.contains("{n}") && s.position.contains("{total}"),
                "{lang}"
            );
            for t in [s.minutes_ago, s.hours_ago, s.days_ago] {
                assert!(t.contains("{n}"), "{lang}: {t}");
            }
            if lang != "en" {
                assert_ne!(s.sponsored, "Sponsored", "{lang} is translated");
            }
        }
    }

    #[test]
    fn lookup_and_fallback() {
        assert_eq!(strings("hi").sponsored, "प्रायोजित");
        assert_eq!(strings("ID").lang, "id");
        assert_eq!(strings("xx").sponsored, "Sponsored");
        assert_eq!(strings("en").position(3, 12, "en", &TableOnly), "3 of 12");
        assert_eq!(strings("hi").position(3, 12, "hi", &TableOnly), "12 में से 3");
    }

    /// A platform that writes Bengali digits and English relative times, to show which parts
    /// it is asked for.
    struct Fake;
    impl Localize for Fake {
        fn number(&self, tag: &str, n: u64) -> Option<String> {
            (tag == "bn").then(|| {
                n.to_string()
                    .chars()
                    .map(|d| char::from_u32(0x09E6 + d.to_digit(10).unwrap_or(0)).unwrap_or(d))
                    .collect()
            })
        }
        fn ago(&self, tag: &str, amount: u64, unit: TimeUnit) -> Option<String> {
            (tag == "en-IN").then(|| format!("{amount} {}s ago", unit.as_str()))
        }
    }

    #[test]
    fn the_platform_writes_numbers_and_relative_times_when_it_can() {
        let min = 60_000;
        assert_eq!(strings("bn").position(3, 12, "bn", &Fake), "১২টির মধ্যে ৩");
        assert_eq!(
            strings("bn")
                .ago(200 * min, 50 * min, "bn", &Fake)
                .as_deref(),
            Some("২ ঘণ্টা আগে"),
            "the table's template with the platform's digits"
        );
        assert_eq!(
            strings("en")
                .ago(200 * min, 50 * min, "en-IN", &Fake)
                .as_deref(),
            Some("2 hours ago")
        );
        assert_eq!(
            strings("en")
                .ago(100 * min, 100 * min, "en-IN", &Fake)
                .as_deref(),
            Some("just now")
        );
    }

    #[test]
    fn relative_times() {
        let en = strings("en");
        let min = 60_000;
        let ago = |now, then| en.ago(now, then, "en", &TableOnly);
        assert_eq!(ago(100 * min, 100 * min).as_deref(), Some("just now"));
        assert_eq!(ago(100 * min, 95 * min).as_deref(), Some("5 min ago"));
        assert_eq!(ago(200 * min, 50 * min).as_deref(), Some("2 h ago"));
        assert_eq!(ago(5000 * min, 100 * min).as_deref(), Some("3 d ago"));
        assert_eq!(ago(0, 5 * min), None);
        assert_eq!(
            strings("id")
                .ago(200 * min, 50 * min, "id", &TableOnly)
                .as_deref(),
            Some("2 jam lalu")
        );
    }
}

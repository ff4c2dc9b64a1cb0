//! The renderer's own words ("Sponsored", "Live", "3 of 12", "2 h ago", the controls' labels)
//! per language, English when a language has no entry: en, hi, bn, ta, te, mr, id, ms, fil,
//! th, vi, ur, es, pt and ja, with their own entries for `es-ES` and `pt-PT`.
//!
//! Counts are written in the language's own digits (CLDR's default numbering: Bengali digits
//! for `bn`, Devanagari for `mr`, unless the tag asks for `-u-nu-latn`) and relative times
//! take the form its plural rules pick ("1 तासापूर्वी", "2 तासांपूर्वी"). All of it is in the
//! table, so a card reads the same at the first wake as an hour later: no `Intl` formatter
//! (whose first use loads ICU data, and whose words differ from the table's) is involved.

use crate::core::time::WallMs;

/// A CLDR plural category, of those the table's languages use for whole numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Plural {
    /// `one`.
    One,
    /// `other` (and `many`, which the table writes as `other`).
    Other,
}

/// How a language picks the plural category of a whole number `n` (CLDR's rules, for
/// integers; `i` is `n`, `v` is 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PluralRule {
    /// `one` for 1 only (English, Marathi, Tamil, Telugu, Urdu, Spanish, European Portuguese).
    OneIsOne,
    /// `one` for 0 and 1 (Hindi, Bengali: `i = 0 or n = 1`; Brazilian Portuguese: `i = 0..1`).
    ZeroOrOne,
    /// Filipino: `one` unless the last digit is 4, 6 or 9.
    Filipino,
    /// No plural forms (Indonesian, Malay, Thai, Vietnamese, Japanese).
    None,
}

impl PluralRule {
    /// The category of `n`.
    pub fn select(self, n: u64) -> Plural {
        let one = match self {
            Self::OneIsOne => n == 1,
            Self::ZeroOrOne => n <= 1,
            Self::Filipino => !matches!(n % 10, 4 | 6 | 9),
            Self::None => false,
        };
        if one {
            Plural::One
        } else {
            Plural::Other
        }
    }
}

/// A phrase with a count, in the forms of a language's plural categories; `{n}` is the count.
#[derive(Debug, PartialEq, Eq)]
pub struct Counted {
    /// The `one` form.
    pub one: &'static str,
    /// The `other` form.
    pub other: &'static str,
}

/// Both forms alike (a language, or an abbreviation, that does not inflect).
const fn same(form: &'static str) -> Counted {
    Counted {
        one: form,
        other: form,
    }
}

/// UI strings of one language. `{n}` and `{total}` are filled in by [`UiStrings::position`],
/// `{n}` in the relative times by [`UiStrings::ago`].
#[derive(Debug, PartialEq, Eq)]
pub struct UiStrings {
    /// The language this entry is for: a primary subtag, or a language and region (`pt-PT`).
    pub lang: &'static str,
    /// The language's digit zero: its digits are this and the nine after it.
    pub zero: char,
    /// How the language picks a plural form.
    pub plural: PluralRule,
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
    pub minutes_ago: Counted,
    /// "{n} h ago".
    pub hours_ago: Counted,
    /// "{n} d ago".
    pub days_ago: Counted,
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

/// Spanish as Latin America writes it (and `es-ES`'s base).
const ES: UiStrings = UiStrings {
    lang: "es",
    zero: '0',
    plural: PluralRule::OneIsOne,
    sponsored: "Patrocinado",
    live: "En vivo",
    final_score: "Final",
    upcoming: "Próximamente",
    unlock: "Desbloquea para continuar",
    like: "Me gusta",
    share: "Compartir",
    position: "{n} de {total}",
    just_now: "ahora mismo",
    minutes_ago: same("hace {n} min"),
    hours_ago: same("hace {n} h"),
    days_ago: same("hace {n} d"),
    card: "tarjeta",
    lock_screen: "Pantalla de bloqueo",
    previous: "Tarjeta anterior",
    next: "Tarjeta siguiente",
    pause: "Pausar",
    play: "Reproducir",
};

/// Portuguese as Brazil writes it (and `pt-PT`'s base).
const PT: UiStrings = UiStrings {
    lang: "pt",
    zero: '0',
    plural: PluralRule::ZeroOrOne,
    sponsored: "Patrocinado",
    live: "Ao vivo",
    final_score: "Encerrado",
    upcoming: "Em breve",
    unlock: "Desbloqueie para continuar",
    like: "Curtir",
    share: "Compartilhar",
    position: "{n} de {total}",
    just_now: "agora mesmo",
    minutes_ago: same("há {n} min"),
    hours_ago: same("há {n} h"),
    days_ago: same("há {n} d"),
    card: "cartão",
    lock_screen: "Tela de bloqueio",
    previous: "Cartão anterior",
    next: "Próximo cartão",
    pause: "Pausar",
    play: "Reproduzir",
};

const TABLE: &[UiStrings] = &[
    UiStrings {
        lang: "en",
        zero: '0',
        plural: PluralRule::OneIsOne,
        sponsored: "Sponsored",
        live: "Live",
        final_score: "Final",
        upcoming: "Upcoming",
        unlock: "Unlock to continue",
        like: "Like",
        share: "Share",
        position: "{n} of {total}",
        just_now: "just now",
        minutes_ago: same("{n} min ago"),
        hours_ago: same("{n} h ago"),
        days_ago: same("{n} d ago"),
        card: "card",
        lock_screen: "Lock screen",
        previous: "Previous card",
        next: "Next card",
        pause: "Pause",
        play: "Play",
    },
    UiStrings {
        lang: "hi",
        zero: '0',
        plural: PluralRule::ZeroOrOne,
        sponsored: "प्रायोजित",
        live: "लाइव",
        final_score: "समाप्त",
        upcoming: "आगामी",
        unlock: "जारी रखने के लिए अनलॉक करें",
        like: "पसंद करें",
        share: "शेयर करें",
        position: "{total} में से {n}",
        just_now: "अभी",
        minutes_ago: same("{n} मिनट पहले"),
        hours_ago: same("{n} घंटे पहले"),
        days_ago: same("{n} दिन पहले"),
        card: "कार्ड",
        lock_screen: "लॉक स्क्रीन",
        previous: "पिछला कार्ड",
        next: "अगला कार्ड",
        pause: "रोकें",
        play: "चलाएं",
    },
    UiStrings {
        lang: "bn",
        zero: '\u{9e6}',
        plural: PluralRule::ZeroOrOne,
        sponsored: "স্পনসর করা",
        live: "লাইভ",
        final_score: "শেষ",
        upcoming: "আসন্ন",
        unlock: "চালিয়ে যেতে আনলক করুন",
        like: "পছন্দ করুন",
        share: "শেয়ার করুন",
        position: "{total}টির মধ্যে {n}",
        just_now: "এইমাত্র",
        minutes_ago: same("{n} মিনিট আগে"),
        hours_ago: same("{n} ঘণ্টা আগে"),
        days_ago: same("{n} দিন আগে"),
        card: "কার্ড",
        lock_screen: "লক স্ক্রিন",
        previous: "আগের কার্ড",
        next: "পরের কার্ড",
        pause: "বিরতি",
        play: "চালান",
    },
    UiStrings {
        lang: "ta",
        zero: '0',
        plural: PluralRule::OneIsOne,
        sponsored: "விளம்பரம்",
        live: "நேரலை",
        final_score: "முடிவு",
        upcoming: "வரவிருக்கிறது",
        unlock: "தொடர திறக்கவும்",
        like: "விரும்பு",
        share: "பகிர்",
        position: "{total} இல் {n}",
        just_now: "இப்போது",
        minutes_ago: same("{n} நிமி. முன்"),
        hours_ago: same("{n} மணி. முன்"),
        days_ago: Counted {
            one: "{n} நாளுக்கு முன்",
            other: "{n} நாட்களுக்கு முன்",
        },
        card: "கார்டு",
        lock_screen: "பூட்டுத் திரை",
        previous: "முந்தைய கார்டு",
        next: "அடுத்த கார்டு",
        pause: "இடைநிறுத்து",
        play: "இயக்கு",
    },
    UiStrings {
        lang: "te",
        zero: '0',
        plural: PluralRule::OneIsOne,
        sponsored: "ప్రాయోజితం",
        live: "ప్రత్యక్షం",
        final_score: "ముగిసింది",
        upcoming: "రాబోయేది",
        unlock: "కొనసాగించడానికి అన్‌లాక్ చేయండి",
        like: "ఇష్టం",
        share: "షేర్ చేయండి",
        position: "{total}లో {n}",
        just_now: "ఇప్పుడే",
        minutes_ago: same("{n} నిమి. క్రితం"),
        hours_ago: same("{n} గం. క్రితం"),
        days_ago: Counted {
            one: "{n} రోజు క్రితం",
            other: "{n} రోజుల క్రితం",
        },
        card: "కార్డ్",
        lock_screen: "లాక్ స్క్రీన్",
        previous: "మునుపటి కార్డ్",
        next: "తదుపరి కార్డ్",
        pause: "పాజ్ చేయండి",
        play: "ప్లే చేయండి",
    },
    UiStrings {
        lang: "mr",
        zero: '\u{966}',
        plural: PluralRule::OneIsOne,
        sponsored: "प्रायोजित",
        live: "लाइव्ह",
        final_score: "संपला",
        upcoming: "आगामी",
        unlock: "सुरू ठेवण्यासाठी अनलॉक करा",
        like: "आवडले",
        share: "शेअर करा",
        position: "{total} पैकी {n}",
        just_now: "आत्ताच",
        minutes_ago: Counted {
            one: "{n} मिनिटापूर्वी",
            other: "{n} मिनिटांपूर्वी",
        },
        hours_ago: Counted {
            one: "{n} तासापूर्वी",
            other: "{n} तासांपूर्वी",
        },
        days_ago: Counted {
            one: "{n} दिवसापूर्वी",
            other: "{n} दिवसांपूर्वी",
        },
        card: "कार्ड",
        lock_screen: "लॉक स्क्रीन",
        previous: "मागील कार्ड",
        next: "पुढील कार्ड",
        pause: "थांबवा",
        play: "सुरू करा",
    },
    UiStrings {
        lang: "id",
        zero: '0',
        plural: PluralRule::None,
        sponsored: "Bersponsor",
        live: "Langsung",
        final_score: "Selesai",
        upcoming: "Akan datang",
        unlock: "Buka kunci untuk melanjutkan",
        like: "Suka",
        share: "Bagikan",
        position: "{n} dari {total}",
        just_now: "baru saja",
        minutes_ago: same("{n} mnt lalu"),
        hours_ago: same("{n} jam lalu"),
        days_ago: same("{n} hari lalu"),
        card: "kartu",
        lock_screen: "Layar kunci",
        previous: "Kartu sebelumnya",
        next: "Kartu berikutnya",
        pause: "Jeda",
        play: "Putar",
    },
    UiStrings {
        lang: "ms",
        zero: '0',
        plural: PluralRule::None,
        sponsored: "Ditaja",
        live: "Langsung",
        final_score: "Tamat",
        upcoming: "Akan datang",
        unlock: "Buka kunci untuk teruskan",
        like: "Suka",
        share: "Kongsi",
        position: "{n} daripada {total}",
        just_now: "baru sahaja",
        minutes_ago: same("{n} minit lalu"),
        hours_ago: same("{n} jam lalu"),
        days_ago: same("{n} hari lalu"),
        card: "kad",
        lock_screen: "Skrin kunci",
        previous: "Kad sebelumnya",
        next: "Kad seterusnya",
        pause: "Jeda",
        play: "Main",
    },
    UiStrings {
        lang: "fil",
        zero: '0',
        plural: PluralRule::Filipino,
        sponsored: "May sponsor",
        live: "Live",
        final_score: "Tapos na",
        upcoming: "Paparating",
        unlock: "I-unlock para magpatuloy",
        like: "I-like",
        share: "Ibahagi",
        position: "{n} sa {total}",
        just_now: "ngayon lang",
        minutes_ago: same("{n} minuto ang nakalipas"),
        hours_ago: same("{n} oras ang nakalipas"),
        days_ago: same("{n} araw ang nakalipas"),
        card: "card",
        lock_screen: "Lock screen",
        previous: "Nakaraang card",
        next: "Susunod na card",
        pause: "I-pause",
        play: "I-play",
    },
    UiStrings {
        lang: "th",
        zero: '0',
        plural: PluralRule::None,
        sponsored: "ได้รับการสนับสนุน",
        live: "สด",
        final_score: "จบแล้ว",
        upcoming: "เร็วๆ นี้",
        unlock: "ปลดล็อกเพื่อดำเนินการต่อ",
        like: "ถูกใจ",
        share: "แชร์",
        position: "{n} จาก {total}",
        just_now: "เมื่อสักครู่",
        minutes_ago: same("{n} นาทีที่แล้ว"),
        hours_ago: same("{n} ชั่วโมงที่แล้ว"),
        days_ago: same("{n} วันที่แล้ว"),
        card: "การ์ด",
        lock_screen: "หน้าจอล็อก",
        previous: "การ์ดก่อนหน้า",
        next: "การ์ดถัดไป",
        pause: "หยุดชั่วคราว",
        play: "เล่น",
    },
    UiStrings {
        lang: "vi",
        zero: '0',
        plural: PluralRule::None,
        sponsored: "Được tài trợ",
        live: "Trực tiếp",
        final_score: "Kết thúc",
        upcoming: "Sắp diễn ra",
        unlock: "Mở khóa để tiếp tục",
        like: "Thích",
        share: "Chia sẻ",
        position: "{n} / {total}",
        just_now: "vừa xong",
        minutes_ago: same("{n} phút trước"),
        hours_ago: same("{n} giờ trước"),
        days_ago: same("{n} ngày trước"),
        card: "thẻ",
        lock_screen: "Màn hình khóa",
        previous: "Thẻ trước",
        next: "Thẻ tiếp theo",
        pause: "Tạm dừng",
        play: "Phát",
    },
    UiStrings {
        lang: "ur",
        zero: '0',
        plural: PluralRule::OneIsOne,
        sponsored: "سپانسر شدہ",
        live: "لائیو",
        final_score: "ختم",
        upcoming: "آنے والا",
        unlock: "جاری رکھنے کے لیے ان لاک کریں",
        like: "پسند کریں",
        share: "شیئر کریں",
        position: "{total} میں سے {n}",
        just_now: "ابھی",
        minutes_ago: same("{n} منٹ پہلے"),
        hours_ago: Counted {
            one: "{n} گھنٹہ پہلے",
            other: "{n} گھنٹے پہلے",
        },
        days_ago: same("{n} دن پہلے"),
        card: "کارڈ",
        lock_screen: "لاک اسکرین",
        previous: "پچھلا کارڈ",
        next: "اگلا کارڈ",
        pause: "روکیں",
        play: "چلائیں",
    },
    ES,
    PT,
    // Spain's Spanish: the Latin American entry's words but for "live".
    UiStrings {
        lang: "es-ES",
        live: "En directo",
        ..ES
    },
    // European Portuguese: its own plural rule (0 is "other") and the words that differ from
    // Brazil's.
    UiStrings {
        lang: "pt-PT",
        plural: PluralRule::OneIsOne,
        live: "Em direto",
        final_score: "Terminado",
        upcoming: "Brevemente",
        like: "Gosto",
        share: "Partilhar",
        lock_screen: "Ecrã de bloqueio",
        next: "Cartão seguinte",
        ..PT
    },
    UiStrings {
        lang: "ja",
        zero: '0',
        plural: PluralRule::None,
        sponsored: "スポンサー",
        live: "ライブ",
        final_score: "試合終了",
        upcoming: "開始前",
        unlock: "ロックを解除して続ける",
        like: "いいね",
        share: "共有",
        position: "{n}/{total}",
        just_now: "たった今",
        minutes_ago: same("{n}分前"),
        hours_ago: same("{n}時間前"),
        days_ago: same("{n}日前"),
        card: "カード",
        lock_screen: "ロック画面",
        previous: "前のカード",
        next: "次のカード",
        pause: "一時停止",
        play: "再生",
    },
];

/// Every language the table has, by primary subtag.
pub fn languages() -> impl Iterator<Item = &'static str> {
    TABLE.iter().map(|s| s.lang)
}

/// The strings for a BCP 47 tag: the entry for its language and region (`pt-PT`), else for
/// its language (any case), else English.
pub fn strings(tag: &str) -> &'static UiStrings {
    let mut parts = tag.split('-');
    let language = parts.next().unwrap_or_default();
    // The region: the first subtag of two letters or three digits, before any singleton.
    let region = parts
        .take_while(|p| p.len() != 1)
        .find(|p| p.len() == 2 || (p.len() == 3 && p.bytes().all(|b| b.is_ascii_digit())));
    let regional = region.and_then(|region| {
        TABLE.iter().find(|s| {
            s.lang.split_once('-').is_some_and(|(l, r)| {
                l.eq_ignore_ascii_case(language) && r.eq_ignore_ascii_case(region)
            })
        })
    });
    regional
        .or_else(|| TABLE.iter().find(|s| s.lang.eq_ignore_ascii_case(language)))
        .unwrap_or(&TABLE[0])
}

/// Whether `tag` asks for Latin digits whatever its language's own (`-u-nu-latn`).
fn latin_digits(tag: &str) -> bool {
    let lower = tag.to_ascii_lowercase();
    let mut keys = lower
        .split('-')
        .skip_while(|p| *p != "u")
        .skip(1)
        .take_while(|p| p.len() != 1);
    keys.by_ref().any(|p| p == "nu") && keys.next() == Some("latn")
}

impl UiStrings {
    /// `n` in the language's digits, for a card in `tag`.
    pub fn number(&self, n: u64, tag: &str) -> String {
        let text = n.to_string();
        if self.zero == '0' || latin_digits(tag) {
            return text;
        }
        text.bytes()
            .map(|d| char::from_u32(self.zero as u32 + u32::from(d - b'0')).unwrap_or('?'))
            .collect()
    }

    /// "3 of 12" for a card in `tag` (1-based `n`).
    pub fn position(&self, n: usize, total: usize, tag: &str) -> String {
        self.position
            .replace("{n}", &self.number(n as u64, tag))
            .replace("{total}", &self.number(total as u64, tag))
    }

    /// `phrase` for the count `n`: the form of `n`'s plural category, in the language's digits.
    pub fn counted(&self, phrase: &Counted, n: u64, tag: &str) -> String {
        let form = match self.plural.select(n) {
            Plural::One => phrase.one,
            Plural::Other => phrase.other,
        };
        form.replace("{n}", &self.number(n, tag))
    }

    /// How long ago `then` was at `now`, coarsely ("2 h ago"), for a card in `tag`; `None` for
    /// a time in the future.
    pub fn ago(&self, now: WallMs, then: WallMs, tag: &str) -> Option<String> {
        let minutes = now.0.checked_sub(then.0)? / 60_000;
        let (phrase, n) = match minutes {
            m if m < 0 => return None,
            0 => return Some(self.just_now.to_string()),
            m @ 1..=59 => (&self.minutes_ago, m),
            m @ 60..=1439 => (&self.hours_ago, m / 60),
            m => (&self.days_ago, m / 1440),
        };
        Some(self.counted(phrase, u64::try_from(n).ok()?, tag))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [&str; 17] = [
        "en", "hi", "bn", "ta", "te", "mr", "id", "ms", "fil", "th", "vi", "ur", "es", "pt",
        "es-ES", "pt-PT", "ja",
    ];

    #[test]
    fn every_language_has_every_string() {
        assert_eq!(languages().collect::<Vec<_>>(), ALL);
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
            for t in [&s.minutes_ago, &s.hours_ago, &s.days_ago] {
                assert!(
                    t.one.contains("{n}") && t.other.contains("{n}"),
                    "{lang}: {t:?}"
                );
            }
            if lang != "en" {
                assert_ne!(s.sponsored, "Sponsored", "{lang} is translated");
            }
        }
    }

    #[test]
    fn lookup_by_region_then_language_then_english() {
        assert_eq!(strings("hi").sponsored, "प्रायोजित");
        assert_eq!(strings("ID").lang, "id");
        assert_eq!(strings("xx").sponsored, "Sponsored");
        assert_eq!(strings("pt-PT").like, "Gosto");
        assert_eq!(strings("pt-pt").lang, "pt-PT");
        assert_eq!(strings("pt-Latn-PT").lang, "pt-PT");
        assert_eq!(strings("pt-BR").like, "Curtir");
        assert_eq!(strings("pt").lang, "pt");
        assert_eq!(strings("es-ES").live, "En directo");
        assert_eq!(strings("es-419").live, "En vivo");
        assert_eq!(strings("es-MX").lang, "es");
        // A region after a singleton is not the tag's region.
        assert_eq!(strings("es-x-es").lang, "es");
        assert_eq!(strings("ja-JP").lang, "ja");
    }

    #[test]
    fn counts_in_the_languages_digits() {
        assert_eq!(strings("en").position(3, 12, "en"), "3 of 12");
        assert_eq!(strings("hi").position(3, 12, "hi"), "12 में से 3");
        assert_eq!(strings("bn").position(3, 12, "bn-IN"), "১২টির মধ্যে ৩");
        assert_eq!(strings("mr").position(10, 14, "mr"), "१४ पैकी १०");
        assert_eq!(
            strings("bn").position(3, 12, "bn-u-nu-latn"),
            "12টির মধ্যে 3"
        );
        assert_eq!(strings("ja").position(3, 12, "ja"), "3/12");
    }

    #[test]
    fn relative_times_take_the_plural_form() {
        let min = 60_000;
        let ago = |tag: &str, minutes: i64| strings(tag).ago(WallMs(minutes * min), WallMs(0), tag);
        let cases = [
            ("en", 0, "just now"),
            ("en", 5, "5 min ago"),
            ("en", 150, "2 h ago"),
            ("en", 4900, "3 d ago"),
            ("mr", 60, "१ तासापूर्वी"),
            ("mr", 120, "२ तासांपूर्वी"),
            ("mr", 1, "१ मिनिटापूर्वी"),
            ("mr", 2, "२ मिनिटांपूर्वी"),
            ("mr", 1440, "१ दिवसापूर्वी"),
            ("mr-u-nu-latn", 60, "1 तासापूर्वी"),
            // Hindi's पहले takes the oblique घंटे for one hour as for three.
            ("hi", 60, "1 घंटे पहले"),
            ("hi", 180, "3 घंटे पहले"),
            ("ta", 1440, "1 நாளுக்கு முன்"),
            ("ta", 2880, "2 நாட்களுக்கு முன்"),
            ("ur", 60, "1 گھنٹہ پہلے"),
            ("ur", 120, "2 گھنٹے پہلے"),
            ("te", 1440, "1 రోజు క్రితం"),
            ("te", 2880, "2 రోజుల క్రితం"),
            ("bn", 150, "২ ঘণ্টা আগে"),
            ("id", 150, "2 jam lalu"),
            ("ja", 150, "2時間前"),
            ("pt-PT", 150, "há 2 h"),
        ];
        for (tag, minutes, want) in cases {
            assert_eq!(
                ago(tag, minutes).as_deref(),
                Some(want),
                "{tag}, {minutes} min"
            );
        }
        assert_eq!(
            strings("en").ago(WallMs(0), WallMs(5 * min), "en"),
            None,
            "the future"
        );
    }

    #[test]
    fn plural_rules_of_whole_numbers() {
        use Plural::{One, Other};
        let rule = |tag: &str| strings(tag).plural;
        let cases = [
            ("en", [Other, One, Other, Other, Other]),
            ("hi", [One, One, Other, Other, Other]),
            ("pt", [One, One, Other, Other, Other]),
            ("pt-PT", [Other, One, Other, Other, Other]),
            ("fil", [One, One, One, Other, Other]),
            ("id", [Other, Other, Other, Other, Other]),
        ];
        for (tag, want) in cases {
            let got = [0, 1, 2, 4, 16].map(|n| rule(tag).select(n));
            assert_eq!(got, want, "{tag}");
        }
    }
}

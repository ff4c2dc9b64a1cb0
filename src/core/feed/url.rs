//! The feed's URL rules (contracts §1).
//!
//! Browsers forgive a lot when they parse a URL: they drop tabs and newlines anywhere, trim
//! control characters and spaces at the ends, treat `\` as `/` and lower-case the scheme. A rule
//! that looked only at the raw text could be smuggled past (`java\tscript:`), so any URL holding
//! such characters is refused outright and the scheme is found the way a browser finds it.

use std::fmt;

/// Why a URL was refused. `Display` gives the reason as shown in a rejection report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UrlError {
    /// The string is empty or only white space.
    Empty,
    /// Holds a control character, white space or a backslash, which browsers rewrite.
    Unsafe,
    /// Holds an invisible formatting character (a direction override, a zero-width space),
    /// which makes a URL read as something it is not.
    Invisible,
    /// `//host/...`: inherits the page's scheme, so it may leave the device unencrypted.
    ProtocolRelative,
    /// `https:` without a host.
    MissingHost,
    /// A scheme that is not allowed in this place.
    Scheme {
        /// The scheme found, lower-cased, without the colon.
        found: String,
        /// What this place accepts, for the message.
        allowed: &'static str,
    },
    /// Longer than [`MAX_URL_LEN`].
    TooLong(usize),
}

/// The longest URL accepted, in bytes.
pub const MAX_URL_LEN: usize = 2048;

impl fmt::Display for UrlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => f.write_str("is empty"),
            Self::Unsafe => f.write_str("contains white space, a control character or a backslash"),
            Self::Invisible => f.write_str(
                "contains an invisible formatting character (a direction override or a zero-width space)",
            ),
            Self::ProtocolRelative => f.write_str("is protocol-relative (starts with //)"),
            Self::MissingHost => f.write_str("has no host after https://"),
            Self::Scheme { found, allowed } => {
                write!(f, "uses the scheme \"{found}:\"; allowed: {allowed}")
            }
            Self::TooLong(n) => write!(f, "is {n} bytes long; at most {MAX_URL_LEN}"),
        }
    }
}

impl std::error::Error for UrlError {}

/// The scheme of `url` as a browser would read it, lower-cased, or `None` for a relative URL.
fn scheme(url: &str) -> Option<String> {
    let colon = url.find(':')?;
    let candidate = &url[..colon];
    let mut chars = candidate.chars();
    let first = chars.next()?;
    let valid = first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then(|| candidate.to_ascii_lowercase())
}

/// Characters that change how text reads without showing: direction marks and overrides,
/// zero-width spaces and joiners, the word joiner, the byte-order mark, the soft hyphen.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}'
            | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{feff}'
    )
}

fn common_checks(url: &str) -> Result<(), UrlError> {
    if url.trim().is_empty() {
        return Err(UrlError::Empty);
    }
    if url.len() > MAX_URL_LEN {
        return Err(UrlError::TooLong(url.len()));
    }
    if url
        .chars()
        .any(|c| c.is_control() || c.is_whitespace() || c == '\\')
    {
        return Err(UrlError::Unsafe);
    }
    if url.chars().any(is_invisible) {
        return Err(UrlError::Invisible);
    }
    if url.starts_with("//") {
        return Err(UrlError::ProtocolRelative);
    }
    Ok(())
}

fn check_https(url: &str) -> Result<(), UrlError> {
    let rest = &url["https:".len()..];
    let host = rest.strip_prefix("//").unwrap_or("");
    let host_end = host.find(['/', '?', '#']).unwrap_or(host.len());
    // Credentials before the host (`https://a@b`) are a classic disguise for the real host.
    if host[..host_end].is_empty() || host[..host_end].contains('@') {
        return Err(UrlError::MissingHost);
    }
    Ok(())
}

/// A media or logo source: a relative path (bundled with the app, works offline) or `https:`.
///
/// ```
/// use glance_renderer::core::feed::url::check_media_url;
/// assert!(check_media_url("media/stadium.jpg").is_ok());
/// assert!(check_media_url("https://cdn.example.com/a.jpg").is_ok());
/// assert!(check_media_url("data:image/png;base64,AAAA").is_err());
/// ```
pub fn check_media_url(url: &str) -> Result<(), UrlError> {
    common_checks(url)?;
    match scheme(url) {
        None => Ok(()),
        Some(s) if s == "https" => check_https(url),
        Some(found) => Err(UrlError::Scheme {
            found,
            allowed: "\"https:\" or a relative path",
        }),
    }
}

/// A call-to-action link: `https:` or one of the skin's deep-link schemes (lower-case, no colon).
///
/// ```
/// use glance_renderer::core::feed::url::check_link_url;
/// let schemes = ["glance".to_string()];
/// assert!(check_link_url("https://example.com/score", &schemes).is_ok());
/// assert!(check_link_url("glance://open/42", &schemes).is_ok());
/// assert!(check_link_url("JavaScript:alert(1)", &schemes).is_err());
/// ```
pub fn check_link_url(url: &str, deep_link_schemes: &[String]) -> Result<(), UrlError> {
    match check_link_shape(url)? {
        None => Ok(()),
        Some(s) if deep_link_schemes.iter().any(|d| d.eq_ignore_ascii_case(&s)) => Ok(()),
        Some(found) => Err(link_scheme_error(found)),
    }
}

/// Everything [`check_link_url`] checks but the skin's allow-list: `Ok(None)` for a good
/// `https:` link, `Ok(Some(scheme))` for a link whose scheme the skin decides (lower-case).
pub fn check_link_shape(url: &str) -> Result<Option<String>, UrlError> {
    common_checks(url)?;
    match scheme(url) {
        Some(s) if s == "https" => check_https(url).map(|()| None),
        Some(s) => Ok(Some(s)),
        None => Err(link_scheme_error(String::new())),
    }
}

/// The error of a link whose scheme (`found`) is neither `https` nor one the skin allows.
pub fn link_scheme_error(found: String) -> UrlError {
    UrlError::Scheme {
        found,
        allowed: "\"https:\" or a deep-link scheme of the skin",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn media_rules() {
        let ok = [
            "media/a.jpg",
            "./a.webp",
            "../shared/b.png",
            "https://x.example/a?b=1#c",
        ];
        for url in ok {
            assert_eq!(check_media_url(url), Ok(()), "{url}");
        }
        let bad = [
            ("", UrlError::Empty),
            ("   ", UrlError::Empty),
            ("http://x.example/a.jpg", scheme_err("http", true)),
            ("data:image/png;base64,AA", scheme_err("data", true)),
            ("JAVASCRIPT:alert(1)", scheme_err("javascript", true)),
            ("java\tscript:alert(1)", UrlError::Unsafe),
            (" javascript:alert(1)", UrlError::Unsafe),
            ("\u{0}javascript:alert(1)", UrlError::Unsafe),
            ("/\\evil.example/a.jpg", UrlError::Unsafe),
            ("//evil.example/a.jpg", UrlError::ProtocolRelative),
            ("https:evil.example", UrlError::MissingHost),
            ("https://", UrlError::MissingHost),
            ("https://user@evil.example/", UrlError::MissingHost),
            ("https://\u{202e}elpmaxe.com/", UrlError::Invisible),
            ("https://exa\u{200b}mple.com/a.jpg", UrlError::Invisible),
            ("\u{feff}media/a.jpg", UrlError::Invisible),
        ];
        for (url, want) in bad {
            assert_eq!(check_media_url(url), Err(want), "{url:?}");
        }
        let long = format!("https://x.example/{}", "a".repeat(MAX_URL_LEN));
        assert_eq!(check_media_url(&long), Err(UrlError::TooLong(long.len())));
    }

    #[test]
    fn link_rules() {
        let schemes = vec!["glance".to_string(), "samsungapps".to_string()];
        assert_eq!(check_link_url("https://example.com", &schemes), Ok(()));
        assert_eq!(check_link_url("Glance://card/1", &schemes), Ok(()));
        assert_eq!(check_link_url("samsungapps://x", &schemes), Ok(()));
        assert_eq!(
            check_link_url("intent://x#Intent;end", &schemes),
            Err(scheme_err("intent", false))
        );
        assert_eq!(
            check_link_url("media/a.html", &schemes),
            Err(scheme_err("", false))
        );
        assert_eq!(
            check_link_url("vbscript:x", &[]),
            Err(scheme_err("vbscript", false))
        );
    }

    fn scheme_err(found: &str, media: bool) -> UrlError {
        UrlError::Scheme {
            found: found.to_string(),
            allowed: if media {
                "\"https:\" or a relative path"
            } else {
                "\"https:\" or a deep-link scheme of the skin"
            },
        }
    }
}

//! The numbers the layout shares with `www/glance.css`: what the stylesheet draws at a size
//! the layout must have reckoned with. Change one side, change the other; the test below reads
//! the stylesheet and fails when they part.

/// Side of a like or share button (`.glance-action { width; height }`), and the least height
/// of the bottom row: a touch target.
pub const TOUCH_TARGET: f32 = 44.0;
/// The gap between the like and share buttons (`.glance-actions { gap }`).
pub const ACTIONS_GAP: f32 = 8.0;
/// The call to action's padding on each side (`.glance-cta { padding: 0 … }`).
pub const CTA_PADDING: f32 = 20.0;
/// The headline's weight (`.glance-title { font-weight }`).
pub const TITLE_WEIGHT: u16 = 700;
/// The call to action's weight (`.glance-cta { font-weight }`).
pub const CTA_WEIGHT: u16 = 700;
/// The summary's weight: the stylesheet gives `.glance-summary` none, so it is `normal`.
pub const SUMMARY_WEIGHT: u16 = 400;

/// Width of the like and share buttons with the gap between them.
pub const ACTIONS_WIDTH: f32 = 2.0 * TOUCH_TARGET + ACTIONS_GAP;

#[cfg(test)]
mod tests {
    use super::*;

    const CSS: &str = include_str!("../../../www/glance.css");

    /// The declarations of every rule whose selector list is exactly `selector`.
    fn declarations(selector: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let mut rest = CSS;
        while let Some(open) = rest.find('{') {
            let head = rest[..open].rsplit(['}', '/']).next().unwrap_or_default();
            let close = rest[open..].find('}').map_or(rest.len(), |c| open + c);
            if head.trim() == selector {
                for declaration in rest[open + 1..close].split(';') {
                    if let Some((name, value)) = declaration.split_once(':') {
                        out.push((name.trim().to_string(), value.trim().to_string()));
                    }
                }
            }
            rest = &rest[(close + 1).min(rest.len())..];
        }
        out
    }

    fn value(selector: &str, property: &str) -> Option<String> {
        declarations(selector)
            .into_iter()
            .find(|(name, _)| name == property)
            .map(|(_, value)| value)
    }

    fn px(v: f32) -> String {
        format!("{v}px")
    }

    #[test]
    fn the_stylesheet_draws_what_the_layout_reckons_with() {
        let cases = [
            (".glance-action", "width", px(TOUCH_TARGET)),
            (".glance-action", "height", px(TOUCH_TARGET)),
            (".glance-actions", "gap", px(ACTIONS_GAP)),
            (".glance-cta", "padding", format!("0 {}", px(CTA_PADDING))),
            (".glance-cta", "font-weight", CTA_WEIGHT.to_string()),
            (".glance-title", "font-weight", TITLE_WEIGHT.to_string()),
        ];
        for (selector, property, want) in cases {
            assert_eq!(
                value(selector, property).as_deref(),
                Some(want.as_str()),
                "{selector} {{ {property} }} in glance.css"
            );
        }
        assert_eq!(value(".glance-summary", "font-weight"), None);
        assert_eq!(value(".glance-viewport", "font-weight"), None);
        assert_eq!(SUMMARY_WEIGHT, 400, "normal");
        // Lines are the layout's: the page may not wrap them again.
        assert_eq!(
            value(".glance-line", "white-space").as_deref(),
            Some("nowrap")
        );
    }
}

//! Step 1, the text zone: what the skin leaves free for the card's text.

use super::{GAP, HEADER_HEIGHT, MARGIN, MAX_TEXT_WIDTH};
use crate::core::geometry::{Rect, Size};
use crate::core::layout::lang::Direction;
use crate::core::layout::Device;
use crate::core::ui::skin::{ClockPosition, Skin};

/// The skin's chrome on this device: its top band (status bar or safe area, whichever is
/// taller), and every area it draws over.
#[derive(Debug, Clone, PartialEq)]
pub struct Chrome {
    /// Height of the band at the top.
    pub top: f32,
    /// Height of the area at the bottom (the skin's, or the gesture bar's when taller).
    pub bottom: f32,
    /// The top band, the clock block and the bottom area.
    pub reserved: Vec<Rect>,
}

/// The skin's chrome on `device`.
pub fn chrome(skin: &Skin, device: &Device) -> Chrome {
    let Size {
        width: vw,
        height: vh,
    } = device.viewport;
    let top = skin.reserved.status_bar.max(device.safe_area.top);
    let bottom = skin.reserved.bottom.max(device.safe_area.bottom);
    Chrome {
        top,
        bottom,
        reserved: vec![
            Rect::new(0.0, 0.0, vw, top),
            Rect::new(0.0, skin.clock_top(vh), vw, skin.reserved.clock.height),
            Rect::new(0.0, vh - bottom, vw, bottom),
        ],
    }
}

/// Where text may go: between the skin's `chrome` on this device (and its clock), inside
/// the safe area and the side margins, no wider than is comfortable to read, on the start
/// side of a wide screen. Under a centred clock that leaves too little room for a header and
/// two headline lines of `smallest_line` px (landscape), the band above the clock is used
/// when it is taller.
pub fn text_zone(
    skin: &Skin,
    device: &Device,
    chrome: &Chrome,
    direction: Direction,
    smallest_line: f32,
) -> Rect {
    let Size {
        width: vw,
        height: vh,
    } = device.viewport;
    let fs = device.font_scale;
    let safe = device.safe_area;
    let (top_chrome, bottom_chrome) = (chrome.top, chrome.bottom);
    let mut top = skin.text_top(vh).max(top_chrome) + GAP;
    let mut bottom = vh - bottom_chrome - GAP;
    if skin.reserved.clock.position == ClockPosition::Center {
        let (above_top, above_bottom) = (top_chrome + GAP, skin.clock_top(vh) - GAP);
        let needed = HEADER_HEIGHT * fs + GAP * fs + 2.0 * smallest_line;
        if bottom - top < needed && above_bottom - above_top > bottom - top {
            (top, bottom) = (above_top, above_bottom);
        }
    }
    // On a screen narrower than two margins (a window being resized, a host reporting 1 px)
    // the margins share what there is, so the zone stays on the card.
    let room = (vw - safe.left - safe.right).max(0.0);
    let margin = MARGIN.min(room / 2.0);
    let left = safe.left + margin;
    let width = (room - 2.0 * margin).clamp(0.0, MAX_TEXT_WIDTH);
    let x = match direction {
        Direction::Ltr => left,
        Direction::Rtl => vw - safe.right - margin - width,
    };
    // Skin areas measured for a taller screen may reach past a very short one: the zone
    // stays inside it.
    let top = top.min(vh);
    let bottom = bottom.min(vh);
    Rect::new(x, top, width, (bottom - top).max(0.0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::geometry::Insets;

    #[test]
    fn the_zone_is_what_the_skin_and_the_safe_area_leave() {
        let generic = Skin::builtin("generic").expect("built-in");
        let vivo = Skin::builtin("vivo-originos").expect("built-in");
        let notch = Device {
            safe_area: Insets {
                top: 48.0,
                right: 0.0,
                bottom: 120.0,
                left: 30.0,
            },
            ..Device::new(412.0, 915.0)
        };
        let (ltr, rtl) = (Direction::Ltr, Direction::Rtl);
        // (skin, device, direction, smallest line) → zone.
        let cases = [
            // Below the status bar and top clock (32 + 132), above the bottom area (104),
            // with 8 px gaps and 20 px margins.
            (
                &generic,
                Device::new(412.0, 915.0),
                ltr,
                24.7,
                Rect::new(20.0, 172.0, 372.0, 631.0),
            ),
            // The same, mirrored: the same box, from the right margin.
            (
                &generic,
                Device::new(412.0, 915.0),
                rtl,
                24.7,
                Rect::new(20.0, 172.0, 372.0, 631.0),
            ),
            // A notch taller than the status bar, a gesture bar taller than the bottom area,
            // a left inset.
            (
                &generic,
                notch,
                ltr,
                24.7,
                Rect::new(50.0, 172.0, 342.0, 615.0),
            ),
            // A tablet: no wider than 560 px, on the start side (the end side when mirrored).
            (
                &generic,
                Device::new(800.0, 1280.0),
                ltr,
                24.7,
                Rect::new(20.0, 172.0, 560.0, 996.0),
            ),
            (
                &generic,
                Device::new(800.0, 1280.0),
                rtl,
                24.7,
                Rect::new(220.0, 172.0, 560.0, 996.0),
            ),
            // A centred clock: the text goes below it.
            (
                &vivo,
                Device::new(412.0, 915.0),
                ltr,
                24.7,
                Rect::new(20.0, 540.5, 372.0, 254.5),
            ),
        ];
        for (i, (skin, device, direction, line, want)) in cases.into_iter().enumerate() {
            let chrome = chrome(skin, &device);
            assert_eq!(
                text_zone(skin, &device, &chrome, direction, line),
                want,
                "case {i}"
            );
        }
        // Landscape under a centred clock: below it is too short, above it is taller.
        let landscape = Device::new(915.0, 412.0);
        let zone = text_zone(&vivo, &landscape, &chrome(&vivo, &landscape), ltr, 24.7);
        let clock_top = vivo.clock_top(412.0);
        assert!(
            zone.bottom() <= clock_top - GAP,
            "{zone:?} above the clock at {clock_top}"
        );
    }

    #[test]
    fn the_chrome_takes_the_taller_of_skin_and_safe_area() {
        let skin = Skin::builtin("generic").expect("built-in");
        let mut device = Device::new(412.0, 915.0);
        device.safe_area.top = 48.0;
        let c = chrome(&skin, &device);
        assert_eq!((c.top, c.bottom), (48.0, 104.0));
        assert_eq!(
            c.reserved,
            vec![
                Rect::new(0.0, 0.0, 412.0, 48.0),
                Rect::new(0.0, 32.0, 412.0, 132.0),
                Rect::new(0.0, 811.0, 412.0, 104.0),
            ]
        );
    }
}

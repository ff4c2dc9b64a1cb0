//! Step 6, the medium: how a picture or clip covers the card so that its focus point stays in
//! the open area above the text.

use super::{Block, MediaFit, Warning};
use crate::core::feed::Media;
use crate::core::geometry::{clamp, Rect, Size};
use crate::core::ui::skin::Skin;

/// How `media` covers a card of `viewport` size (CSS `object-fit: cover`): its focus point in
/// the middle of the largest open band above the text (between the top chrome, the clock and
/// `text_top`), as far as cover allows. A focus that still lands under a block or the skin's
/// chrome is reported; a medium of unknown size is placed at its focus and reported.
pub fn fit_media(
    media: &Media,
    skin: &Skin,
    viewport: Size,
    top_chrome: f32,
    text_top: f32,
    covering: (&[Block], &[Rect]),
    warnings: &mut Vec<Warning>,
) -> MediaFit {
    let (Some(w), Some(h)) = (media.width, media.height) else {
        warnings.push(Warning::MediaSizeUnknown);
        return MediaFit {
            x: media.focus.x,
            y: media.focus.y,
        };
    };
    let Size {
        width: vw,
        height: vh,
    } = viewport;
    let (w, h) = (w as f32, h as f32);
    let scale = (vw / w).max(vh / h);
    let (shown_w, shown_h) = (w * scale, h * scale);
    let clock_top = skin.clock_top(vh);
    let clock_bottom = clock_top + skin.reserved.clock.height;
    let bands = [
        (top_chrome, clock_top.min(text_top)),
        (clock_bottom, text_top),
    ];
    let (band_top, band_bottom) = bands
        .into_iter()
        .max_by(|a, b| (a.1 - a.0).total_cmp(&(b.1 - b.0)))
        .unwrap_or((top_chrome, text_top));
    let target = (vw / 2.0, (band_top + band_bottom) / 2.0);
    // Along one axis: the position as a fraction of the overflow, and where the focus lands.
    let fit_axis = |focus: f32, shown: f32, view: f32, target: f32| {
        let overflow = shown - view;
        if overflow <= 0.5 {
            return (0.5, focus * shown);
        }
        let offset = clamp(focus * shown - target, 0.0, overflow);
        (offset / overflow, focus * shown - offset)
    };
    let (px, fx) = fit_axis(media.focus.x, shown_w, vw, target.0);
    let (py, fy) = fit_axis(media.focus.y, shown_h, vh, target.1);
    let (blocks, reserved) = covering;
    let covered = blocks.iter().any(|b| b.rect.contains_point(fx, fy))
        || reserved.iter().any(|r| r.contains_point(fx, fy));
    if covered {
        warnings.push(Warning::FocusCovered);
    }
    MediaFit { x: px, y: py }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::feed::{Focus, MediaType};
    use crate::core::layout::BlockKind;

    fn media(width: Option<u32>, height: Option<u32>, x: f32, y: f32) -> Media {
        Media {
            media_type: MediaType::Image,
            src: "p.jpg".into(),
            width,
            height,
            focus: Focus { x, y },
            color: None,
            poster: None,
        }
    }

    #[test]
    fn the_focus_goes_to_the_open_band_as_far_as_cover_allows() {
        let skin = Skin::builtin("generic").expect("built-in");
        // A 412 × 915 card; the generic skin's clock is 32–164; text from 600 down.
        let viewport = Size::new(412.0, 915.0);
        let text = [Block {
            kind: BlockKind::Title,
            rect: Rect::new(20.0, 600.0, 372.0, 100.0),
            font_size: 30.0,
            line_height: 39.0,
            lines: Vec::new(),
        }];
        let reserved = [Rect::new(0.0, 0.0, 412.0, 32.0)];
        // (picture, focus) → (object-position, warning).
        let cases = [
            // A 9:16 picture on a 412 × 915 card overflows sideways only (915 / 1920 × 1080 =
            // 514.7 px wide): the focus x is kept where it can be, y is centred.
            ((1080, 1920), (0.5, 0.5), (0.5, 0.5), None),
            ((1080, 1920), (0.0, 0.5), (0.0, 0.5), None),
            ((1080, 1920), (1.0, 0.5), (1.0, 0.5), None),
            // A landscape picture is cut at the sides: scale 915 / 1080, 1626.7 px wide; a
            // centred focus stays centred.
            ((1920, 1080), (0.5, 0.5), (0.5, 0.5), None),
            // A wide, short picture: scale 412 / 1000 = 0.412 gives 123.6 px, less than the
            // card's height, so cover scales by height (915 / 300 = 3.05): 3050 × 915,
            // overflowing sideways; a focus 70 % down (640.5 px) lands in the text.
            (
                (1000, 300),
                (0.5, 0.7),
                (0.5, 0.5),
                Some(Warning::FocusCovered),
            ),
            // A tall picture (412 × 1648): the focus at 3/4 down moves up to the band's middle
            // (164 + 600) / 2 = 382: offset 1236 − 382 = 854 of 733 overflow, clamped: 1.0.
            ((1000, 4000), (0.5, 0.75), (0.5, 1.0), None),
            // At the top it would sit under the status bar, but cover cannot move it down.
            (
                (1000, 4000),
                (0.5, 0.0),
                (0.5, 0.0),
                Some(Warning::FocusCovered),
            ),
        ];
        for (i, ((w, h), (fx, fy), (px, py), warning)) in cases.into_iter().enumerate() {
            let mut warnings = Vec::new();
            let fit = fit_media(
                &media(Some(w), Some(h), fx, fy),
                &skin,
                viewport,
                32.0,
                600.0,
                (&text, &reserved),
                &mut warnings,
            );
            assert!(
                (fit.x - px).abs() < 1e-4 && (fit.y - py).abs() < 1e-4,
                "case {i}: {fit:?}"
            );
            assert_eq!(warnings.first().cloned(), warning, "case {i}");
        }
        let mut warnings = Vec::new();
        let fit = fit_media(
            &media(None, None, 0.3, 0.7),
            &skin,
            viewport,
            32.0,
            600.0,
            (&text, &reserved),
            &mut warnings,
        );
        assert_eq!(
            (fit, warnings),
            (MediaFit { x: 0.3, y: 0.7 }, vec![Warning::MediaSizeUnknown])
        );
    }
}

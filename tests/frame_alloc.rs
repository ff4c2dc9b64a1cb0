//! The per-frame path allocates nothing: a drag, a fling and the settle, driven frame by frame
//! the way the browser layer drives them (pointer events, physics, the DOM window check and
//! every card's pose), under an allocator that counts.

#![cfg(not(target_arch = "wasm32"))]

use glance_renderer::core::geometry::{Axis, Size};
use glance_renderer::core::motion::{CardMotion, Entrance};
use glance_renderer::core::navigation::deck::Deck;
use glance_renderer::core::ui::skin::TapZones;

fn frames(looping: bool) -> usize {
    let mut deck = Deck::new(
        Axis::Horizontal,
        TapZones::default(),
        Size::new(412.0, 915.0),
        12,
    );
    deck.set_skin(Axis::Horizontal, TapZones::default(), looping);
    let motion = CardMotion {
        entrance: Entrance::ZoomIn,
        parallax: true,
        ken_burns: true,
    };
    let mounted = deck.window(0.0);
    let mut sink = 0.0f32;
    let mut frame = |deck: &mut Deck, t: f64| {
        let f = deck.advance(t);
        let remount = deck.needs_remount(mounted.as_ref(), f.position, f.settled);
        if let Some(w) = deck.window(f.position) {
            for index in w.cards() {
                let pose = motion.pose(deck.offset(index, f.position), deck.extent());
                sink += pose.offset + pose.text_opacity;
            }
        }
        (f.settled, remount)
    };

    let mut t = 1000.0;
    let mut drawn = 0;
    let counted = allocation_counter::measure(|| {
        deck.pointer_down(1, 330.0, 450.0, t, false);
        let mut x = 330.0;
        for _ in 0..30 {
            t += 16.7;
            x -= 7.0;
            deck.pointer_move(1, x, 450.0, t);
            frame(&mut deck, t);
            drawn += 1;
        }
        deck.pointer_up(1, x, 450.0, t);
        loop {
            t += 16.7;
            drawn += 1;
            let (settled, _) = frame(&mut deck, t);
            if settled {
                break;
            }
        }
    });
    let allocations = counted.count_total;
    assert!(sink.is_finite());
    assert_eq!(deck.current(), 1, "the fling moved one card");
    assert_eq!(
        allocations, 0,
        "{allocations} allocations in {drawn} frames (loop: {looping})"
    );
    drawn
}

#[test]
fn drag_fling_and_settle_allocate_nothing() {
    assert!(frames(false) > 40);
    assert!(frames(true) > 40);
}

//! The pager: which card is in view and where the track is, stepped with timestamps.
//!
//! Positions are in px along the axis: card `i` is at rest when the track is at `i × extent`.
//! While a finger is down the track follows it exactly (with rubber-band resistance past the
//! ends); on release it picks at most one card forward or back and springs there, carrying the
//! finger's velocity. Physics runs at a fixed step; drawing interpolates between steps so the
//! result is the same at 30, 60, 90 or 120 Hz.
//!
//! A looping pager (a skin option, with at least [`MIN_LOOP`] cards) has no ends: positions
//! count *slots*, slot `s` shows card `s mod count`, and the track is brought back into the
//! first lap whenever it rests, which moves nothing on screen.

use crate::core::geometry::clamp;
use crate::core::motion::spring::{SpringParams, SpringState};
use crate::core::navigation::velocity::VelocityTracker;

/// Tuning of the pager.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PagerConfig {
    /// The spring that settles the track.
    pub spring: SpringParams,
    /// A release faster than this (px/s) moves one card in its direction.
    pub flick_velocity: f32,
    /// A slow drag past this fraction of the card moves one card.
    pub distance_fraction: f32,
    /// Physics step in milliseconds.
    pub step_ms: f64,
}

impl Default for PagerConfig {
    fn default() -> Self {
        Self {
            spring: SpringParams::PAGER,
            flick_velocity: 350.0,
            distance_fraction: 0.3,
            step_ms: 1000.0 / 240.0,
        }
    }
}

/// Fewest cards a loop needs: with fewer, one card would have to show on both sides at once.
pub const MIN_LOOP: usize = 3;

#[derive(Debug, Clone, Copy)]
struct Drag {
    start_slot: isize,
    start_position: f32,
}

/// What to draw now.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PagerFrame {
    /// Track position in px, interpolated between physics steps.
    pub position: f32,
    /// True when nothing moves: the frame loop may stop.
    pub settled: bool,
}

/// The whole remaining motion of the track, computed ahead so the browser can run it on the
/// compositor: positions sampled every [`Settle::SAMPLE_MS`] from the current state to rest.
#[derive(Debug, Clone, PartialEq)]
pub struct Settle {
    /// Where the track is now.
    pub from: f32,
    /// Where it comes to rest.
    pub to: f32,
    /// Time to rest, in ms.
    pub duration_ms: f64,
    /// Progress from `from` (0) to `to` (1), one value per sample, first 0 and last 1.
    pub progress: Vec<f32>,
}

impl Settle {
    /// Milliseconds between samples (one per 60 Hz frame is plenty for an easing curve).
    pub const SAMPLE_MS: f64 = 1000.0 / 60.0;

    /// Track position `elapsed` ms into the motion (clamped to its ends).
    pub fn position_at(&self, elapsed: f64) -> f32 {
        let last = self.progress.len().saturating_sub(1);
        if last == 0 || self.duration_ms <= 0.0 {
            return self.to;
        }
        let at = (elapsed / self.duration_ms).clamp(0.0, 1.0) * last as f64;
        let i = (at.floor() as usize).min(last - 1);
        let t = (at - i as f64) as f32;
        let p = self.progress[i] + (self.progress[i + 1] - self.progress[i]) * t;
        self.from + (self.to - self.from) * p
    }
}

/// Card navigation state for one feed.
#[derive(Debug, Clone)]
pub struct Pager {
    config: PagerConfig,
    count: usize,
    extent: f32,
    looping: bool,
    /// The slot the track rests on or heads to (the card index, unless looping).
    target: isize,
    state: SpringState,
    previous: SpringState,
    drag: Option<Drag>,
    velocity: VelocityTracker,
    clock: Option<f64>,
    accumulator: f64,
}

impl Pager {
    /// A pager over `count` cards of `extent` px, resting on card 0.
    pub fn new(count: usize, extent: f32, config: PagerConfig) -> Self {
        Self {
            config,
            count,
            extent: extent.max(0.0),
            looping: false,
            target: 0,
            state: SpringState::default(),
            previous: SpringState::default(),
            drag: None,
            velocity: VelocityTracker::default(),
            clock: None,
            accumulator: 0.0,
        }
    }

    /// Number of cards.
    pub fn count(&self) -> usize {
        self.count
    }

    /// Size of one card along the axis, in px.
    pub fn extent(&self) -> f32 {
        self.extent
    }

    /// The card the pager rests on or is heading to.
    pub fn target(&self) -> usize {
        self.card_at(self.target)
    }

    /// Whether the ends join (asked for, and enough cards).
    pub fn is_looping(&self) -> bool {
        self.looping && self.count >= MIN_LOOP
    }

    /// Makes the ends join, or not. The card in view stays.
    pub fn set_looping(&mut self, looping: bool) {
        if looping != self.looping {
            let card = self.target();
            self.looping = looping;
            self.jump_to(card);
        }
    }

    /// The card slot `slot` shows.
    pub fn card_at(&self, slot: isize) -> usize {
        if self.count == 0 {
            return 0;
        }
        if self.is_looping() {
            slot.rem_euclid(self.count as isize) as usize
        } else {
            slot.clamp(0, self.last_slot()) as usize
        }
    }

    /// The slot where card `index` shows: the index itself, or when looping the one nearest
    /// to the middle of the current motion (between where the track is and its target), so
    /// every card the motion passes has its own slot.
    pub fn slot_of(&self, index: usize) -> isize {
        let index = index as isize;
        if !self.is_looping() || self.extent <= 0.0 {
            return index;
        }
        let n = self.count as f32;
        let middle = (self.state.position / self.extent + self.target as f32) / 2.0;
        let laps = ((middle - index as f32) / n).round() as isize;
        index + laps * self.count as isize
    }

    /// Where slot `slot` rests, in px along the track.
    pub fn slot_position(&self, slot: isize) -> f32 {
        self.rest(slot)
    }

    /// True while a finger holds the track.
    pub fn is_dragging(&self) -> bool {
        self.drag.is_some()
    }

    /// True when the track rests on its target and no finger is down.
    pub fn is_settled(&self) -> bool {
        self.drag.is_none()
            && self.state.position == self.rest(self.target)
            && self.state.velocity == 0.0
    }

    /// The current physical position (not interpolated).
    pub fn position(&self) -> f32 {
        self.state.position
    }

    fn rest(&self, slot: isize) -> f32 {
        slot as f32 * self.extent
    }

    fn last_slot(&self) -> isize {
        self.count.saturating_sub(1) as isize
    }

    /// Keeps a slot on the feed (a no-op when looping).
    fn clamp_slot(&self, slot: isize) -> isize {
        if self.is_looping() {
            slot
        } else {
            slot.clamp(0, self.last_slot())
        }
    }

    /// The slot nearest to the current position.
    fn nearest_slot(&self) -> isize {
        if self.extent <= 0.0 {
            return self.target;
        }
        self.clamp_slot((self.state.position / self.extent).round() as isize)
    }

    /// Rests on card `index` at once, without animation (new feed, resize).
    pub fn jump_to(&mut self, index: usize) {
        self.target = (index.min(self.count.saturating_sub(1))) as isize;
        self.drag = None;
        self.state = SpringState {
            position: self.rest(self.target),
            velocity: 0.0,
        };
        self.previous = self.state;
        self.accumulator = 0.0;
    }

    /// A new number of cards, resting on `index`.
    pub fn reset(&mut self, count: usize, index: usize) {
        self.count = count;
        self.jump_to(index);
    }

    /// A new card size (rotation, resize): the same card stays in view.
    pub fn set_extent(&mut self, extent: f32) {
        let extent = extent.max(0.0);
        if extent != self.extent {
            self.extent = extent;
            self.jump_to(self.target());
        }
    }

    /// Animates to card `index` (clamped to the feed); on a loop, the shorter way round.
    /// Returns whether the target changed.
    pub fn go_to(&mut self, index: usize) -> bool {
        let index = index.min(self.count.saturating_sub(1)) as isize;
        let mut slot = self.target - self.target() as isize + index;
        if self.is_looping() {
            let n = self.count as isize;
            let ahead = (slot - self.target).rem_euclid(n);
            slot = if ahead * 2 <= n {
                self.target + ahead
            } else {
                self.target + ahead - n
            };
        }
        self.go_to_slot(slot)
    }

    fn go_to_slot(&mut self, slot: isize) -> bool {
        let slot = self.clamp_slot(slot);
        if self.drag.is_some() || slot == self.target || self.count == 0 {
            return false;
        }
        self.target = slot;
        true
    }

    /// Animates one card forward; false at the end (never when looping).
    pub fn forward(&mut self) -> bool {
        self.go_to_slot(self.target + 1)
    }

    /// Animates one card back; false at the start (never when looping).
    pub fn back(&mut self) -> bool {
        self.go_to_slot(self.target - 1)
    }

    /// A finger takes the track at `time` ms. A moving track is caught where it is.
    pub fn drag_start(&mut self, time: f64) {
        self.drag = Some(Drag {
            start_slot: self.nearest_slot(),
            start_position: self.state.position,
        });
        self.state.velocity = 0.0;
        self.previous = self.state;
        self.velocity.clear();
        self.velocity.add(time, 0.0);
    }

    /// The finger is `offset` px from where it took the track, positive toward the next card.
    pub fn drag_to(&mut self, offset: f32, time: f64) {
        let (extent, max) = (self.extent, self.rest(self.last_slot()));
        let looping = self.is_looping();
        let Some(drag) = self.drag.as_mut() else {
            return;
        };
        if !offset.is_finite() {
            return;
        }
        self.velocity.add(time, offset);
        // One gesture moves at most one card, so the finger cannot pull the track further.
        let home = drag.start_slot as f32 * extent;
        let raw = clamp(drag.start_position + offset, home - extent, home + extent);
        let position = if looping {
            raw
        } else if raw < 0.0 {
            -rubber_band(-raw, extent)
        } else if raw > max {
            max + rubber_band(raw - max, extent)
        } else {
            raw
        };
        self.state = SpringState {
            position,
            velocity: 0.0,
        };
        self.previous = self.state;
    }

    /// The finger lifts at `time` ms: choose the card and let the spring take over.
    /// Returns the card it will settle on.
    pub fn drag_end(&mut self, time: f64) -> usize {
        let Some(drag) = self.drag.take() else {
            return self.target();
        };
        let velocity = self.velocity.velocity(time);
        // What the finger did since it took the track (from rest, or where it caught the cards).
        let displacement = self.state.position - drag.start_position;
        let threshold = self.config.distance_fraction * self.extent;
        let step: isize = if velocity.abs() >= self.config.flick_velocity {
            // A flick against the way the card was dragged returns it to where it started.
            if displacement != 0.0 && displacement.signum() != velocity.signum() {
                0
            } else {
                velocity.signum() as isize
            }
        } else if displacement.abs() > threshold {
            displacement.signum() as isize
        } else {
            0
        };
        let target = self.clamp_slot(drag.start_slot + step);
        self.target = target;
        // Keep the finger's momentum, but never so much that a critically damped spring would
        // carry the card past its rest and show a sliver of the one after it.
        let remaining = (self.rest(target) - self.state.position).abs();
        let limit = self.config.spring.natural_frequency() * remaining;
        self.state.velocity = if step == 0 {
            0.0
        } else {
            clamp(velocity, -limit, limit)
        };
        self.previous = self.state;
        // The spring takes over at the lift, not at the next frame: the landing is then the
        // same whatever the refresh rate.
        self.clock = Some(time);
        self.accumulator = 0.0;
        self.target()
    }

    /// The finger was taken away (a system gesture, a cancelled pointer): return to the card.
    pub fn drag_cancel(&mut self) {
        if let Some(drag) = self.drag.take() {
            self.target = self.clamp_slot(drag.start_slot);
        }
    }

    /// Forgets the frame clock, so the next [`Pager::advance`] does not step across a gap
    /// (the page was hidden, the screen was off).
    pub fn reset_clock(&mut self) {
        self.clock = None;
        self.accumulator = 0.0;
    }

    /// The rest of the motion from the current state, or `None` when already at rest or while
    /// a finger holds the track. Runs the same fixed-step physics as [`Pager::advance`], on a
    /// copy, so the planned curve is the one the frame loop would draw.
    pub fn plan_settle(&self) -> Option<Settle> {
        if self.drag.is_some() || self.is_settled() {
            return None;
        }
        let from = self.state.position;
        let to = self.rest(self.target);
        let dt = (self.config.step_ms / 1000.0) as f32;
        let per_sample = (Settle::SAMPLE_MS / self.config.step_ms).round().max(1.0) as usize;
        let span = to - from;
        let mut state = self.state;
        let mut progress = vec![0.0];
        let mut steps = 0usize;
        // A critically damped pager spring rests in well under a second; 5 s bounds any spring.
        let max_steps = (5000.0 / self.config.step_ms) as usize;
        while !state.is_at_rest(to) && steps < max_steps {
            state = state.step(to, self.config.spring, dt);
            steps += 1;
            if steps % per_sample == 0 {
                let p = if span == 0.0 {
                    1.0
                } else {
                    (state.position - from) / span
                };
                progress.push(p);
            }
        }
        let samples = progress.len();
        let duration_ms = (samples as f64) * per_sample as f64 * self.config.step_ms;
        progress.push(1.0);
        Some(Settle {
            from,
            to,
            duration_ms,
            progress,
        })
    }

    /// Takes the track where a planned motion had brought it (the compositor ran it), with the
    /// velocity it had: used when a finger or a key interrupts that motion.
    pub fn resume_at(&mut self, position: f32, velocity: f32) {
        if position.is_finite() && velocity.is_finite() {
            self.state = SpringState { position, velocity };
            self.previous = self.state;
        }
        self.reset_clock();
    }

    /// Puts the track at rest on its target at once (a planned motion finished).
    pub fn finish(&mut self) {
        if self.drag.is_none() {
            self.jump_to(self.target());
            self.reset_clock();
        }
    }

    /// Runs physics up to `now` ms and returns what to draw.
    pub fn advance(&mut self, now: f64) -> PagerFrame {
        if self.drag.is_some() {
            self.clock = Some(now);
            return PagerFrame {
                position: self.state.position,
                settled: false,
            };
        }
        let elapsed = match self.clock {
            // A long gap (a dropped frame burst, a background tab) counts as at most 100 ms.
            Some(last) if now > last => (now - last).min(100.0),
            _ => 0.0,
        };
        self.clock = Some(now);
        self.accumulator += elapsed;
        let target = self.rest(self.target);
        let dt = (self.config.step_ms / 1000.0) as f32;
        while self.accumulator >= self.config.step_ms {
            self.previous = self.state;
            self.state = self.state.step(target, self.config.spring, dt);
            self.accumulator -= self.config.step_ms;
            if self.state.is_at_rest(target) {
                self.state = SpringState {
                    position: target,
                    velocity: 0.0,
                };
                self.previous = self.state;
                self.accumulator = 0.0;
            }
        }
        if self.is_settled() {
            self.clock = None;
            // Back into the first lap: the same card, the same place on screen.
            self.jump_to(self.target());
            return PagerFrame {
                position: self.state.position,
                settled: true,
            };
        }
        let alpha = (self.accumulator / self.config.step_ms) as f32;
        let position =
            self.previous.position + (self.state.position - self.previous.position) * alpha;
        PagerFrame {
            position,
            settled: false,
        }
    }
}

/// Resistance past the ends: the track moves less and less the further it is pulled, and
/// never more than one card's extent.
fn rubber_band(overshoot: f32, extent: f32) -> f32 {
    if extent <= 0.0 {
        return 0.0;
    }
    let c = 0.55;
    (1.0 - 1.0 / (overshoot * c / extent + 1.0)) * extent
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: f32 = 400.0;

    fn pager(count: usize) -> Pager {
        Pager::new(count, W, PagerConfig::default())
    }

    /// Drags by `distance` over `duration` ms in 16 ms steps, then lifts (`hold` ms later).
    fn swipe(p: &mut Pager, distance: f32, duration: f64, hold: f64) -> usize {
        p.drag_start(0.0);
        let steps = (duration / 16.0).ceil().max(1.0) as usize;
        for i in 1..=steps {
            let t = duration * i as f64 / steps as f64;
            p.drag_to(distance * i as f32 / steps as f32, t);
        }
        p.drag_end(duration + hold)
    }

    fn settle(p: &mut Pager, hz: f64) -> (usize, f64) {
        let mut t = 1000.0;
        let mut frames = 0;
        while !p.advance(t).settled {
            t += 1000.0 / hz;
            frames += 1;
            assert!(frames < 10_000, "never settled");
        }
        (frames, t)
    }

    #[test]
    fn snap_rules() {
        // (distance px, duration ms, hold before lift ms) → card, from card 1 of 5.
        let table = [
            (-60.0, 600.0, 0.0, 1),   // short slow drag: stays
            (150.0, 600.0, 0.0, 2),   // slow drag past 30 %: next
            (-150.0, 600.0, 0.0, 0),  // and back
            (60.0, 60.0, 0.0, 2),     // short fast flick: next
            (-60.0, 60.0, 0.0, 0),    // and back
            (1200.0, 100.0, 0.0, 2),  // a huge flick still moves one card only
            (150.0, 600.0, 200.0, 2), // paused before lifting: distance decides
            (60.0, 600.0, 200.0, 1),  // paused, short: stays
        ];
        for (distance, duration, hold, want) in table {
            let mut p = pager(5);
            p.jump_to(1);
            assert_eq!(
                swipe(&mut p, distance, duration, hold),
                want,
                "{distance} px in {duration} ms"
            );
            settle(&mut p, 60.0);
            assert_eq!(p.position(), want as f32 * W);
        }
    }

    #[test]
    fn flick_against_the_drag_returns() {
        let mut p = pager(5);
        p.jump_to(2);
        p.drag_start(0.0);
        p.drag_to(200.0, 300.0);
        for i in 1..=4 {
            p.drag_to(200.0 - 20.0 * i as f32, 300.0 + 10.0 * f64::from(i));
        }
        assert_eq!(p.drag_end(341.0), 2);
    }

    #[test]
    fn rubber_band_at_the_ends() {
        let mut p = pager(3);
        p.drag_start(0.0);
        p.drag_to(-300.0, 100.0);
        assert!(
            p.position() < 0.0 && p.position() > -W * 0.4,
            "{}",
            p.position()
        );
        assert_eq!(p.drag_end(400.0), 0);
        p.jump_to(2);
        p.drag_start(0.0);
        p.drag_to(10_000.0, 16.0);
        assert!(
            p.position() < 3.0 * W,
            "pulled past the end by less than one card"
        );
        assert_eq!(p.drag_end(16.0), 2);
    }

    #[test]
    fn same_landing_at_every_refresh_rate() {
        let mut durations = Vec::new();
        for hz in [30.0, 60.0, 90.0, 120.0, 144.0] {
            let mut p = pager(4);
            assert!(p.forward());
            let (frames, _) = settle(&mut p, hz);
            assert_eq!(p.position(), W);
            durations.push(frames as f64 / hz);
        }
        let (min, max) = durations
            .iter()
            .fold((f64::MAX, 0.0f64), |(a, b), d| (a.min(*d), b.max(*d)));
        assert!(
            max - min < 0.05,
            "settle time varies with refresh rate: {durations:?}"
        );
        assert!(max < 0.8, "settling takes {max} s");
    }

    #[test]
    fn interpolated_positions_move_monotonically() {
        let mut p = pager(4);
        p.forward();
        let mut last = 0.0;
        let mut t = 0.0;
        loop {
            let frame = p.advance(t);
            assert!(
                frame.position >= last,
                "went back from {last} to {}",
                frame.position
            );
            last = frame.position;
            if frame.settled {
                break;
            }
            t += 7.0; // not a multiple of the physics step
        }
    }

    #[test]
    fn catching_a_moving_card() {
        let mut p = pager(4);
        p.forward();
        p.advance(0.0);
        p.advance(80.0);
        let mid = p.position();
        assert!(mid > 0.0 && mid < W);
        p.drag_start(100.0);
        assert_eq!(p.position(), mid);
        p.drag_to(-10.0, 116.0);
        assert_eq!(p.position(), mid - 10.0);
        assert!(!p.advance(120.0).settled);
    }

    #[test]
    fn keyboard_navigation_is_clamped() {
        let mut p = pager(2);
        assert!(!p.back());
        assert!(p.forward());
        assert!(!p.forward());
        assert_eq!(p.target(), 1);
        let mut empty = pager(0);
        assert!(!empty.forward());
        assert_eq!(
            empty.advance(0.0),
            PagerFrame {
                position: 0.0,
                settled: true
            }
        );
    }

    #[test]
    fn idle_after_settling() {
        let mut p = pager(3);
        assert!(p.advance(0.0).settled);
        p.forward();
        settle(&mut p, 60.0);
        assert!(p.is_settled());
        assert!(p.advance(5000.0).settled);
    }

    #[test]
    fn a_planned_settle_matches_the_frame_loop() {
        let mut p = pager(4);
        p.jump_to(1);
        swipe(&mut p, 150.0, 300.0, 0.0);
        let plan = p.plan_settle().expect("moving");
        assert_eq!((plan.from, plan.to), (p.position(), 2.0 * W));
        assert_eq!(plan.progress.first(), Some(&0.0));
        assert_eq!(plan.progress.last(), Some(&1.0));
        assert!(
            plan.progress.windows(2).all(|w| w[1] >= w[0]),
            "monotonic: {:?}",
            plan.progress
        );
        assert!(
            plan.duration_ms > 100.0 && plan.duration_ms < 800.0,
            "{}",
            plan.duration_ms
        );
        // The frame loop, stepped at 60 Hz, draws the same curve (its interpolation between
        // physics steps draws one step behind the newest state).
        let step = PagerConfig::default().step_ms;
        let mut t = 300.0; // the lift
        p.advance(t);
        for k in 1..=10 {
            t += Settle::SAMPLE_MS;
            let drawn = p.advance(t).position;
            let planned = plan.position_at(k as f64 * Settle::SAMPLE_MS - step);
            assert!(
                (drawn - planned).abs() < 2.0,
                "frame {k}: drawn {drawn}, planned {planned}"
            );
        }
        assert_eq!(plan.position_at(1e9), plan.to);
        assert_eq!(pager(3).plan_settle(), None, "nothing to plan at rest");
    }

    #[test]
    fn resuming_a_planned_settle() {
        let mut p = pager(4);
        p.forward();
        let plan = p.plan_settle().expect("moving");
        let halfway = plan.position_at(plan.duration_ms / 2.0);
        p.resume_at(halfway, 500.0);
        p.drag_start(0.0);
        assert_eq!(
            p.position(),
            halfway,
            "a finger catches the card where the compositor had it"
        );
        p.drag_cancel();
        p.finish();
        assert_eq!((p.position(), p.is_settled()), (W, true));
    }

    #[test]
    fn resize_keeps_the_card() {
        let mut p = pager(3);
        p.jump_to(2);
        p.set_extent(800.0);
        assert_eq!(p.position(), 1600.0);
        assert_eq!(p.target(), 2);
    }

    #[test]
    fn looping_table() {
        // (count, start card, drag px, looping) → card after the swipe.
        let table = [
            (5, 4, 200.0, true, 0),   // past the last card: the first
            (5, 0, -200.0, true, 4),  // before the first: the last
            (5, 4, 200.0, false, 4),  // no loop: rubber band, stays
            (5, 0, -200.0, false, 0), // and at the start
            (2, 1, 200.0, true, 1),   // two cards cannot loop
            (3, 2, 200.0, true, 0),
        ];
        for (count, start, distance, looping, want) in table {
            let mut p = pager(count);
            p.set_looping(looping);
            p.jump_to(start);
            assert_eq!(
                swipe(&mut p, distance, 400.0, 0.0),
                want,
                "{count} cards from {start} by {distance} (loop {looping})"
            );
            let (_, _) = settle(&mut p, 60.0);
            assert_eq!(p.target(), want);
            assert_eq!(
                p.position(),
                want as f32 * W,
                "back in the first lap at rest"
            );
        }
    }

    #[test]
    fn looping_keys_and_slots() {
        let mut p = pager(4);
        p.set_looping(true);
        assert!(p.back(), "the start is not an end");
        assert_eq!(p.target(), 3);
        assert_eq!(
            p.slot_of(3),
            -1,
            "card 3 shows left of card 0 while heading there"
        );
        assert_eq!(p.slot_of(0), 0);
        let plan = p.plan_settle().expect("moving");
        assert_eq!((plan.from, plan.to), (0.0, -W));
        settle(&mut p, 120.0);
        assert_eq!((p.target(), p.position(), p.slot_of(3)), (3, 3.0 * W, 3));
        assert!(p.forward());
        assert_eq!(p.slot_of(0), 4);
        assert_eq!(p.slot_of(1), 5, "and card 1 after it");
        p.finish();
        assert_eq!((p.target(), p.position()), (0, 0.0));
        // Rubber band only without a loop.
        p.drag_start(0.0);
        p.drag_to(-100.0, 16.0);
        assert_eq!(
            p.position(),
            -100.0,
            "looping follows the finger past card 0"
        );
    }

    #[test]
    fn interruption_table() {
        // (ms into a settle toward card 1, what interrupts it) → the card it ends on. At the
        // moment of the interruption the track neither jumps nor loses its speed.
        #[derive(Debug, Clone, Copy)]
        enum By {
            Forward,
            Back,
            Finger,
        }
        let table = [
            (30.0, By::Forward, 2),
            (120.0, By::Forward, 2),
            (30.0, By::Back, 0),
            (200.0, By::Back, 0),
            (40.0, By::Finger, 0), // caught before half-way and let go: the nearest card
            (250.0, By::Finger, 1), // caught past it
        ];
        for (at, by, want) in table {
            let mut p = pager(4);
            assert!(p.forward());
            let mut t = 0.0;
            p.advance(t);
            while t < at {
                t += 1000.0 / 60.0;
                p.advance(t);
            }
            let (before, speed) = (p.position(), p.state.velocity);
            assert!(speed > 0.0, "moving toward card 1 at {at} ms");
            match by {
                By::Forward => assert!(p.forward()),
                By::Back => assert!(p.back()),
                By::Finger => {
                    p.drag_start(t);
                    p.drag_to(0.0, t + 16.0);
                    assert_eq!(p.position(), before, "held where it was caught");
                    p.drag_end(t + 200.0);
                }
            }
            assert_eq!(p.position(), before, "{at} ms, {by:?}: no jump");
            if !matches!(by, By::Finger) {
                // The spring bends the path from the speed it had; it does not restart it.
                assert_eq!(p.state.velocity, speed, "{at} ms, {by:?}: speed kept");
            }
            settle(&mut p, 60.0);
            assert_eq!(p.target(), want, "{at} ms, {by:?}");
        }
    }
}

//! Release velocity from pointer samples: a least-squares line through the last ~100 ms, which
//! copes with coalesced, uneven or duplicated events better than the last two samples would.

/// Samples older than this (ms before the newest) do not count.
const WINDOW_MS: f64 = 100.0;
/// A pointer that rested this long (ms) before lifting has no fling velocity.
const REST_MS: f64 = 60.0;
const CAPACITY: usize = 20;

/// A ring of recent `(time ms, position px)` samples along one axis.
#[derive(Debug, Clone, Default)]
pub struct VelocityTracker {
    samples: [(f64, f32); CAPACITY],
    len: usize,
    head: usize,
}

impl VelocityTracker {
    /// Forgets every sample.
    pub fn clear(&mut self) {
        self.len = 0;
        self.head = 0;
    }

    /// Records the pointer at `position` px at `time` ms.
    pub fn add(&mut self, time: f64, position: f32) {
        self.samples[self.head] = (time, position);
        self.head = (self.head + 1) % CAPACITY;
        self.len = (self.len + 1).min(CAPACITY);
    }

    /// Velocity in px/s at `now` ms (the release), or 0 when there is too little to go on.
    pub fn velocity(&self, now: f64) -> f32 {
        let newest = match self.len {
            0 => return 0.0,
            _ => self.samples[(self.head + CAPACITY - 1) % CAPACITY],
        };
        if now - newest.0 > REST_MS {
            return 0.0;
        }
        let recent = (0..self.len)
            .map(|i| self.samples[(self.head + CAPACITY - 1 - i) % CAPACITY])
            .take_while(|(t, _)| newest.0 - t <= WINDOW_MS);
        let (mut n, mut st, mut sp, mut stt, mut stp) = (0.0f64, 0.0, 0.0, 0.0, 0.0);
        for (t, p) in recent {
            let (t, p) = (t - newest.0, f64::from(p));
            n += 1.0;
            st += t;
            sp += p;
            stt += t * t;
            stp += t * p;
        }
        let denominator = n * stt - st * st;
        if n < 2.0 || denominator.abs() < 1e-9 {
            return 0.0;
        }
        // Slope in px/ms → px/s.
        ((n * stp - st * sp) / denominator * 1000.0) as f32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steady_motion() {
        let mut v = VelocityTracker::default();
        for i in 0..10 {
            v.add(f64::from(i) * 16.0, i as f32 * 16.0); // 1 px/ms
        }
        assert!((v.velocity(150.0) - 1000.0).abs() < 1.0);
    }

    #[test]
    fn uneven_and_coalesced_events() {
        let mut v = VelocityTracker::default();
        for t in [0.0, 4.0, 5.0, 21.0, 22.0, 22.0, 40.0, 41.0, 70.0] {
            v.add(t, -(t as f32) * 2.0); // -2 px/ms
        }
        assert!((v.velocity(72.0) + 2000.0).abs() < 1.0);
    }

    #[test]
    fn old_samples_are_ignored_and_a_rest_means_no_fling() {
        let mut v = VelocityTracker::default();
        v.add(0.0, 0.0);
        v.add(10.0, 500.0); // fast, but long ago
        for t in 0..5 {
            v.add(300.0 + f64::from(t) * 10.0, 500.0); // then still
        }
        assert_eq!(v.velocity(345.0), 0.0);
        assert_eq!(v.velocity(500.0), 0.0);
        assert_eq!(VelocityTracker::default().velocity(0.0), 0.0);
    }
}

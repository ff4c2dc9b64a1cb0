//! A damped spring, parametrised the way Android's `SpringAnimation` and SwiftUI are: by damping
//! ratio and response (the period of the undamped oscillation), with unit mass.

/// How a spring feels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SpringParams {
    /// 1 = critically damped (no overshoot); below 1 bounces.
    pub damping_ratio: f32,
    /// Seconds per undamped oscillation; smaller is snappier.
    pub response: f32,
}

impl SpringParams {
    /// The pager's spring: critically damped, settles a card in about a third of a second.
    pub const PAGER: Self = Self {
        damping_ratio: 1.0,
        response: 0.3,
    };

    /// Undamped angular frequency ω = 2π / response, in radians per second.
    pub fn natural_frequency(self) -> f32 {
        std::f32::consts::TAU / self.response.max(0.01)
    }

    fn stiffness(self) -> f32 {
        self.natural_frequency() * self.natural_frequency()
    }

    fn damping(self) -> f32 {
        4.0 * std::f32::consts::PI * self.damping_ratio.max(0.0) / self.response.max(0.01)
    }
}

/// Position and velocity along one dimension, in px and px/s.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct SpringState {
    /// Current value.
    pub position: f32,
    /// Current rate of change per second.
    pub velocity: f32,
}

impl SpringState {
    /// Advances the state by `dt` seconds toward `target` (semi-implicit Euler; stable for the
    /// small fixed steps the pager uses).
    pub fn step(self, target: f32, params: SpringParams, dt: f32) -> Self {
        let force =
            -params.stiffness() * (self.position - target) - params.damping() * self.velocity;
        let velocity = self.velocity + force * dt;
        Self {
            position: self.position + velocity * dt,
            velocity,
        }
    }

    /// Whether the state is close enough to `target` and slow enough to stop.
    pub fn is_at_rest(self, target: f32) -> bool {
        (self.position - target).abs() < 0.5 && self.velocity.abs() < 20.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(
        mut s: SpringState,
        target: f32,
        params: SpringParams,
        steps: usize,
    ) -> (SpringState, f32) {
        let mut overshoot = 0.0f32;
        for _ in 0..steps {
            s = s.step(target, params, 1.0 / 240.0);
            overshoot = overshoot.max(s.position - target);
        }
        (s, overshoot)
    }

    #[test]
    fn critically_damped_settles_without_overshoot() {
        let start = SpringState {
            position: 0.0,
            velocity: 0.0,
        };
        let (end, overshoot) = run(start, 412.0, SpringParams::PAGER, 240);
        assert!(end.is_at_rest(412.0), "{end:?}");
        assert!(overshoot <= 0.0, "overshot by {overshoot}");
    }

    #[test]
    fn underdamped_bounces() {
        let start = SpringState {
            position: 0.0,
            velocity: 0.0,
        };
        let (_, overshoot) = run(
            start,
            100.0,
            SpringParams {
                damping_ratio: 0.3,
                response: 0.4,
            },
            480,
        );
        assert!(overshoot > 10.0);
    }

    #[test]
    fn carries_initial_velocity() {
        // A card caught mid-flight keeps moving the way it was going before turning back.
        let s = SpringState {
            position: 0.0,
            velocity: 3000.0,
        }
        .step(0.0, SpringParams::PAGER, 1.0 / 240.0);
        assert!(s.position > 0.0);
    }
}

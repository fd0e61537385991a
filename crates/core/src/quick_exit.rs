//! The quick-exit keyboard shortcut, as a pure state machine so its timing
//! rules are tested natively.
//!
//! Two gestures, because people reach for different ones: Shift pressed
//! 3 times (the GOV.UK convention, each press within 5 s of the last) and
//! Escape pressed twice within 1 s (the NSW convention). Both work while
//! typing: Shift used as a modifier (Shift+A for a capital) does not count,
//! and a single Escape only clears the search box as browsers already do.
//!
//! The staff console leaves Escape out (`ShortcutTracker::console`): a
//! hotline worker presses Escape to close a service and again to clear the
//! search, and leaving the site then would throw away the call's referrals.
//! The button and Shift ×3 stay.

/// Presses needed for each gesture.
pub const SHIFT_PRESSES: u8 = 3;
pub const ESCAPE_PRESSES: u8 = 2;
/// Longest gap between presses, in milliseconds.
pub const SHIFT_GAP_MS: f64 = 5000.0;
pub const ESCAPE_GAP_MS: f64 = 1000.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gesture {
    Shift,
    Escape,
}

/// What a key event means for the shortcut.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// Nothing in progress (or it was just abandoned).
    Idle,
    /// `remaining` more presses of this gesture will exit.
    Partway {
        gesture: Gesture,
        remaining: u8,
    },
    Exit,
}

#[derive(Debug, Clone)]
pub struct ShortcutTracker {
    /// Whether Escape ×2 leaves (the public site) or only closes and
    /// clears (the staff console).
    escape_exits: bool,
    gesture: Option<Gesture>,
    presses: u8,
    last_ms: f64,
    /// Another key went down while Shift was held: that Shift was a modifier.
    shift_used_as_modifier: bool,
}

impl Default for ShortcutTracker {
    /// The public site's: Shift ×3 and Escape ×2.
    fn default() -> ShortcutTracker {
        ShortcutTracker {
            escape_exits: true,
            gesture: None,
            presses: 0,
            last_ms: 0.0,
            shift_used_as_modifier: false,
        }
    }
}

impl ShortcutTracker {
    /// The staff console's: Shift ×3 only; Escape never leaves.
    pub fn console() -> ShortcutTracker {
        ShortcutTracker {
            escape_exits: false,
            ..ShortcutTracker::default()
        }
    }

    /// A key went down. `key` is `KeyboardEvent.key`.
    pub fn key_down(&mut self, key: &str) -> Progress {
        match key {
            "Shift" => {
                self.shift_used_as_modifier = false;
                self.progress()
            }
            "Escape" if self.escape_exits => self.progress(),
            _ => {
                self.shift_used_as_modifier = true;
                self.reset()
            }
        }
    }

    /// A key came up at `now_ms`. Presses count on release, so a held key or
    /// a chord never counts.
    pub fn key_up(&mut self, key: &str, now_ms: f64) -> Progress {
        let gesture = match key {
            "Shift" if !self.shift_used_as_modifier => Gesture::Shift,
            "Escape" if self.escape_exits => Gesture::Escape,
            _ => return self.progress(),
        };
        let (needed, gap) = match gesture {
            Gesture::Shift => (SHIFT_PRESSES, SHIFT_GAP_MS),
            Gesture::Escape => (ESCAPE_PRESSES, ESCAPE_GAP_MS),
        };
        if self.gesture == Some(gesture) && now_ms - self.last_ms <= gap {
            self.presses += 1;
        } else {
            self.gesture = Some(gesture);
            self.presses = 1;
        }
        self.last_ms = now_ms;
        if self.presses >= needed {
            self.reset();
            return Progress::Exit;
        }
        self.progress()
    }

    /// Time passing with no key: a started gesture lapses after its gap.
    pub fn tick(&mut self, now_ms: f64) -> Progress {
        let gap = match self.gesture {
            Some(Gesture::Shift) => SHIFT_GAP_MS,
            Some(Gesture::Escape) => ESCAPE_GAP_MS,
            None => return Progress::Idle,
        };
        if now_ms - self.last_ms > gap {
            return self.reset();
        }
        self.progress()
    }

    fn progress(&self) -> Progress {
        match self.gesture {
            Some(gesture) if self.presses > 0 => {
                let needed = if gesture == Gesture::Shift {
                    SHIFT_PRESSES
                } else {
                    ESCAPE_PRESSES
                };
                Progress::Partway {
                    gesture,
                    remaining: needed - self.presses,
                }
            }
            _ => Progress::Idle,
        }
    }

    fn reset(&mut self) -> Progress {
        self.gesture = None;
        self.presses = 0;
        Progress::Idle
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(t: &mut ShortcutTracker, key: &str, at: f64) -> Progress {
        t.key_down(key);
        t.key_up(key, at)
    }

    #[test]
    fn three_shifts_exit() {
        let mut t = ShortcutTracker::default();
        assert_eq!(
            press(&mut t, "Shift", 0.0),
            Progress::Partway {
                gesture: Gesture::Shift,
                remaining: 2
            }
        );
        assert_eq!(
            press(&mut t, "Shift", 4000.0),
            Progress::Partway {
                gesture: Gesture::Shift,
                remaining: 1
            }
        );
        assert_eq!(press(&mut t, "Shift", 8900.0), Progress::Exit);
        assert_eq!(t.tick(9000.0), Progress::Idle, "and it starts over");
    }

    #[test]
    fn slow_shifts_start_over() {
        let mut t = ShortcutTracker::default();
        press(&mut t, "Shift", 0.0);
        press(&mut t, "Shift", 1000.0);
        assert_eq!(
            press(&mut t, "Shift", 6500.0),
            Progress::Partway {
                gesture: Gesture::Shift,
                remaining: 2
            }
        );
    }

    #[test]
    fn shift_as_a_modifier_does_not_count() {
        let mut t = ShortcutTracker::default();
        press(&mut t, "Shift", 0.0);
        press(&mut t, "Shift", 100.0);
        // Typing a capital letter: Shift down, A down, A up, Shift up.
        t.key_down("Shift");
        t.key_down("A");
        t.key_up("A", 200.0);
        assert_eq!(t.key_up("Shift", 250.0), Progress::Idle);
    }

    #[test]
    fn typing_between_presses_cancels() {
        let mut t = ShortcutTracker::default();
        press(&mut t, "Shift", 0.0);
        press(&mut t, "Shift", 100.0);
        assert_eq!(press(&mut t, "h", 150.0), Progress::Idle);
        assert_eq!(
            press(&mut t, "Shift", 200.0),
            Progress::Partway {
                gesture: Gesture::Shift,
                remaining: 2
            }
        );
    }

    #[test]
    fn two_escapes_within_a_second_exit() {
        let mut t = ShortcutTracker::default();
        assert_eq!(
            press(&mut t, "Escape", 0.0),
            Progress::Partway {
                gesture: Gesture::Escape,
                remaining: 1
            }
        );
        assert_eq!(press(&mut t, "Escape", 900.0), Progress::Exit);
        press(&mut t, "Escape", 5000.0);
        assert_eq!(
            press(&mut t, "Escape", 6200.0),
            Progress::Partway {
                gesture: Gesture::Escape,
                remaining: 1
            }
        );
    }

    #[test]
    fn in_the_console_escape_never_leaves_and_shift_still_does() {
        let mut t = ShortcutTracker::console();
        for at in [0.0, 300.0, 600.0, 900.0, 1800.0] {
            assert_eq!(
                press(&mut t, "Escape", at),
                Progress::Idle,
                "Escape at {at} ms"
            );
        }
        press(&mut t, "Shift", 2000.0);
        press(&mut t, "Shift", 2100.0);
        assert_eq!(press(&mut t, "Shift", 2200.0), Progress::Exit);
    }

    #[test]
    fn mixing_gestures_starts_over() {
        let mut t = ShortcutTracker::default();
        press(&mut t, "Shift", 0.0);
        press(&mut t, "Shift", 100.0);
        assert_eq!(
            press(&mut t, "Escape", 200.0),
            Progress::Partway {
                gesture: Gesture::Escape,
                remaining: 1
            }
        );
    }

    #[test]
    fn a_started_gesture_lapses() {
        let mut t = ShortcutTracker::default();
        press(&mut t, "Escape", 0.0);
        assert_eq!(
            t.tick(500.0),
            Progress::Partway {
                gesture: Gesture::Escape,
                remaining: 1
            }
        );
        assert_eq!(t.tick(1500.0), Progress::Idle);
    }
}

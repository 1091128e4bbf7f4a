//! The delivery schedule: a first attempt at once, then retries after 1m, 5m, 30m, 2h, 12h and
//! 24h (seven attempts over about 39 hours), each with up to 10% jitter so that a receiver
//! coming back up is not hit by every queued retry in the same instant.
//!
//! A time scale shrinks every delay (tests run the whole ladder in seconds with `0.0001`).

use rand::Rng;
use std::time::Duration;

const LADDER_SECS: [u64; 6] = [60, 5 * 60, 30 * 60, 2 * 3600, 12 * 3600, 24 * 3600];

/// Every attempt a delivery gets: the first plus one per ladder step.
pub const MAX_ATTEMPTS: u32 = LADDER_SECS.len() as u32 + 1;

/// The longest wait a receiver's `Retry-After` can ask for.
const MAX_RETRY_AFTER: Duration = Duration::from_secs(24 * 3600);

#[derive(Debug, Clone, Copy)]
pub struct Schedule {
    scale: f64,
}

impl Default for Schedule {
    fn default() -> Self {
        Self { scale: 1.0 }
    }
}

impl Schedule {
    /// `scale` multiplies every delay; it must be positive and at most 1.
    pub fn new(scale: f64) -> Result<Self, String> {
        if scale.is_finite() && scale > 0.0 && scale <= 1.0 {
            Ok(Self { scale })
        } else {
            Err(format!(
                "the webhook time scale must be in (0, 1], got {scale}"
            ))
        }
    }

    pub fn scale(&self) -> f64 {
        self.scale
    }

    /// How long to wait before the next attempt, after `attempts_made` attempts have failed;
    /// `None` once the ladder is exhausted. A receiver's `Retry-After` replaces the ladder step
    /// (capped at 24 h), so an overloaded receiver is neither hammered nor made to wait longer
    /// than it asked.
    pub fn next_delay(
        &self,
        attempts_made: u32,
        retry_after: Option<Duration>,
    ) -> Option<Duration> {
        let step = attempts_made.checked_sub(1)? as usize;
        let ladder = Duration::from_secs(*LADDER_SECS.get(step)?);
        let base = retry_after.map_or(ladder, |asked| asked.min(MAX_RETRY_AFTER));
        let jitter = 1.0 + rand::rng().random_range(0.0..0.1);
        Some(base.mul_f64(self.scale * jitter))
    }
}

/// Parses `Retry-After` as delta-seconds or an HTTP date.
pub fn parse_retry_after(value: &str, now: chrono::DateTime<chrono::Utc>) -> Option<Duration> {
    let value = value.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let at = chrono::DateTime::parse_from_rfc2822(value).ok()?;
    Some(
        (at.with_timezone(&chrono::Utc) - now)
            .to_std()
            .unwrap_or_default(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ladder_then_exhausted() {
        let schedule = Schedule::default();
        let expected = [60, 300, 1800, 7200, 43200, 86400];
        for (made, secs) in (1..).zip(expected) {
            let delay = schedule.next_delay(made, None).unwrap();
            let base = Duration::from_secs(secs);
            assert!(
                delay >= base && delay <= base.mul_f64(1.1),
                "{made}: {delay:?}"
            );
        }
        assert_eq!(schedule.next_delay(MAX_ATTEMPTS, None), None);
        assert_eq!(schedule.next_delay(0, None), None);
    }

    #[test]
    fn scale_and_retry_after() {
        let schedule = Schedule::new(0.001).unwrap();
        let delay = schedule.next_delay(1, None).unwrap();
        assert!(delay >= Duration::from_millis(60) && delay <= Duration::from_millis(66));
        let asked = schedule
            .next_delay(1, Some(Duration::from_secs(1000)))
            .unwrap();
        assert!(asked >= Duration::from_secs(1) && asked <= Duration::from_millis(1100));
        assert!(Schedule::new(0.0).is_err() && Schedule::new(2.0).is_err());
    }

    #[test]
    fn retry_after_formats() {
        let now = chrono::DateTime::parse_from_rfc3339("2015-10-21T07:27:00Z")
            .unwrap()
            .with_timezone(&chrono::Utc);
        assert_eq!(
            parse_retry_after("120", now),
            Some(Duration::from_secs(120))
        );
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now),
            Some(Duration::from_secs(60))
        );
        assert_eq!(parse_retry_after("soon", now), None);
    }
}

//! Limits every replica shares, kept in Redis (`serve --redis`): the same GCRA and throttle as
//! [`super::local`], decided by one Lua script per request, so a check and its update are one
//! atomic step however many replicas count the same key.
//!
//! Keys: `vinsnap:rl:{<api key id>}:<category>` holds the key's theoretical arrival time in that
//! category (unix µs), `vinsnap:rl:{<api key id>}:strikes` its refusals this minute and its
//! throttle. Both expire once they no longer matter. Times come from the replica's clock (the
//! same one the local limits use); replicas' clocks agree to well within one request interval.

use redis::aio::{ConnectionManager, ConnectionManagerConfig};
use std::sync::{Mutex, RwLock};
use std::time::{Duration, Instant};

use super::Category;
use super::config::RateLimits;
use super::limiter::{Outcome, WINDOW};
use crate::auth::Tier;
use crate::core::ids::ApiKeyId;

/// Returns `{0, remaining}` (allowed), `{1, wait µs}` (over the limit) or `{2, wait µs}`
/// (throttled), mirroring `LocalLimits::check`.
const SCRIPT: &str = r#"
local now = tonumber(ARGV[1])
local t = tonumber(ARGV[2])
local tau = tonumber(ARGV[3])
local window = tonumber(ARGV[4])
local after = tonumber(ARGV[5])
local throttle = tonumber(ARGV[6])
local strikes = redis.call('HMGET', KEYS[2], 'since', 'count', 'until')
local throttled_until = tonumber(strikes[3])
if throttled_until then
  if throttled_until > now then
    return {2, throttled_until - now}
  end
  redis.call('DEL', KEYS[2])
  strikes = {false, false, false}
end
local tat = tonumber(redis.call('GET', KEYS[1])) or now
local earliest = tat - tau
if now >= earliest then
  local next_tat = math.max(tat, now) + t
  redis.call('SET', KEYS[1], string.format('%d', next_tat),
             'PX', math.floor((next_tat - now) / 1000) + 1000)
  return {0, math.floor(math.min(now + tau + t - next_tat, tau + t) / t)}
end
local since = tonumber(strikes[1])
local count = tonumber(strikes[2]) or 0
if not since or now - since >= window then
  since = now
  count = 0
end
count = count + 1
if count >= after then
  redis.call('HSET', KEYS[2], 'since', string.format('%d', since), 'count', count,
             'until', string.format('%d', now + throttle))
  redis.call('PEXPIRE', KEYS[2], math.floor(math.max(throttle, window) / 1000) + 1000)
  return {2, throttle}
end
redis.call('HSET', KEYS[2], 'since', string.format('%d', since), 'count', count)
redis.call('PEXPIRE', KEYS[2], math.floor(window / 1000) + 1000)
return {1, earliest - now}
"#;

/// How long a replica counts on its own after Redis failed to answer, before asking it again:
/// an outage costs one slow request a second, not every request a timeout.
const RETRY_AFTER_FAILURE: Duration = Duration::from_secs(1);
/// Redis answers a script in well under a millisecond; anything near this is an outage.
const TIMEOUT: Duration = Duration::from_millis(500);

pub struct SharedLimits {
    config: RateLimits,
    client: redis::Client,
    script: redis::Script,
    connection: RwLock<Option<ConnectionManager>>,
    failed_at: Mutex<Option<Instant>>,
}

impl SharedLimits {
    /// Limits in the Redis at `url` (`redis://host:port/db`). Connects on first use, so a
    /// replica starts (and counts on its own) while Redis is away.
    pub fn new(url: &str, config: RateLimits) -> redis::RedisResult<Self> {
        Ok(Self {
            config,
            client: redis::Client::open(url)?,
            script: redis::Script::new(SCRIPT),
            connection: RwLock::new(None),
            failed_at: Mutex::new(None),
        })
    }

    /// Counts one request of `key` in `category`, `now` being the time since the Unix epoch.
    pub async fn check(
        &self,
        key: &ApiKeyId,
        tier: Tier,
        category: Category,
        now: Duration,
    ) -> redis::RedisResult<Outcome> {
        let limit = self.config.tier(tier).of(category).get();
        let interval = (WINDOW.as_micros() / u128::from(limit)).max(1) as i64;
        let mut invocation = self.script.prepare_invoke();
        invocation
            .key(format!("vinsnap:rl:{{{key}}}:{}", category.as_str()))
            .key(format!("vinsnap:rl:{{{key}}}:strikes"))
            .arg(now.as_micros() as i64)
            .arg(interval)
            .arg(interval * i64::from(limit - 1))
            .arg(WINDOW.as_micros() as i64)
            .arg(self.config.throttle_after_rejections.get())
            .arg(self.config.throttle_seconds.saturating_mul(1_000_000));
        let (code, value): (i64, i64) = self.run(&invocation).await?;
        let wait = Duration::from_micros(value.max(0) as u64);
        Ok(match code {
            0 => Outcome::Allowed {
                remaining: u32::try_from(value).unwrap_or(0),
            },
            1 => Outcome::Limited { wait },
            _ => Outcome::Throttled { wait },
        })
    }

    /// Whether Redis answers (for `/readyz`).
    pub async fn ping(&self) -> redis::RedisResult<()> {
        let mut connection = self.connection().await?;
        let pong = tokio::time::timeout(
            TIMEOUT,
            redis::cmd("PING").query_async::<String>(&mut connection),
        )
        .await
        .map_err(|_| timed_out())?;
        pong.map(drop)
    }

    /// Runs the script, unless Redis failed within the last [`RETRY_AFTER_FAILURE`].
    async fn run(
        &self,
        invocation: &redis::ScriptInvocation<'_>,
    ) -> redis::RedisResult<(i64, i64)> {
        let failed_recently = self
            .failed_at
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .is_some_and(|at| at.elapsed() < RETRY_AFTER_FAILURE);
        if failed_recently {
            return Err(redis::RedisError::from((
                redis::ErrorKind::IoError,
                "Redis failed within the last second",
            )));
        }
        let result = async {
            let mut connection = self.connection().await?;
            tokio::time::timeout(TIMEOUT, invocation.invoke_async(&mut connection))
                .await
                .map_err(|_| timed_out())?
        }
        .await;
        *self.failed_at.lock().unwrap_or_else(|p| p.into_inner()) =
            result.is_err().then(Instant::now);
        result
    }

    async fn connection(&self) -> redis::RedisResult<ConnectionManager> {
        if let Some(connection) = self
            .connection
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
        {
            return Ok(connection);
        }
        let config = ConnectionManagerConfig::new()
            .set_connection_timeout(TIMEOUT)
            .set_response_timeout(TIMEOUT)
            .set_number_of_retries(1);
        let connection = ConnectionManager::new_with_config(self.client.clone(), config).await?;
        *self.connection.write().unwrap_or_else(|p| p.into_inner()) = Some(connection.clone());
        Ok(connection)
    }
}

fn timed_out() -> redis::RedisError {
    redis::RedisError::from((redis::ErrorKind::IoError, "Redis did not answer in time"))
}

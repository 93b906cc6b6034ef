//! HTTP transport: one GET with conditional headers, redirects followed by hand so every
//! hop is checked (scheme, address, loops, limit), and a body cap enforced while streaming.

use std::collections::HashSet;
use std::time::Duration;

use futures_util::StreamExt as _;
use newsflow_shared::config::ScraperSettings;
use reqwest::header::{self, HeaderMap};
use url::Url;

use crate::netguard::{self, GuardedResolver};

/// A response, whatever its status (classification is [`crate::policy`]'s job).
#[derive(Debug)]
pub struct Fetched {
    pub status: u16,
    /// After redirects.
    pub final_url: Url,
    pub content_type: Option<String>,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub retry_after: Option<String>,
    pub body: Vec<u8>,
}

/// A fetch that produced no response at all.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    #[error("refused: {0}")]
    Refused(#[from] netguard::UrlRefused),
    #[error("refused: {0}")]
    ResolvesPrivate(String),
    #[error("timed out after {0:?}")]
    Timeout(Duration),
    #[error("connection failed: {0}")]
    Connect(String),
    #[error("redirect loop at {0}")]
    RedirectLoop(String),
    #[error("more than {0} redirects")]
    TooManyRedirects(usize),
    #[error("redirect without a usable Location header")]
    BadRedirect,
    #[error("body larger than {0} bytes")]
    BodyTooLarge(u64),
    #[error("{0}")]
    Other(String),
}

impl FetchError {
    /// Retrying may help (the network, a slow server), as opposed to a property of the URL.
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            FetchError::Timeout(_) | FetchError::Connect(_) | FetchError::Other(_)
        )
    }
}

/// The HTTP client and its limits.
#[derive(Debug, Clone)]
pub struct Fetcher {
    client: reqwest::Client,
    allow_private: bool,
    max_redirects: usize,
    max_body_bytes: u64,
    total_timeout: Duration,
}

/// Validators for a conditional GET.
#[derive(Debug, Default, Clone)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

impl Fetcher {
    pub fn new(s: &ScraperSettings) -> anyhow::Result<Self> {
        let client = reqwest::Client::builder()
            .user_agent(s.user_agent.clone())
            .redirect(reqwest::redirect::Policy::none())
            .dns_resolver(GuardedResolver::shared(s.allow_private_addresses))
            .connect_timeout(Duration::from_secs(s.connect_timeout_secs))
            .timeout(Duration::from_secs(s.request_timeout_secs))
            .gzip(true)
            .brotli(true)
            .zstd(true)
            .deflate(true)
            .pool_max_idle_per_host(s.per_host_concurrency.max(1))
            .build()?;
        Ok(Fetcher {
            client,
            allow_private: s.allow_private_addresses,
            max_redirects: s.max_redirects,
            max_body_bytes: s.max_body_bytes,
            total_timeout: Duration::from_secs(s.request_timeout_secs),
        })
    }

    pub fn max_body_bytes(&self) -> u64 {
        self.max_body_bytes
    }

    /// GET `url`, following redirects, within the total timeout (all hops and the body).
    pub async fn get(&self, url: &Url, validators: &Validators) -> Result<Fetched, FetchError> {
        match tokio::time::timeout(self.total_timeout, self.get_inner(url, validators)).await {
            Ok(r) => r,
            Err(_) => Err(FetchError::Timeout(self.total_timeout)),
        }
    }

    async fn get_inner(&self, url: &Url, validators: &Validators) -> Result<Fetched, FetchError> {
        let mut current = url.clone();
        let mut seen = HashSet::from([current.to_string()]);
        let mut hops = 0usize;
        loop {
            netguard::check_url(&current, self.allow_private)?;
            let mut req = self.client.get(current.clone());
            // Validators belong to the URL we stored them for, not to a redirect target.
            if hops == 0 {
                if let Some(etag) = &validators.etag {
                    req = req.header(header::IF_NONE_MATCH, etag);
                }
                if let Some(lm) = &validators.last_modified {
                    req = req.header(header::IF_MODIFIED_SINCE, lm);
                }
            }
            let resp = req.send().await.map_err(|e| self.transport_error(e))?;
            let status = resp.status();
            if status.is_redirection() && status.as_u16() != 304 {
                let next = resp
                    .headers()
                    .get(header::LOCATION)
                    .and_then(|l| l.to_str().ok())
                    .and_then(|l| current.join(l.trim()).ok())
                    .ok_or(FetchError::BadRedirect)?;
                hops += 1;
                if hops > self.max_redirects {
                    return Err(FetchError::TooManyRedirects(self.max_redirects));
                }
                let mut key = next.clone();
                key.set_fragment(None);
                if !seen.insert(key.to_string()) {
                    return Err(FetchError::RedirectLoop(key.to_string()));
                }
                current = next;
                continue;
            }
            let headers = resp.headers().clone();
            let final_url = resp.url().clone();
            let body = if status.as_u16() == 304 {
                Vec::new()
            } else {
                self.read_body(resp).await?
            };
            return Ok(Fetched {
                status: status.as_u16(),
                final_url,
                content_type: header_string(&headers, header::CONTENT_TYPE),
                etag: header_string(&headers, header::ETAG),
                last_modified: header_string(&headers, header::LAST_MODIFIED),
                retry_after: header_string(&headers, header::RETRY_AFTER),
                body,
            });
        }
    }

    /// Stream the body, failing as soon as it passes the cap (a declared Content-Length
    /// over the cap fails before reading anything).
    async fn read_body(&self, resp: reqwest::Response) -> Result<Vec<u8>, FetchError> {
        let cap = self.max_body_bytes;
        if resp.content_length().is_some_and(|n| n > cap) {
            return Err(FetchError::BodyTooLarge(cap));
        }
        let mut body = Vec::new();
        let mut stream = resp.bytes_stream();
        while let Some(chunk) = stream.next().await {
            let chunk = chunk.map_err(|e| self.transport_error(e))?;
            if body.len() as u64 + chunk.len() as u64 > cap {
                return Err(FetchError::BodyTooLarge(cap));
            }
            body.extend_from_slice(&chunk);
        }
        Ok(body)
    }

    fn transport_error(&self, e: reqwest::Error) -> FetchError {
        if e.is_timeout() {
            return FetchError::Timeout(self.total_timeout);
        }
        // The whole source chain: "resolves only to private addresses" is deep inside.
        let mut msg = e.to_string();
        let mut src = std::error::Error::source(&e);
        while let Some(s) = src {
            msg.push_str(": ");
            msg.push_str(&s.to_string());
            src = s.source();
        }
        if msg.contains("private, loopback or link-local") {
            return FetchError::ResolvesPrivate(msg);
        }
        if e.is_connect() {
            FetchError::Connect(msg)
        } else {
            FetchError::Other(msg)
        }
    }
}

fn header_string(headers: &HeaderMap, name: header::HeaderName) -> Option<String> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

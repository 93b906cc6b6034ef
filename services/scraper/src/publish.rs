//! Publishing raw pages, reconnecting to RabbitMQ when the connection drops.

use lapin::{Channel, Connection};
use newsflow_shared::amqp;
use newsflow_shared::config::AmqpSettings;
use newsflow_shared::messages::RawPage;
use newsflow_shared::topology::{self, Topology};
use tokio::sync::Mutex;
use tokio_util::sync::CancellationToken;

/// One connection and channel shared by the fetch tasks; replaced after a failure.
pub struct Publisher {
    settings: AmqpSettings,
    topology: Topology,
    shutdown: CancellationToken,
    link: Mutex<Option<(Connection, Channel)>>,
}

impl Publisher {
    pub fn new(settings: AmqpSettings, shutdown: CancellationToken) -> Self {
        Publisher {
            topology: Topology::new(&settings),
            settings,
            shutdown,
            link: Mutex::new(None),
        }
    }

    /// A working channel, connecting (with backoff, until shutdown) if needed.
    pub async fn channel(&self) -> anyhow::Result<Channel> {
        let mut link = self.link.lock().await;
        if let Some((conn, ch)) = link.as_ref()
            && conn.status().connected()
            && ch.status().connected()
        {
            return Ok(ch.clone());
        }
        *link = None;
        loop {
            let Some(conn) =
                amqp::connect(&self.settings, "newsflow-scraper", &self.shutdown).await
            else {
                anyhow::bail!("shutting down");
            };
            match amqp::open_channel(&conn, &self.topology, 1).await {
                Ok(ch) => {
                    *link = Some((conn, ch.clone()));
                    return Ok(ch);
                }
                Err(e) => {
                    tracing::warn!(error = %format!("{e:#}"), "Opening a RabbitMQ channel failed; retrying");
                    tokio::select! {
                        _ = tokio::time::sleep(std::time::Duration::from_secs(1)) => {}
                        _ = self.shutdown.cancelled() => anyhow::bail!("shutting down"),
                    }
                }
            }
        }
    }

    /// Publish persistently and wait for the broker's confirm.
    pub async fn publish(&self, page: &RawPage) -> anyhow::Result<()> {
        let ch = self.channel().await?;
        let result = amqp::publish_page(
            &ch,
            &self.topology,
            page,
            topology::RK_PAGE,
            self.settings.confirm_timeout(),
        )
        .await;
        if let Err(e) = &result {
            // Start afresh next time: the channel may be closed by the error.
            if !ch.status().connected() {
                *self.link.lock().await = None;
            }
            tracing::warn!(url = %page.final_url, error = %e, "Publishing a page failed");
        }
        Ok(result?)
    }
}

/// The AMQP settings, copied (the type is not `Clone`; fetch tasks need an owned copy).
pub fn copy_amqp(s: &AmqpSettings) -> AmqpSettings {
    AmqpSettings {
        url: s.url.clone(),
        prefix: s.prefix.clone(),
        prefetch: s.prefetch,
        delivery_limit: s.delivery_limit,
        stream_max_age: s.stream_max_age.clone(),
        stream_max_bytes: s.stream_max_bytes,
        stream_segment_bytes: s.stream_segment_bytes,
        confirm_timeout_secs: s.confirm_timeout_secs,
        max_backoff_secs: s.max_backoff_secs,
    }
}

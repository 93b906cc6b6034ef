//! The integration test binary. Each module is one area; every test isolates itself through
//! [`newsflow_tests::TestEnv`].

mod operations;
mod pipeline;
mod scraper;
mod topology;

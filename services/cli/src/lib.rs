//! The operator CLI's library half: the demo site and the demo runner, shared with the
//! end-to-end tests.

pub mod demo;
pub mod demo_site;

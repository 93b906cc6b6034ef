//! The operator CLI's library half: the demo site and the demo runner, shared with the
//! end-to-end tests.

pub mod dead_letters;
pub mod demo;
pub mod demo_site;
pub mod replay;
pub mod status;

//! What is counted and delivered: views, the events they make, and the outbox that keeps them
//! until the host acknowledges them.

pub mod event;
pub mod outbox;
pub mod views;

//! What is on screen and when: the session that takes every input with its time and says what
//! the browser must do.

pub mod notice;

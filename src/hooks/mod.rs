//! The app's own hooks, one a file.

pub mod lagging;

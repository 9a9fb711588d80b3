//! The app's own hooks, one a file.

pub mod lagging;
pub mod printing;
pub mod virtual_window;

//! The app's own hooks, one a file.

use yew::prelude::*;

pub mod lagging;
pub mod printing;
pub mod virtual_window;

/// What an effect of [`use_effect_on`] leaves to run when it is cleaned up.
pub type Cleanup = Box<dyn FnOnce()>;

/// The cleanup of an effect that leaves nothing to clean up.
pub fn no_cleanup() -> Cleanup {
    Box::new(|| ())
}

/// `use_effect_with`, with the effect and its cleanup boxed: Yew then compiles its
/// effect machinery once per type of `deps`, not once per effect's closure (a dozen
/// effects each cost the wasm their own copy).
pub fn use_effect_on<D: PartialEq + 'static>(
    deps: D,
    effect: impl FnOnce(&D) -> Cleanup + 'static,
) -> impl Hook<Output = ()> {
    use_boxed_effect(deps, Box::new(effect))
}

#[hook]
fn use_boxed_effect<D: PartialEq + 'static>(deps: D, effect: Box<dyn FnOnce(&D) -> Cleanup>) {
    use_effect_with(deps, effect);
}

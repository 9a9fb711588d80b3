//! `use_lagging_state`: the state a part of the page shows when it may follow the app a
//! frame behind. While the view stays the same (typing, choosing or clearing a filter,
//! zooming the strip), the side panel (filters with their counts, downloads, graph, the
//! small map) shows the state it showed before, and catches up, alone, in a task after
//! the next frame: that frame holds the search box, the density strip and the timeline,
//! not the panel's counts and drawings too. While the user types it catches up once
//! typing pauses ([`TYPING_CATCH_UP_MS`]), not after every key. A change of view shows
//! at once.

use std::cell::RefCell;
use std::rc::Rc;

use model::query::State;
use yew::prelude::*;

use crate::hooks::use_effect_on;
use crate::shell;

/// How long typing must pause before the panel catches up with the search text. At
/// 10,000 articles its catching up is a task of 10 to 40 ms and a frame of 10 to 30 ms
/// on the bench's machine; a key typed meanwhile waited for both (traced: keys
/// dispatched 30 to 95 ms after they were typed). Shorter than the pause after which
/// the URL is written (`state::TYPING_PAUSE_MS`), so the panel is up to date first.
pub const TYPING_CATCH_UP_MS: i32 = 150;

/// A value shared between renders, equal only to itself (props that never change).
pub struct Shared<T>(pub Rc<RefCell<T>>);

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// What [`use_lagging_state`] gives the component that shows the lagging state.
pub struct Lagging {
    /// How many times a render of the app has set the state shown itself (a change of
    /// view): as that component's prop, a change re-renders it with the app. Catching
    /// up re-renders it alone, through `refresh`; the app's next render then leaves it
    /// alone (a prop holding the state shown would differ, re-rendering the same state).
    pub set: u32,
    /// The state to show, as it is when the component catches up.
    pub cell: Shared<State>,
    /// Where that component leaves its handle to re-render itself when it catches up.
    pub refresh: Shared<Option<UseForceUpdateHandle>>,
}

/// The lagging copy of `state`; `current` is the app's state as of its latest render
/// (what the copy catches up to).
#[hook]
pub fn use_lagging_state(state: &State, current: Rc<RefCell<State>>) -> Lagging {
    let panel = use_mut_ref(|| state.clone());
    let refresh = use_mut_ref(|| None::<UseForceUpdateHandle>);
    let set = use_mut_ref(|| 0u32);
    let lagging = {
        let mut shown = panel.borrow_mut();
        if shown.view != state.view {
            shown.clone_from(state);
            *set.borrow_mut() += 1;
        }
        *shown != *state
    };
    // When the state last changed by its search text alone (a key typed).
    let typed_at = use_mut_ref(|| f64::NEG_INFINITY);
    {
        let (panel, refresh) = (panel.clone(), refresh.clone());
        use_effect_on((lagging, state.clone()), move |(lagging, state)| {
            if *lagging {
                let typing = panel.borrow().differs_only_in_text(state);
                let last_key = typed_at.clone();
                let catch_up = move || {
                    // Keys typed before this ran each asked for it: while typing goes
                    // on, the last key's turn catches up; otherwise the first to run
                    // catches up for all of them.
                    if *panel.borrow() == *current.borrow()
                        || js_sys::Date::now() - *last_key.borrow() < f64::from(TYPING_CATCH_UP_MS - 1)
                    {
                        return;
                    }
                    panel.borrow_mut().clone_from(&current.borrow());
                    if let Some(refresh) = refresh.borrow().as_ref() {
                        refresh.force_update();
                    }
                };
                if typing {
                    *typed_at.borrow_mut() = js_sys::Date::now();
                    shell::after(TYPING_CATCH_UP_MS, catch_up);
                } else {
                    *typed_at.borrow_mut() = f64::NEG_INFINITY;
                    shell::after_next_paint(catch_up);
                }
            }
            super::no_cleanup()
        });
    }
    Lagging { set: *set.borrow(), cell: Shared(panel), refresh: Shared(refresh) }
}

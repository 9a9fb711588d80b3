//! The explorer's UI state: the `model::query::State` the URL fragment carries, plus
//! what the fragment could not say. The URL is the source of truth: actions write it,
//! and the app reads it back on `hashchange`, so links, reload and Back/Forward all
//! give the same view. Typing is the exception, for speed: the state is applied at
//! once and written into the URL after the next paint.

use std::cell::RefCell;
use std::rc::Rc;

use model::query::{Problem, State};
use wasm_bindgen::JsValue;
use yew::prelude::*;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Ui {
    pub state: State,
    pub problems: Vec<Problem>,
}

pub enum Action {
    /// The fragment changed (a link, Back/Forward, or a navigation of ours).
    FromUrl(String),
    /// A state set without a new history entry (typing in the search box).
    Replace(State),
}

impl Reducible for Ui {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::FromUrl(fragment) => {
                let (state, problems) = read(&fragment);
                if state == self.state && problems == self.problems {
                    return self;
                }
                Rc::new(Ui { state, problems })
            }
            Action::Replace(state) => Rc::new(Ui { state, problems: Vec::new() }),
        }
    }
}

/// The state a fragment describes, less what names nothing in the corpus, and every
/// problem met on the way.
pub fn read(fragment: &str) -> (State, Vec<Problem>) {
    let (mut state, mut problems) = State::from_fragment(fragment);
    // Only entities and credited names can name nothing; a state without them needs
    // no corpus (so the opening view does not wait for it to be decoded).
    let names_something = !state.filter.entities.is_empty() || state.filter.by.is_some();
    if names_something && let (Ok(corpus), Some(index)) = (crate::corpus::corpus(), crate::corpus::index()) {
        problems.extend(index.drop_unknown(corpus, &mut state));
    }
    (state, problems)
}

/// The current URL fragment ("" when there is none).
pub fn current_fragment() -> String {
    gloo::utils::window().location().hash().unwrap_or_default()
}

/// Opens `state` as a new history entry (a link would do the same), after writing
/// any state still waiting for the URL into the entry being left.
pub fn go(state: &State) {
    write_waiting();
    let _ = gloo::utils::window().location().set_hash(&state.to_fragment());
}

/// Applies `state` and puts it in the URL without a new history entry (typing in the
/// search box), the URL after the next paint: Chromium's `replaceState` took about 1.5
/// ms, a third of a keystroke's work at 1,000 articles, before the new timeline could
/// be painted.
pub fn replace(ui: &UseReducerHandle<Ui>, state: State) {
    replace_after_paint(state.to_fragment());
    ui.dispatch(Action::Replace(state));
}

/// A fragment waiting to replace the URL's, and the fragment the URL held when it
/// began to wait.
struct Waiting {
    since: String,
    fragment: String,
}

thread_local! {
    static WAITING: RefCell<Option<Waiting>> = const { RefCell::new(None) };
}

/// Puts `fragment` in the URL without a new history entry once the next frame is
/// painted. Keys typed before then replace what waits, so one write covers them all;
/// a navigation meanwhile (a link followed, Back) wins over it.
pub fn replace_after_paint(fragment: String) {
    let first = WAITING.with_borrow_mut(|waiting| match waiting {
        Some(w) => {
            w.fragment = fragment;
            false
        }
        None => {
            *waiting = Some(Waiting { since: current_fragment(), fragment });
            true
        }
    });
    if first {
        crate::shell::after_next_paint(write_waiting);
    }
}

/// Writes the fragment waiting, if any, unless the URL has moved since it began to
/// wait.
pub fn write_waiting() {
    let Some(w) = WAITING.with_borrow_mut(Option::take) else { return };
    if current_fragment() == w.since
        && let Ok(history) = gloo::utils::window().history()
    {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&w.fragment));
    }
}

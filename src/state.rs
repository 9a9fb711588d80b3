//! The explorer's UI state: the `model::query::State` the URL fragment carries, plus
//! what the fragment could not say. The URL is the source of truth: actions write it,
//! and the app reads it back on `hashchange`, so links, reload and Back/Forward all
//! give the same view. Typing is the exception, for speed: the state is applied at
//! once and written into the URL when typing pauses (or sooner, when a link is
//! followed or the page is left).

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions, EventListenerPhase};
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
    /// A state applied before the URL holds it (typing in the search box: the URL
    /// follows when typing pauses).
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
    // Only entities, credited names and the event an article opens at can name nothing;
    // a state without them needs no corpus (so the opening view does not wait for it to
    // be decoded).
    let names_something = !state.filter.entities.is_empty()
        || state.filter.by.is_some()
        || matches!(state.view, model::query::View::Article(_, Some(_)));
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

/// Applies `state` at once and puts it in the URL once typing pauses (typing in the
/// search box; [`replace_when_paused`]).
pub fn replace(ui: &UseReducerHandle<Ui>, state: State) {
    replace_when_paused(state.to_fragment());
    ui.dispatch(Action::Replace(state));
}

/// How long typing must pause before the URL is written. Chromium's `replaceState`
/// took 1.5 to 3 ms of main thread a call: written after every painted frame, it was
/// a third of the script time in a profile of typing at 1,000 articles.
pub const TYPING_PAUSE_MS: i32 = 300;

/// A fragment waiting to replace the URL's, the fragment the URL held when it began
/// to wait, and when it was last replaced.
struct Waiting {
    since: String,
    fragment: String,
    at: f64,
}

thread_local! {
    static WAITING: RefCell<Option<Waiting>> = const { RefCell::new(None) };
    /// The fragment typing last wrote: while the URL still holds it, typing refines
    /// that history entry instead of adding one.
    static TYPED: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Puts `fragment` in the URL without a new history entry once no other has come for
/// [`TYPING_PAUSE_MS`]: keys typed meanwhile replace what waits, so one write covers
/// them all. A link followed or the page left writes it at once
/// ([`write_before_leaving`]); a navigation meanwhile (Back, a link set in code) wins
/// over it.
pub fn replace_when_paused(fragment: String) {
    let at = js_sys::Date::now();
    let first = WAITING.with_borrow_mut(|waiting| match waiting {
        Some(w) => {
            w.fragment = fragment;
            w.at = at;
            false
        }
        None => {
            *waiting = Some(Waiting { since: current_fragment(), fragment, at });
            true
        }
    });
    if first {
        write_after(TYPING_PAUSE_MS);
    }
}

/// One timer for whatever waits: when it fires, it writes if typing has paused long
/// enough, or waits out the rest of the pause.
fn write_after(ms: i32) {
    crate::shell::after(ms, || {
        let Some(at) = WAITING.with_borrow(|w| w.as_ref().map(|w| w.at)) else { return };
        let left = f64::from(TYPING_PAUSE_MS) - (js_sys::Date::now() - at);
        if left > 0.0 { write_after(left.ceil() as i32) } else { write_waiting() }
    });
}

/// Writes the fragment waiting, if any, unless the URL has moved since it began to
/// wait. A search the user pauses on becomes a history entry of its own, so Back
/// returns to the view before it: the first write after any other change adds an
/// entry, later writes (more keys, the search refined) replace it.
pub fn write_waiting() {
    let Some(w) = WAITING.with_borrow_mut(Option::take) else { return };
    let bare = |f: &str| f.trim_start_matches('#').to_owned();
    if current_fragment() != w.since || bare(&w.since) == bare(&w.fragment) {
        return;
    }
    let Ok(history) = gloo::utils::window().history() else { return };
    let refining = TYPED.with_borrow(|typed| typed.as_deref().is_some_and(|t| bare(t) == bare(&w.since)));
    let _ = if refining {
        history.replace_state_with_url(&JsValue::NULL, "", Some(&w.fragment))
    } else {
        history.push_state_with_url(&JsValue::NULL, "", Some(&w.fragment))
    };
    TYPED.with_borrow_mut(|typed| *typed = Some(w.fragment));
}

/// Writes what waits before a link is followed (a click, or Enter on a link, reaches
/// the document before the link navigates) and before the page is left (reload,
/// close), so the typed state is the entry Back returns to and the one reloaded. The
/// listeners last as long as the returned guards.
pub fn write_before_leaving() -> [EventListener; 2] {
    let capture = EventListenerOptions { phase: EventListenerPhase::Capture, passive: true };
    [
        EventListener::new_with_options(&gloo::utils::document(), "click", capture, |_| write_waiting()),
        EventListener::new(&gloo::utils::window(), "pagehide", |_| write_waiting()),
    ]
}

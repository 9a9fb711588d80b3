//! `use_printing`: whether the page is being printed (or previewed for print, or shown
//! as print media), so a view can put in what it leaves out on screen.

use gloo::events::EventListener;
use yew::prelude::*;

use crate::hooks::use_effect_on;

/// True between `beforeprint` and `afterprint`, and while the print media query holds.
#[hook]
pub fn use_printing() -> bool {
    let printing = use_state_eq(|| false);
    {
        let printing = printing.clone();
        use_effect_on((), move |_| {
            let win = gloo::utils::window();
            let before = EventListener::new(&win, "beforeprint", {
                let printing = printing.clone();
                move |_| printing.set(true)
            });
            let after = EventListener::new(&win, "afterprint", {
                let printing = printing.clone();
                move |_| printing.set(false)
            });
            // Print preview and emulated print media announce themselves here.
            let media = win.match_media("print").ok().flatten();
            let on_media = media.map(|m| {
                let query = m.clone();
                EventListener::new(&m, "change", move |_| printing.set(query.matches()))
            });
            Box::new(move || drop((before, after, on_media)))
        });
    }
    *printing
}

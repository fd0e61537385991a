use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use waypoint_core::quick_exit::{
    Gesture, Progress, ShortcutTracker, ESCAPE_GAP_MS, ESCAPE_PRESSES, SHIFT_GAP_MS, SHIFT_PRESSES,
};

use crate::store::use_app;
use crate::{browser, effects};

/// The exit button, always on screen, and the keyboard shortcut (Shift 3
/// times, or Escape twice) with a visible and spoken progress cue.
#[function_component(QuickExit)]
pub fn quick_exit() -> Html {
    let app = use_app();
    let s = app.strings();
    let progress = use_state(|| Progress::Idle);
    // The staff console keeps Escape for closing and clearing.
    let tracker = use_mut_ref(|| {
        if cfg!(feature = "staff") {
            ShortcutTracker::console()
        } else {
            ShortcutTracker::default()
        }
    });
    {
        let (progress, tracker, app) = (progress.clone(), tracker.clone(), app.clone());
        use_effect_with((), move |_| {
            let window = browser::window();
            // Capture phase on the window: the shortcut works whatever has
            // focus, the search box included, and nothing can swallow it.
            let options = EventListenerOptions::run_in_capture_phase();
            let down = {
                let (progress, tracker) = (progress.clone(), tracker.clone());
                EventListener::new_with_options(&window, "keydown", options, move |e| {
                    let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                        return;
                    };
                    progress.set(tracker.borrow_mut().key_down(&e.key()));
                })
            };
            let up = EventListener::new_with_options(&window, "keyup", options, move |e| {
                let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                    return;
                };
                let step = tracker.borrow_mut().key_up(&e.key(), e.time_stamp());
                if step == Progress::Exit {
                    effects::quick_exit(&app);
                    return;
                }
                progress.set(step);
                if let Progress::Partway { gesture, .. } = step {
                    // Clear the cue once the gesture has lapsed.
                    let (progress, tracker) = (progress.clone(), tracker.clone());
                    let gap = if gesture == Gesture::Shift {
                        SHIFT_GAP_MS
                    } else {
                        ESCAPE_GAP_MS
                    };
                    yew::platform::spawn_local(async move {
                        yew::platform::time::sleep(std::time::Duration::from_millis(
                            gap as u64 + 50,
                        ))
                        .await;
                        progress.set(tracker.borrow_mut().tick(browser::now_ms()));
                    });
                }
            });
            move || drop((down, up))
        });
    }
    let onclick = app.run(|app, _: MouseEvent| effects::quick_exit(app));
    let (cue, dots) = match *progress {
        Progress::Partway {
            gesture: Gesture::Shift,
            remaining,
        } => (
            s.plural("exit.progress_shift", remaining as usize),
            Some((SHIFT_PRESSES, SHIFT_PRESSES - remaining)),
        ),
        Progress::Partway {
            gesture: Gesture::Escape,
            remaining,
        } => (
            s.plural("exit.progress_escape", remaining as usize),
            Some((ESCAPE_PRESSES, ESCAPE_PRESSES - remaining)),
        ),
        _ => (String::new(), None),
    };
    html! {
        <div class="exit">
            <button type="button" id="quick-exit" class="quick-exit" {onclick} aria-describedby="exit-hint">
                { s.get("exit.button") }
            </button>
            <span id="exit-hint" class="visually-hidden">{ s.get(if cfg!(feature = "staff") { "exit.hint_console" } else { "exit.hint" }) }</span>
            if let Some((total, done)) = dots {
                <span class="exit-dots" aria-hidden="true">
                    { for (0..total).map(|i| html! { <span class={classes!("dot", (i < done).then_some("on"))} /> }) }
                </span>
            }
            <span id="exit-progress" class="visually-hidden" role="status" aria-live="assertive">{ cue }</span>
        </div>
    }
}

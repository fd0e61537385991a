//! Everything that reaches outside Yew's tree. Kept small on purpose: no
//! storage API, no history API, no request but same-origin GETs.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

pub fn window() -> web_sys::Window {
    web_sys::window().expect("a browser window")
}

pub fn document() -> web_sys::Document {
    window().document().expect("a document")
}

/// Fetches one of the site's own files.
pub async fn fetch_bytes(path: &str) -> Result<Vec<u8>, String> {
    let init = web_sys::RequestInit::new();
    init.set_method("GET");
    init.set_credentials(web_sys::RequestCredentials::SameOrigin);
    init.set_referrer_policy(web_sys::ReferrerPolicy::NoReferrer);
    let promise = window().fetch_with_str_and_init(path, &init);
    let response: web_sys::Response = JsFuture::from(promise)
        .await
        .map_err(|_| format!("could not load {path}"))?
        .unchecked_into();
    if !response.ok() {
        return Err(format!("could not load {path}: HTTP {}", response.status()));
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(|_| "no body".to_string())?)
        .await
        .map_err(|_| format!("could not read {path}"))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The static notice in index.html: removed once the app is on screen, or
/// switched to its error text (written in index.html, since the catalogues
/// may be what failed to load).
pub fn finish_boot(loaded: bool) {
    let doc = document();
    if loaded {
        if let Some(boot) = doc.get_element_by_id("boot") {
            boot.remove();
        }
    } else {
        if let Some(loading) = doc.query_selector("#boot .loading").ok().flatten() {
            loading.remove();
        }
        if let Some(error) = doc.get_element_by_id("boot-error") {
            let _ = error.remove_attribute("hidden");
        }
    }
}

/// Keeps `<html lang>` and the tab title in step with the app.
pub fn set_page_language(lang: &str, rtl: bool) {
    if let Some(html) = document().document_element() {
        let _ = html.set_attribute("lang", lang);
        let _ = html.set_attribute("dir", if rtl { "rtl" } else { "ltr" });
    }
}

/// `navigator.languages`: read, never stored or sent.
pub fn preferred_languages() -> Vec<String> {
    window()
        .navigator()
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect()
}

pub fn set_title(title: &str) {
    document().set_title(title);
}

/// Quick exit: hide the whole page and blank the title at once, then
/// replace this page in history with the neutral destination, so Back does
/// not return here. The caller has already wiped the app's state.
pub fn quick_exit(destination: &str) {
    let doc = document();
    if let Some(html) = doc.document_element() {
        let _ = html.set_attribute("hidden", "");
    }
    doc.set_title("");
    let _ = window().location().replace(destination);
}

/// Undoes the blanking when the back/forward cache restores the page, so
/// it never shows a half-state (the app's state was wiped before leaving).
pub fn unblank(title: &str) {
    let doc = document();
    if let Some(html) = doc.document_element() {
        let _ = html.remove_attribute("hidden");
    }
    doc.set_title(title);
}

/// Milliseconds on the same clock as `Event.timeStamp`.
pub fn now_ms() -> f64 {
    window().performance().map(|p| p.now()).unwrap_or(0.0)
}

/// Shows a new view from its top: the person sees its heading and first
/// lines, not wherever the last view was scrolled to.
pub fn scroll_to_top() {
    window().scroll_to_with_x_and_y(0.0, 0.0);
}

/// Whether the screen was wide (a desktop or tablet) when the page opened:
/// the filters start open there and folded on a phone. Read once, so
/// turning a phone never opens or closes them under the person's thumb.
pub fn wide_at_start() -> bool {
    thread_local!(static WIDE: bool = window().match_media("(min-width: 48rem)").ok().flatten().is_some_and(|m| m.matches()));
    WIDE.with(|w| *w)
}

/// Moves keyboard focus, for view changes that screen readers must follow.
pub fn focus(id: &str) {
    if let Some(el) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Today's date on this device, to flag records not checked in 12 months.
pub fn today() -> waypoint_core::model::Date {
    let now = js_sys::Date::new_0();
    waypoint_core::model::Date {
        year: now.get_full_year() as u16,
        month: now.get_month() as u8 + 1,
        day: now.get_date() as u8,
    }
}

/// The page's query string (read only: the app never writes the URL).
pub fn query() -> String {
    window().location().search().unwrap_or_default()
}

/// Quick exit inside a partner's page: blank the frame, then replace the
/// partner's whole page (the frame's sandbox allows it on the visitor's
/// gesture). If the browser refuses, leave the frame at least.
pub fn quick_exit_top(destination: &str) {
    let doc = document();
    if let Some(html) = doc.document_element() {
        let _ = html.set_attribute("hidden", "");
    }
    doc.set_title("");
    let top = window().top().ok().flatten();
    let replaced = top
        .map(|t| t.location().replace(destination).is_ok())
        .unwrap_or(false);
    if !replaced {
        let _ = window().location().replace(destination);
    }
}

/// The partner's accent colours, as the CSS custom properties the
/// stylesheet uses (set through CSSOM, which the strict CSP allows).
pub fn set_accent(accent: Option<&str>, ink: Option<&str>) {
    let Some(root) = document()
        .document_element()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let style = root.style();
    if let Some(a) = accent {
        let _ = style.set_property("--wp-accent", a);
    }
    if let Some(i) = ink {
        let _ = style.set_property("--wp-accent-ink", i);
    }
}

/// Tells the partner's page (and only it) how tall the widget is.
pub fn post_height(parent_origin: &str) {
    let Ok(Some(parent)) = window().parent() else {
        return;
    };
    // The body's own height: the root's scrollHeight never drops below the
    // frame's current height, so the frame could grow but never shrink.
    let height = document().body().map(|b| b.offset_height()).unwrap_or(0);
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &"waypoint:height".into());
    let _ = js_sys::Reflect::set(&message, &"height".into(), &(height as f64).into());
    let _ = parent.post_message(&message, parent_origin);
}

/// Sends the height to the partner whenever the body's size changes (the
/// loading notice going away, details opening, text re-wrapping), not only
/// after renders. Returns the observer; dropping it stops watching.
pub fn watch_height(
    parent_origin: String,
) -> Option<(
    web_sys::ResizeObserver,
    wasm_bindgen::closure::Closure<dyn FnMut()>,
)> {
    let callback =
        wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || post_height(&parent_origin));
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    let body: web_sys::Element = document().body()?.into();
    observer.observe(&body);
    Some((observer, callback))
}

/// Now, in Unix milliseconds (for "open now"; a test may fix the clock).
pub fn unix_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// The page's fragment, read once at start for a shared search link.
pub fn fragment() -> String {
    window().location().hash().unwrap_or_default()
}

/// This page's address without query or fragment, for a shared link. A
/// partner's widget shares a link to the site itself, not to the frame.
pub fn page_address() -> String {
    let location = window().location();
    format!(
        "{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default()
    )
}

/// Puts text on the clipboard. Fails in a partner's frame (the sandbox
/// grants no clipboard) and on pages the browser does not trust; the caller
/// then shows the text to copy by hand.
pub async fn copy_text(text: &str) -> bool {
    let navigator = window().navigator();
    // Pages the browser does not trust (plain http from another machine)
    // have no clipboard object at all.
    let has_clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into())
        .is_ok_and(|c| !c.is_undefined() && !c.is_null());
    if !has_clipboard {
        return false;
    }
    let promise = navigator.clipboard().write_text(text);
    JsFuture::from(promise).await.is_ok()
}

/// The print dialog; the print stylesheet leaves only the referral sheet.
pub fn print() {
    let _ = window().print();
}

/// Asks the device for its location, once, after a tap. The answer is
/// used for this search only and never kept. `done` gets `None` when the
/// person says no or the device cannot tell.
pub fn locate(done: impl FnOnce(Option<(f32, f32)>) + 'static) {
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;
    let Ok(geolocation) = window().navigator().geolocation() else {
        return done(None);
    };
    let done = Rc::new(RefCell::new(Some(done)));
    let finish = {
        let done = done.clone();
        move |answer: Option<(f32, f32)>| {
            if let Some(f) = done.borrow_mut().take() {
                f(answer);
            }
        }
    };
    let on_fail = finish.clone();
    let ok = Closure::once_into_js(move |position: wasm_bindgen::JsValue| {
        let number = |obj: &wasm_bindgen::JsValue, key: &str| {
            js_sys::Reflect::get(obj, &key.into())
                .ok()
                .and_then(|v| v.as_f64())
        };
        let coords = js_sys::Reflect::get(&position, &"coords".into()).unwrap_or_default();
        finish(
            number(&coords, "latitude")
                .zip(number(&coords, "longitude"))
                .map(|(a, b)| (a as f32, b as f32)),
        );
    });
    let fail = Closure::once_into_js(move |_: wasm_bindgen::JsValue| on_fail(None));
    if geolocation
        .get_current_position_with_error_callback(ok.unchecked_ref(), Some(fail.unchecked_ref()))
        .is_err()
    {
        if let Some(f) = done.borrow_mut().take() {
            f(None);
        }
    }
}

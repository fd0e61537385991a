use yew::prelude::*;

use waypoint_core::search::highlight::highlight;

/// A text with the words the query matched wrapped in `<mark>`. A plain
/// function, not a component: a result card draws several, and a component
/// each cost both wasm size and time on every keystroke.
pub fn highlighted(text: &str, terms: &[String]) -> Html {
    if terms.is_empty() {
        return html! { { text.to_string() } };
    }
    html! {
        { for highlight(text, terms).into_iter().map(|seg| if seg.matched {
            html! { <mark>{ seg.text.to_string() }</mark> }
        } else {
            html! { { seg.text.to_string() } }
        }) }
    }
}

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

/// Free text with every phone number in it a tap-to-call link ("Call
/// 1-800-656-4673 to ask": the number is the action).
pub fn linked_text(text: &str) -> Html {
    use waypoint_core::text::{phone_pieces, Piece};
    html! {
        { for phone_pieces(text).into_iter().map(|piece| match piece {
            Piece::Text(t) => html! { { t.to_string() } },
            Piece::Phone(number, dial) => html! { <a class="inline-call" href={format!("tel:{dial}")}>{ number.to_string() }</a> },
        }) }
    }
}

use yew::prelude::*;

use crate::search::highlight::highlight;

#[derive(Properties, PartialEq)]
pub struct HighlightProps {
    pub text: AttrValue,
    pub terms: Vec<String>,
}

/// A text with the words the query matched wrapped in `<mark>`.
#[function_component(Highlight)]
pub fn highlighted(props: &HighlightProps) -> Html {
    if props.terms.is_empty() {
        return html! { { props.text.clone() } };
    }
    let segments = highlight(&props.text, &props.terms);
    html! {
        { for segments.into_iter().map(|seg| if seg.matched {
            html! { <mark>{ seg.text.to_string() }</mark> }
        } else {
            html! { { seg.text.to_string() } }
        }) }
    }
}

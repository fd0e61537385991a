use yew::prelude::*;

use waypoint_core::app::AppState;
use waypoint_core::model::PhoneKind;

/// The national hotline, in the same place on every view.
pub fn help_bar(app: &AppState) -> Html {
    let s = app.strings();
    let Some(help) = app.site.help_service() else {
        return html! {};
    };
    let links = help.phones.iter().filter(|p| matches!(p.kind, PhoneKind::Hotline | PhoneKind::Voice | PhoneKind::Text)).map(|p| {
        let (href, label) = match p.kind {
            PhoneKind::Text => (format!("sms:{}", p.dial()), s.format("help.text", &[("number", &p.number)])),
            _ => (format!("tel:{}", p.dial()), s.format("help.call", &[("number", &p.number)])),
        };
        html! { <a class="help-link call" {href}>{ super::results::with_number(&label, &p.number) }</a> }
    });
    html! {
        <aside class="help-bar" aria-label={s.label("help.label")}>
            <p>
                <strong lang={app.site.bundle.site.default_language.clone()} dir="auto">{ &help.name }</strong>{ " " }
                <span class="help-note">{ s.get("help.note") }</span>
                // Chat sits in the sentence, so the call and text buttons
                // keep one row on a phone.
                if let Some(chat) = &help.chat_url {
                    { " " }<a class="help-link chat" href={chat.clone()} rel="noopener noreferrer" target="_blank">{ s.get("help.chat") }</a>
                }
            </p>
            <p class="help-links">{ for links }</p>
        </aside>
    }
}

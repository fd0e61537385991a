//! Tools for hotline and case-management staff: keyboard shortcuts, a
//! compact list, referrals to copy or print, several at once, and a link to
//! a search. They are built only into the staff console (`/staff/`, the
//! `staff` Cargo feature), so the public site a survivor opens on a cheap
//! phone does not download them. Both builds share everything else: the
//! same privacy rules, quick exit, near-me and open-now.
//!
//! Each function here returns nothing in the public build; that keeps the
//! `cfg` in this one file instead of scattered through the views.

use yew::prelude::*;

use crate::store::AppHandle;

#[cfg(feature = "staff")]
mod keyboard;
#[cfg(feature = "staff")]
mod referral;

/// The console's listeners: the shortcuts, and a refused copy's text
/// selected for copying by hand.
#[cfg(feature = "staff")]
#[hook]
pub fn use_staff_effects(app: &AppHandle) {
    keyboard::use_shortcuts(app);
    referral::use_copy_fallback_selected(app);
}

/// The public build has no shortcuts beyond quick exit.
#[cfg(not(feature = "staff"))]
#[hook]
pub fn use_staff_effects(app: &AppHandle) {
    let _ = app;
}

/// A staff tool's view: drawn by `$view` in the console, nothing in the
/// public build (its arguments are then unused).
macro_rules! staff_view {
    ($(#[$doc:meta])* $name:ident($($arg:ident: $ty:ty),*) => $view:path) => {
        $(#[$doc])*
        pub fn $name(app: &AppHandle $(, $arg: $ty)*) -> Html {
            #[cfg(feature = "staff")]
            return $view(app $(, $arg)*);
            #[cfg(not(feature = "staff"))]
            {
                let _ = (app $(, $arg)*);
                Html::default()
            }
        }
    };
}

staff_view!(
    /// Beside the result count: compact list, copy link, the referral list.
    list_tools() => referral::list_tools
);
staff_view!(
    /// On each result: put it on the referral list.
    card_select(service: u32) => referral::card_select
);
staff_view!(
    /// On a service's page: copy its referral, put it on the list.
    detail_tools(service: u32) => referral::detail_tools
);
staff_view!(
    /// The sheet the print stylesheet shows.
    referral_sheet() => referral::referral_sheet
);
staff_view!(
    /// The list of shortcuts, under the search box.
    shortcut_help() => keyboard::shortcut_help
);

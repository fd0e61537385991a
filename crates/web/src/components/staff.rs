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

/// Beside the result count: compact list, copy link, the referral list.
pub fn list_tools(app: &AppHandle) -> Html {
    #[cfg(feature = "staff")]
    return referral::list_tools(app);
    #[cfg(not(feature = "staff"))]
    {
        let _ = app;
        Html::default()
    }
}

/// On each result: put it on the referral list.
pub fn card_select(app: &AppHandle, service: u32) -> Html {
    #[cfg(feature = "staff")]
    return referral::card_select(app, service);
    #[cfg(not(feature = "staff"))]
    {
        let _ = (app, service);
        Html::default()
    }
}

/// On a service's page: copy its referral, put it on the list.
pub fn detail_tools(app: &AppHandle, service: u32) -> Html {
    #[cfg(feature = "staff")]
    return referral::detail_tools(app, service);
    #[cfg(not(feature = "staff"))]
    {
        let _ = (app, service);
        Html::default()
    }
}

/// The sheet the print stylesheet shows.
pub fn referral_sheet(app: &AppHandle) -> Html {
    #[cfg(feature = "staff")]
    return referral::referral_sheet(app);
    #[cfg(not(feature = "staff"))]
    {
        let _ = app;
        Html::default()
    }
}

/// The list of shortcuts, under the search box.
pub fn shortcut_help(app: &AppHandle) -> Html {
    #[cfg(feature = "staff")]
    return keyboard::shortcut_help(app);
    #[cfg(not(feature = "staff"))]
    {
        let _ = app;
        Html::default()
    }
}

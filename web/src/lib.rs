//! The postmortem editor: a Leptos app (client-side rendering) that runs entirely in the browser.
//! The core does all the postmortem work; this crate binds it to the page.

// Leptos' `#[component]` expands to props items this lint misreads as needlessly public.
#![allow(unreachable_pub)]

mod app;
mod components;
mod files;
mod offline;
mod share;
pub mod state;
pub mod storage;

pub use app::App;

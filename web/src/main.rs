//! The app's entry point: a panic hook, then the app mounted on the page.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(postmortem_web::App);
}

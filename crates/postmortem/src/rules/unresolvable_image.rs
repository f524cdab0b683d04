//! PM604 `unresolvable-image`.

use crate::model::Image;
use crate::rule::prelude::*;

declare_rule! {
    /// Reports images that cannot render outside the repository they were written in.
    ///
    /// Those are images with a relative path, a file on the author's machine, or a link to a
    /// repository's page for the image instead of the image file.
    ///
    /// ## Why is this bad?
    /// A postmortem travels: it is pasted into a blog, an issue, a wiki, this app. A relative
    /// path (`./image.png`) only resolves next to the file it was written in, and a
    /// `github.com/.../blob/...` address is an HTML page, not an image, so readers see a broken
    /// image instead of the diagram.
    ///
    /// Both Markdown images (`![alt](url)`, reference images) and HTML `<img src=...>` are
    /// checked; absolute `https://` addresses of image files are fine.
    ///
    /// ## Examples
    ///
    /// ### Invalid
    /// ```markdown,invalid
    /// # Checkout outage
    /// ![Timeline of the outage](timeline_diagram.jpg)
    /// ```
    ///
    /// ```markdown,invalid
    /// # Checkout outage
    /// ![Diagram](https://github.com/acme/docs/blob/main/outage.png)
    /// ```
    ///
    /// ### Valid
    /// ```markdown
    /// # Checkout outage
    /// ![Diagram](https://raw.githubusercontent.com/acme/docs/main/outage.png)
    /// <img src="https://example.com/outage.png" width="50%">
    /// ```
    ///
    /// ## Fix
    /// Replaces a GitHub or GitLab `blob` page address with the address of the raw file.
    /// Relative paths have no fix: only the author knows where the image is published.
    pub UnresolvableImage {
        code: "PM604",
        name: "unresolvable-image",
        severity: Severity::Warning,
        fixable: true,
    }
}

impl Rule for UnresolvableImage {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, context: &Context<'_>, report: &mut Vec<Diagnostic>) {
        for image in &context.document.images {
            if let Some(problem) = problem(&image.url) {
                report.push(diagnostic(image, problem));
            }
        }
    }
}

fn diagnostic(image: &Image, problem: Problem) -> Diagnostic {
    let url = &image.url;
    match problem {
        Problem::Empty => {
            Diagnostic::new(&UnresolvableImage::META, image.span, "Image has no address")
                .with_help("Add the image's `https://` address, or remove the image")
        }
        Problem::Relative => Diagnostic::new(
            &UnresolvableImage::META,
            image.span,
            format!("Image `{url}` has a relative path, which only resolves inside its repository"),
        )
        .with_help(
            "Link the image by an absolute `https://` address, such as \
             `https://raw.githubusercontent.com/<owner>/<repo>/<branch>/<path>`",
        ),
        Problem::Local => Diagnostic::new(
            &UnresolvableImage::META,
            image.span,
            format!("Image `{url}` is on the author's machine"),
        )
        .with_help("Publish the image and link it by an absolute `https://` address"),
        Problem::RepositoryPage { raw } => {
            let diagnostic = Diagnostic::new(
                &UnresolvableImage::META,
                image.span,
                "Image links to a repository page, not to the image file",
            );
            match raw {
                Some(raw) if image.exact => diagnostic
                    .with_help(format!("Link the file itself: `{raw}`"))
                    .with_fix(
                        "Link the raw image file",
                        vec![Edit::replace(image.span, raw)],
                    ),
                Some(raw) => diagnostic.with_help(format!("Link the file itself: `{raw}`")),
                None => {
                    diagnostic.with_help("Link the image file itself, not the page that shows it")
                }
            }
        }
    }
}

/// Why an image's address does not render elsewhere.
#[derive(Debug, PartialEq, Eq)]
enum Problem {
    Empty,
    Relative,
    Local,
    /// A `github.com/.../blob/...` page, with the raw file's address when it can be derived.
    RepositoryPage {
        raw: Option<String>,
    },
}

fn problem(url: &str) -> Option<Problem> {
    let url = url.trim();
    if url.is_empty() {
        return Some(Problem::Empty);
    }
    if url.starts_with("//") {
        return None;
    }
    let Some((scheme, rest)) = url.split_once(':').filter(|(scheme, _)| is_scheme(scheme)) else {
        return Some(Problem::Relative);
    };
    let scheme = scheme.to_ascii_lowercase();
    if scheme.len() == 1 || scheme == "file" {
        // `C:\Users\...` or `file:///...`.
        return Some(Problem::Local);
    }
    if scheme != "http" && scheme != "https" {
        return None;
    }
    let rest = rest.strip_prefix("//")?;
    let (address, query) = match rest.find(['?', '#']) {
        Some(index) => (&rest[..index], rest[index..].to_ascii_lowercase()),
        None => (rest, String::new()),
    };
    let (authority, path) = address.split_once('/').unwrap_or((address, ""));
    let host = authority
        .rsplit('@')
        .next()
        .unwrap_or_default()
        .split(':')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    if host == "localhost" || host == "127.0.0.1" || host.rsplit('.').next() == Some("local") {
        return Some(Problem::Local);
    }
    repository_page(&host, path, &query)
}

/// A GitHub or GitLab page for a file (`/blob/`, `/tree/`) used as an image address.
fn repository_page(host: &str, path: &str, query: &str) -> Option<Problem> {
    if query.contains("raw=true") || query.contains("raw=1") {
        return None;
    }
    let segments: Vec<&str> = path.split('/').collect();
    match host {
        "github.com" | "www.github.com" => match segments.as_slice() {
            [owner, repo, "blob", reference, file @ ..] if !file.is_empty() => {
                Some(Problem::RepositoryPage {
                    raw: Some(format!(
                        "https://raw.githubusercontent.com/{owner}/{repo}/{reference}/{}",
                        file.join("/")
                    )),
                })
            }
            [_, _, "tree", ..] => Some(Problem::RepositoryPage { raw: None }),
            _ => None,
        },
        "gitlab.com" | "www.gitlab.com" => {
            let blob = segments.iter().position(|&segment| segment == "-")?;
            (segments.get(blob + 1) == Some(&"blob")).then(|| Problem::RepositoryPage {
                raw: Some(format!(
                    "https://gitlab.com/{}",
                    path.replacen("/-/blob/", "/-/raw/", 1)
                )),
            })
        }
        _ => None,
    }
}

/// `https`, `data`, `C`: letters, digits, `+`, `-`, `.`, starting with a letter.
fn is_scheme(scheme: &str) -> bool {
    scheme
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

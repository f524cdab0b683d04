//! The document's outline: the title, and the sections under it by their canonical names.

use super::positions::Positions;
use lsp_types::{DocumentSymbol, SymbolKind};
use postmortem::{Profile, SectionKind, Span};

/// The title (when the document has one) holding the sections; each section holds those whose
/// parent it is. A section whose heading is a variant (`What happened`, `**Timeline:**`) is
/// named as the profile's canonical layout names it, the heading as written in its detail.
pub(crate) fn outline(text: &str, profile: Profile, positions: &Positions) -> Vec<DocumentSymbol> {
    let document = postmortem::parse(text);
    let sections = &document.sections;
    // Children first, from the last section up: a parent always comes before its children.
    let mut built: Vec<Option<(DocumentSymbol, Span)>> = sections
        .iter()
        .map(|section| {
            let canonical = match section.kind {
                SectionKind::Other => section.heading.text.as_str(),
                kind => profile.heading(kind),
            };
            let written = section.heading.text.trim();
            let detail = (!written.eq_ignore_ascii_case(canonical)).then(|| written.to_owned());
            Some((
                symbol(
                    canonical_or_written(canonical, "Untitled section"),
                    detail,
                    SymbolKind::STRING,
                    section.span.cover(section.heading.span),
                    section.heading.span,
                    positions,
                ),
                section.span.cover(section.heading.span),
            ))
        })
        .collect();
    let mut roots = Vec::new();
    for index in (0..sections.len()).rev() {
        let Some((child, child_span)) = built[index].take() else {
            continue;
        };
        match sections[index].parent.filter(|&parent| parent < index) {
            Some(parent) => {
                if let Some((parent_symbol, parent_span)) = built[parent].as_mut() {
                    // A parent's range holds its children's, as the protocol requires.
                    *parent_span = parent_span.cover(child_span);
                    parent_symbol.range = positions.range(*parent_span);
                    parent_symbol
                        .children
                        .get_or_insert_with(Vec::new)
                        .insert(0, child);
                }
            }
            None => roots.insert(0, child),
        }
    }
    let Some(title) = &document.title else {
        return roots;
    };
    let whole = Span::new(title.span.start, document.len.max(title.span.end));
    let mut title = symbol(
        canonical_or_written(&title.text, "Untitled"),
        None,
        SymbolKind::FILE,
        whole,
        title.span,
        positions,
    );
    title.children = (!roots.is_empty()).then_some(roots);
    vec![title]
}

/// Clients refuse a symbol with an empty name.
fn canonical_or_written<'a>(name: &'a str, fallback: &'a str) -> &'a str {
    if name.trim().is_empty() {
        fallback
    } else {
        name.trim()
    }
}

fn symbol(
    name: &str,
    detail: Option<String>,
    kind: SymbolKind,
    range: Span,
    selection: Span,
    positions: &Positions,
) -> DocumentSymbol {
    #[allow(deprecated)] // `deprecated` is a required field of the struct, replaced by `tags`.
    DocumentSymbol {
        name: name.to_owned(),
        detail,
        kind,
        tags: None,
        deprecated: None,
        range: positions.range(range),
        selection_range: positions.range(selection),
        children: None,
    }
}

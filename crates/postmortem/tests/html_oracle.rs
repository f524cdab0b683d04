//! The safe HTML judged by an independent HTML5 parser (html5ever, through the oracle in
//! `fuzz/src/html_oracle.rs`): hostile payloads in every Markdown context, and generated
//! Markdown mixed with HTML, rendered in both image modes. For each output, the tree the
//! parser builds must be the tree that was written (nothing moved or rebuilt) and must hold
//! only allowed elements, attributes and URLs.

#![allow(clippy::print_stderr)] // The corpus size is this test's figure.

use postmortem::html::{Images, to_html_with};
use proptest::prelude::*;

/// Shared with the `html` fuzz target, which runs the same oracle.
#[allow(unreachable_pub, dead_code)]
#[path = "../../../fuzz/src/html_oracle.rs"]
mod oracle;

/// Hostile payloads: script in every disguise, URLs with schemes hidden by entities,
/// whitespace and case, foreign and raw-text elements, comments, CDATA, broken and misnested
/// tags, and the layout HTML real documents use, half-written.
const PAYLOADS: &[&str] = &[
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<script/xss src=x></script>",
    "<<script>script>alert(1)<</script>/script>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<img src=x onerror=alert(1)>",
    "<img src=\"x\" onerror=\"alert(1)\">",
    "<IMG SRC=\"jav\tascript:alert(1);\">",
    "<IMG SRC=\"jav&#x09;ascript:alert(1);\">",
    "<IMG SRC=\"jav&#x0A;ascript:alert(1);\">",
    "<IMG SRC=\" &#14;  javascript:alert(1);\">",
    "<img src=JaVaScRiPt:alert(1)>",
    "<img/src=x/onerror=alert(1)>",
    "<img src=x:alert(1) onerror=eval(src)>",
    "<img src=`x`onerror=alert(1)>",
    "<img src=\"https://ok.example/a.png\" src=\"javascript:alert(1)\">",
    "<img src=\"https://ok.example/a.png\" onload=alert(1)>",
    "<img src=https://tracker.example/t.gif>",
    "<img src=//tracker.example/t.gif>",
    "<img src=/api/session/logout>",
    "<img src=\"https:/api/logout\">",
    "<img src=\"https:\\\\tracker.example\">",
    "<img srcset=\"https://tracker.example/t.gif 1x\">",
    "<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">",
    "![x](https://tracker.example/t.gif?draft=1)",
    "![x](//tracker.example/t.gif)",
    "![x](/api/session/logout)",
    "![x](javascript:alert(1))",
    "![x](data:image/png;base64,AAAA)",
    "![x][r]\n\n[r]: https://tracker.example/r.gif",
    "<svg onload=alert(1)>",
    "<svg/onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
    "<svg><style><img src=x onerror=alert(1)></style></svg>",
    "<svg></p><style><a id=\"</style><img src=1 onerror=alert(1)>\">",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
    "<math><annotation-xml encoding=\"text/html\"><img src=x onerror=alert(1)>",
    "<template><script>alert(1)</script></template>",
    "<template><img src=x onerror=alert(1)></template>after",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
    "<noscript><style></noscript><img src=x onerror=alert(1)>",
    "<style>body{background:url(javascript:alert(1))}</style>",
    "<style>@import 'https://evil.example/x.css';</style>",
    "<div style=\"background:url(javascript:alert(1))\">x</div>",
    "<p style=\"position:fixed;inset:0\">cover</p>",
    "<iframe src=javascript:alert(1)></iframe>",
    "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>after",
    "<object data=javascript:alert(1)></object>",
    "<embed src=javascript:alert(1)>",
    "<form action=javascript:alert(1)><button>go</button></form>",
    "<form><input formaction=javascript:alert(1) type=submit></form>",
    "<base href=\"javascript:/\">",
    "<base href=\"https://evil.example/\">",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
    "<link rel=stylesheet href=https://evil.example/x.css>",
    "<input autofocus onfocus=alert(1)>",
    "<select><option>x</option></select>",
    "<textarea><img src=x onerror=alert(1)></textarea>",
    "<title><img src=x onerror=alert(1)></title>",
    "<xmp><script>alert(1)</script></xmp>",
    "<plaintext><img src=x onerror=alert(1)>",
    "<listing><img src=x onerror=alert(1)></listing>",
    "<marquee onstart=alert(1)>x</marquee>",
    "<details open ontoggle=alert(1)>",
    "<video><source onerror=alert(1)></video>",
    "<audio src=x onerror=alert(1)>",
    "<body onload=alert(1)>",
    "<frameset onload=alert(1)>",
    "<isindex action=javascript:alert(1) type=image>",
    "<a href=\"javascript:alert(1)\">x</a>",
    "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
    "<a href=\" javascript:alert(1)\">x</a>",
    "<a href=\"java\tscript:alert(1)\">x</a>",
    "<a href=\"java&#x09;script:alert(1)\">x</a>",
    "<a href=\"jav&#x0A;ascript:alert(1)\">x</a>",
    "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>",
    "<a href=\"&#0000106&#0000097vascript:alert(1)\">x</a>",
    "<a href=\"&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(1)\">x</a>",
    "<a href=\"javascript&colon;alert(1)\">x</a>",
    "<a href=\"javascript&#58alert(1)\">x</a>",
    "<a href=\"%6Aavascript:alert(1)\">x</a>",
    "<a href=\"\u{1}javascript:alert(1)\">x</a>",
    "<a href=\"vbscript:msgbox(1)\">x</a>",
    "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
    "<a href=\"file:///etc/passwd\">x</a>",
    "<a href=javascript:alert(1)//>x</a>",
    "<a href=\"https://ok.example\" onclick=\"alert(1)\" target=_blank>ok</a>",
    "<a href=\"https://ok.example\" style=\"color:red\" class=\"evil\" id=\"top\" name=\"x\">ok</a>",
    "<a href=\"https://example.org\">",
    "<a href=\"https://example.org\"><a href=\"https://evil.example\">nested</a></a>",
    "<a href=x><div>block in a link</div></a>",
    "<A HREF=\"https://example.org\">caps</A>",
    "[x](javascript:alert(1))",
    "[x](JAVASCRIPT:alert(1))",
    "[x](java&#x09;script:alert(1))",
    "[x](&#106;avascript:alert(1))",
    "[x](javascript&colon;alert(1))",
    "[x](<javascript:alert(1)>)",
    "[x](vbscript:msgbox)",
    "[x](data:text/html,<script>alert(1)</script>)",
    "[x][evil]\n\n[evil]: javascript:alert(1)",
    "<javascript:alert(1)>",
    "[a <a href=\"https://in.example\">b</a> c](https://out.example)",
    "<a href=\"https://out.example\">a [b](https://in.example) c</a>",
    "<!--<script>alert(1)</script>-->",
    "<!-- unclosed comment <img src=x onerror=alert(1)>",
    "<!--><img src=x onerror=alert(1)>-->",
    "<![CDATA[<script>alert(1)</script>]]>",
    "<!DOCTYPE html><html><head></head><body>",
    "<?xml version=\"1.0\"?><img src=x onerror=alert(1)>",
    "</div></div></p><script>alert(1)</script>",
    "</a></b></i></li></ul></table>",
    "\"><script>alert(1)</script>",
    "'><img src=x onerror=alert(1)>",
    "<img src=\"x\" alt=\"&quot; onerror=&quot;alert(1)\">",
    "<a title='>' href=\"https://ok.example\">t</a>",
    "<b onclick=alert(1)>bold</b>",
    "<b>bold <i>both</b> italic</i>",
    "<b><p>paragraph in bold</p></b>",
    "<p>a<div>b</div>c</p>",
    "<p><p>twice</p>",
    "<span><h1>heading in span</h1></span>",
    "<h2><h3>heading in heading</h3></h2>",
    "<ul><li>a<li>b</ul>",
    "<ul>text straight in a list<li>x</li></ul>",
    "<li>item outside a list</li>",
    "<ol start=3 onclick=x><li>three</ol>",
    "<table><li>x</li></table>",
    "<table>text in a table<tr><td>cell</td></tr></table>",
    "<table><tr><td>a<td>b<tr><td>c</table>",
    "<table><td>cell without a row</td></table>",
    "<table><tbody><tr><th colspan=2 onclick=x>h</th></tr></tbody></table>",
    "<table><table>nested</table></table>",
    "<tr><td>row outside a table</td></tr>",
    "<td>cell outside a table",
    "<table><tr><td><div><tr><td>x",
    "<details><summary>Logs</summary>",
    "<summary><div>block in summary</div></summary>",
    "<pre>\npreformatted\n</pre>",
    "<pre><b>bold in pre</b></pre>",
    "<div align=center onmouseover=alert(1)>",
    "<div>\n\n**Markdown** inside\n\n</div>",
    "<p align=\"center\">\n  <img src=\"https://ok.example/logo.png\" width=50%>\n</p>",
    "<br/><hr/><span/>x",
    "<kbd>Ctrl</kbd>+<kbd>C</kbd>",
    "<sub>a</sub><sup>b</sup><s>c</s><u>d</u><del>e</del><code>f</code>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&copy; &bogus; &#8594; &#0; &#x110000; &",
    "a\0b<b>\0</b>",
    "\u{feff}bom",
    "`<script>alert(1)</script>`",
    "```js\" onclick=\"alert(1)\n<script>\n```",
    "<img src=x onerror=alert(1)//",
    "<a href=\"https://ok.example\"",
    "<b",
    "</",
    "<",
    "x</b>y",
    "* [ ] <input type=checkbox checked onclick=alert(1)>",
];

/// Markdown contexts a payload is put in, `{}` standing for it.
const CONTEXTS: &[&str] = &[
    "{}",
    "before {} after",
    "{}\n\n# Heading after\n\nA paragraph after.\n\n- an item after\n",
    "{}{}",
    "- {}",
    "- a\n  {}\n- b",
    "1. {}\n2. next",
    "- a\n\n  {}\n\n- b",
    "- [ ] {}",
    "> {}",
    "> - {}\n>\n> after",
    "# {}",
    "Heading\n=======\n{}",
    "| a | b |\n|---|---|\n| {} | c |",
    "| {} |\n|---|\n| b |",
    "- a\n  <table><li>{}",
    "<div>\n{}\n</div>",
    "<div>\n\n{}\n\n</div>",
    "<details>\n<summary>Logs</summary>\n\n{}\n\n</details>",
    "<table><tr><td>\n\n{}\n\n</td></tr></table>",
    "<ul>\n<li>{}",
    "<p>{}",
    "<b>{}",
    "{}</b></a></div>",
    "*{}*",
    "**{}**",
    "~~{}~~",
    "[{}](https://example.com)",
    "![{}](x.png)",
    "[link]({})",
    "<a href=\"https://example.org\">\n\n{}",
    "`{}`",
    "```\n{}\n```",
    "Text[^1].\n\n[^1]: {}",
    "Term\n: {}",
    "    {}",
];

#[test]
fn hostile_payloads_in_every_context_parse_as_written_and_allowed() {
    let mut checked = 0;
    let mut failures = Vec::new();
    for payload in PAYLOADS {
        for context in CONTEXTS {
            let markdown = context.replace("{}", payload);
            for images in [Images::Placeholder, Images::Https] {
                let html = to_html_with(&markdown, images);
                if let Err(problem) = oracle::check(&html, images) {
                    failures.push(format!("{markdown:?} ({images:?}): {problem}\n  {html:?}"));
                }
                checked += 1;
            }
        }
    }
    eprintln!(
        "html oracle: {checked} renderings of {} payloads in {} contexts",
        PAYLOADS.len(),
        CONTEXTS.len()
    );
    assert!(checked >= 10_000, "{checked}");
    assert!(
        failures.is_empty(),
        "{} of {checked} failed:\n{}",
        failures.len(),
        failures[..failures.len().min(20)].join("\n")
    );
}

/// The pieces generated documents are made of: Markdown's block and span syntax and the raw
/// HTML the sanitiser must keep in order, in any order.
const PIECES: &[&str] = &[
    "\n",
    "\n\n",
    " ",
    "  ",
    "text",
    "é",
    "🦀",
    "# ",
    "## ",
    "> ",
    "- ",
    "* ",
    "1. ",
    "   ",
    "- [ ] ",
    "|",
    "|---|",
    "| a |",
    "```",
    "`",
    "*",
    "**",
    "_",
    "~~",
    "[",
    "]",
    "](",
    ")",
    "![",
    "https://example.org",
    "javascript:alert(1)",
    "//host/x",
    "&",
    "&amp;",
    "&#x",
    ";",
    "<",
    ">",
    "/",
    "=",
    "\"",
    "'",
    "<a href=\"https://example.org\">",
    "<a href=x>",
    "</a>",
    "<b>",
    "</b>",
    "<i>",
    "</i>",
    "<em>",
    "</em>",
    "<strong>",
    "</strong>",
    "<code>",
    "</code>",
    "<span>",
    "</span>",
    "<kbd>",
    "<p>",
    "</p>",
    "<p align=center>",
    "<div>",
    "</div>",
    "<details>",
    "</details>",
    "<summary>",
    "</summary>",
    "<h2>",
    "</h2>",
    "<pre>",
    "</pre>",
    "<blockquote>",
    "</blockquote>",
    "<ul>",
    "</ul>",
    "<ol>",
    "</ol>",
    "<li>",
    "</li>",
    "<table>",
    "</table>",
    "<thead>",
    "<tbody>",
    "<tr>",
    "</tr>",
    "<td>",
    "</td>",
    "<th colspan=2>",
    "<br>",
    "<hr>",
    "<img src=https://example.org/a.png>",
    "<img src=x>",
    "<script>",
    "</script>",
    "<style>",
    "<svg>",
    "</svg>",
    "<math>",
    "<template>",
    "<noscript>",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "<textarea>",
    "<iframe>",
    "onerror=x",
    "[^1]",
    "[^1]: ",
    "Term\n: ",
    "---\n",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn generated_documents_parse_as_written_and_allowed(
        pieces in proptest::collection::vec(proptest::sample::select(PIECES), 0..48)
    ) {
        let markdown: String = pieces.concat();
        for images in [Images::Placeholder, Images::Https] {
            let html = to_html_with(&markdown, images);
            if let Err(problem) = oracle::check(&html, images) {
                prop_assert!(false, "{markdown:?} ({images:?}): {problem}\n  {html:?}");
            }
        }
    }
}

#[test]
fn the_oracle_sees_what_the_parser_moves_and_what_is_not_allowed() {
    for (html, problem) in [
        ("<p>a<div>b</div></p>", "rebuilds"),
        (
            "<a href=\"x\" rel=\"noopener noreferrer nofollow\"><a href=\"y\" rel=\"noopener noreferrer nofollow\">b</a></a>",
            "rebuilds",
        ),
        ("<table><li>x</li></table>", "rebuilds"),
        ("<table>text</table>", "rebuilds"),
        ("<ul><li>a<li>b</ul>", "closes"),
        ("<b><i>x</b></i>", "closes"),
        ("<b>open", "left open"),
        ("<li>outside</li>", "in None"),
        ("<b><div>x</div></b>", "block <div> inside <b>"),
        ("<p onclick=\"x\">x</p>", "attribute onclick"),
        ("<p style=\"x\">x</p>", "attribute style"),
        (
            "<a href=\" java&#9;script:x\" rel=\"noopener noreferrer nofollow\">x</a>",
            "href=",
        ),
        ("<a href=\"x\">no rel</a>", "without rel"),
        ("<img src=\"https://example.org/a.png\">", "images off"),
        ("<script>x</script>", "element <script>"),
        ("<svg></svg>", "svg"),
        ("<!-- c -->", "comment"),
        ("<span class=\"evil\">x</span>", "class="),
    ] {
        let error = oracle::check(html, Images::Placeholder).expect_err(html);
        assert!(error.contains(problem), "{html:?}: {error}");
    }
    let error = oracle::check("<img src=\"/api/logout\">", Images::Https).expect_err("same origin");
    assert!(error.contains("src="), "{error}");
    for accepted in [
        "<img src=\"https://example.org/a.png\" loading=\"lazy\">",
        "<img src=\" HTTPS://example.org/a.png\">",
    ] {
        assert_eq!(
            oracle::check(accepted, Images::Https),
            Ok(()),
            "{accepted:?}"
        );
    }
    assert_eq!(
        oracle::check("<pre>\nx</pre><p>a &amp; b</p>\n", Images::Placeholder),
        Ok(())
    );
}

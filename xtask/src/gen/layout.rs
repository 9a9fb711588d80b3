//! An article's layout: plain text as scraped (bylines glued or not, datelines, cookie banners)
//! or a saved web page with its site around it.

use std::fmt::Write as _;

use super::Rng;
use super::dates::{Day, MONTHS_SHORT, WEEKDAYS};

// ---------------------------------------------------------------------------------
// Layout: plain text as scraped, or a saved web page.

pub(super) struct Draft {
    pub(super) title: Option<String>,
    pub(super) published: Day,
    pub(super) dateline_city: String,
    pub(super) outlet: String,
    pub(super) reporter: Option<String>,
    pub(super) paragraphs: Vec<String>,
    pub(super) related: Vec<String>,
    pub(super) tags: Vec<String>,
}

const COOKIE_BANNERS: [&str; 3] = [
    "We use cookies to improve your experience on our website. By continuing to browse, you agree to our use of cookies. Accept",
    "This website uses cookies to ensure you get the best experience. Learn more | Got it",
    "Cookies help us deliver our services. Manage preferences",
];

pub(super) fn render_text(d: &Draft, rng: &mut Rng) -> String {
    let mut blocks: Vec<String> = Vec::new();
    if rng.chance(0.15) {
        blocks.push(COOKIE_BANNERS[rng.below(COOKIE_BANNERS.len())].into());
    }
    if rng.chance(0.25) {
        blocks.push(format!(
            "Home » {} » {}",
            rng.pick(&["News", "World", "Politics"]),
            rng.pick(&["Defence", "Region", "Diplomacy"])
        ));
    }
    if let Some(title) = &d.title {
        blocks.push(title.clone());
    }
    let date_line = match rng.below(8) {
        0 => Some(d.published.day_month_year()),
        1 => Some(format!("{} {:02}:{:02}", d.published.month_day_year(), rng.below(24), rng.below(60))),
        2 => Some(d.published.iso()),
        3 => {
            let (y, m, dd) = d.published.ymd();
            Some(format!("Published: {dd:02}.{m:02}.{y}"))
        }
        4 => Some(format!("{}, {}", WEEKDAYS[d.published.weekday()], d.published.day_month_year())),
        _ => None,
    };
    let mut body = d.paragraphs.clone();
    let byline_form = rng.below(10);
    let date_first = rng.chance(0.5);
    if date_first {
        blocks.extend(date_line.clone());
    }
    match (&d.reporter, byline_form) {
        (Some(r), 0..=1) => {
            // Lost markup glued the byline to the first word of the text.
            body[0] = format!("By {r}{}", body[0]);
        }
        (Some(r), 2..=5) => blocks.push(format!("By {r}")),
        (Some(r), 6) => {
            blocks.push(format!("By {}", d.outlet));
            blocks.push(format!("By {r}"));
        }
        (_, 7) => blocks.push("By Staff Reporter".into()),
        (_, 8) => blocks.push(format!("By {}", d.outlet)),
        _ => {}
    }
    if !date_first {
        blocks.extend(date_line);
    }
    if rng.chance(0.15) && !body[0].starts_with("By ") {
        let (_, m, day) = d.published.ymd();
        body[0] = format!("{}, {} {day} ({}) -- {}", d.dateline_city, MONTHS_SHORT[m as usize - 1], d.outlet, body[0]);
    }
    blocks.extend(body);
    let (year, _, _) = d.published.ymd();
    let mut tail = Vec::new();
    if rng.chance(0.4) {
        tail.push("Related:".to_owned());
        tail.extend(d.related.iter().cloned());
    }
    if rng.chance(0.3) {
        tail.push(format!("Read more: {}", d.related[0]));
    }
    if rng.chance(0.5) {
        tail.push(if rng.chance(0.5) {
            "Follow us on Twitter".into()
        } else {
            format!("Follow us on Twitter @{}", d.outlet.replace(' ', ""))
        });
    }
    if rng.chance(0.3) {
        tail.push(format!("Tags: {}", d.tags.join(", ")));
    }
    if rng.chance(0.3) {
        tail.push("Share this article".into());
    }
    if rng.chance(0.4) {
        tail.push(format!("© {year} {}. All rights reserved.", d.outlet));
    }
    blocks.extend(tail);
    let separator = if rng.chance(0.7) { "\n\n" } else { "\n" };
    let mut text = blocks.join(separator);
    text.push('\n');
    text
}

pub(super) fn render_html(d: &Draft, rng: &mut Rng) -> String {
    let mut h = String::new();
    let title = d.title.clone().unwrap_or_default();
    let iso = d.published.iso();
    let _ = write!(h, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    if d.title.is_some() {
        let _ = writeln!(h, "<title>{} | {}</title>", escape(&title), escape(&d.outlet));
    }
    if let Some(r) = &d.reporter {
        let _ = writeln!(h, "<meta name=\"author\" content=\"{}\">", escape(r));
    }
    if rng.chance(0.8) {
        let _ = writeln!(
            h,
            "<meta property=\"article:published_time\" content=\"{iso}T{:02}:{:02}:00+00:00\">",
            rng.below(24),
            rng.below(60)
        );
    }
    h.push_str("<script>window.dataLayer = window.dataLayer || [];</script>\n</head>\n<body>\n");
    let _ = writeln!(
        h,
        "<header><nav><a href=\"/\">Home</a> &raquo; <a href=\"/news\">News</a> &raquo; <a href=\"/defence\">Defence</a></nav></header>"
    );
    if rng.chance(0.5) {
        let _ = writeln!(
            h,
            "<div class=\"cookie-banner\"><p>{}</p><button>Accept</button></div>",
            escape(COOKIE_BANNERS[rng.below(3)])
        );
    }
    h.push_str("<article>\n");
    if d.title.is_some() {
        let _ = writeln!(h, "<h1>{}</h1>", escape(&title));
    }
    if let Some(r) = &d.reporter {
        let _ = writeln!(h, "<p class=\"byline\">By <a href=\"/authors\">{}</a></p>", escape(r));
    }
    let _ = writeln!(h, "<time datetime=\"{iso}\">{}</time>", d.published.month_day_year());
    for p in &d.paragraphs {
        let text = escape(p).replace('’', if rng.chance(0.5) { "&rsquo;" } else { "’" });
        let _ = writeln!(h, "<p>{text}</p>");
    }
    h.push_str("</article>\n<aside class=\"related\"><h3>Related</h3><ul>\n");
    for r in &d.related {
        let _ = writeln!(h, "<li><a href=\"/news/{}\">{}</a></li>", r.len(), escape(r));
    }
    let (year, _, _) = d.published.ymd();
    let _ = writeln!(
        h,
        "</ul></aside>\n<footer><p>Follow us on Twitter</p><p>&copy; {year} {}. All rights reserved.</p></footer>\n</body>\n</html>",
        escape(&d.outlet)
    );
    h
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

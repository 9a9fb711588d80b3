//! The entity record: name, kind, aliases by rule, roles, mentions, related, series,
//! and a place's point.

use super::*;

pub(super) const ENTITY_KINDS: [EntityKind; 6] = EntityKind::ALL;
pub(super) const POINT_KINDS: [PointOf; 3] = PointOf::ALL;
pub(super) const RULES: [&str; 6] = ["name", "spelling", "gazetteer", "demonym", "surname", "part of a longer name"];

pub(super) fn write_entity(w: &mut Writer, e: &Entity) {
    w.streams[SMALL].push(ENTITY_KINDS.iter().position(|&k| k == e.kind).unwrap_or(0) as u8);
    w.str(TEXT, &e.name);
    let base = format!("{}:{}", e.kind.as_str(), slug_words(&e.name, usize::MAX));
    write_id(w, &e.id, &base);
    w.num(SMALL, e.aliases.len());
    for a in &e.aliases {
        w.str(TEXT, &a.text);
        w.u(SMALL, a.count);
        match RULES.iter().position(|&r| r == a.rule) {
            Some(i) => w.num(SMALL, i + 1),
            None => {
                w.u(SMALL, 0);
                w.str(TEXT, &a.rule);
            }
        }
    }
    // A role's text is stored once an entity: again, it is its number among the entity's
    // texts so far (an outlet's "outlet" in every article it credits).
    w.num(SMALL, e.roles.len());
    let mut texts: Vec<&str> = Vec::new();
    for role in &e.roles {
        match texts.iter().position(|&t| t == role.text) {
            Some(i) => w.num(SMALL, i + 1),
            None => {
                w.u(SMALL, 0);
                w.str(TEXT, &role.text);
                texts.push(&role.text);
            }
        }
        w.u(REFS, role.article);
    }
    w.num(SMALL, e.mentions.len());
    let mut last = Mention { article: 0, paragraph: 0, start: 0, end: 0 };
    for m in &e.mentions {
        let da = i64::from(m.article) - i64::from(last.article);
        w.signed(MENTIONS, da);
        let base_p = if da == 0 { last.paragraph } else { 0 };
        let dp = i64::from(m.paragraph) - i64::from(base_p);
        w.signed(MENTIONS, dp);
        let base_s = if da == 0 && dp == 0 { last.start } else { 0 };
        w.signed(MENTIONS, i64::from(m.start) - i64::from(base_s));
        w.signed(MENTIONS, i64::from(m.end) - i64::from(m.start));
        last = *m;
    }
    w.num(SMALL, e.related.len());
    for rel in &e.related {
        w.u(ENTITY_REFS, rel.entity);
        w.u(SMALL, rel.sentences);
        w.u(SMALL, rel.articles);
    }
    match &e.series {
        None => w.flag(false),
        Some(s) => {
            w.flag(true);
            w.str(TEXT, s);
        }
    }
    // The point's kind and a flag share one byte: 0 for none, else 1 + the kind.
    match e.point {
        None => w.u(SMALL, 0),
        Some(p) => {
            w.num(SMALL, 1 + POINT_KINDS.iter().position(|&k| k == p.of).unwrap_or(0));
            w.signed(REFS, i64::from(p.lat));
            w.signed(REFS, i64::from(p.lon));
        }
    }
}

pub(super) fn read_entity(r: &mut Reader) -> Result<Entity, Damage> {
    let kind = ENTITY_KINDS.get(usize::from(r.byte()?)).copied().ok_or_else(|| malformed("unknown entity kind"))?;
    let name = r.str(TEXT)?;
    let id = read_id(r, || format!("{}:{}", kind.as_str(), slug_words(&name, usize::MAX)))?;
    let n = r.count(SMALL)?;
    let mut aliases = Vec::with_capacity(n);
    for _ in 0..n {
        let text = r.str(TEXT)?;
        let count = r.u(SMALL)?;
        let rule = match r.u(SMALL)? {
            0 => r.str(TEXT)?,
            i => RULES.get(i as usize - 1).ok_or_else(|| malformed("unknown alias rule"))?.to_string(),
        };
        aliases.push(Alias { text, count, rule });
    }
    let n = r.count(SMALL)?;
    let mut roles: Vec<Role> = Vec::with_capacity(n);
    // Where each of the entity's role texts was first read.
    let mut texts: Vec<usize> = Vec::new();
    for _ in 0..n {
        let text = match r.u(SMALL)? {
            0 => {
                texts.push(roles.len());
                r.str(TEXT)?
            }
            i => {
                let first = texts.get(i as usize - 1).ok_or_else(|| malformed("a role names no earlier text"))?;
                roles[*first].text.clone()
            }
        };
        roles.push(Role { text, article: r.u(REFS)? });
    }
    let n = r.count(SMALL)?;
    let mut mentions = Vec::with_capacity(n);
    let mut last = Mention { article: 0, paragraph: 0, start: 0, end: 0 };
    let num =
        |base: u32, d: i64| u32::try_from(i64::from(base) + d).map_err(|_| malformed("a mention is out of range"));
    for _ in 0..n {
        let da = r.signed(MENTIONS)?;
        let article = num(last.article, da)?;
        let dp = r.signed(MENTIONS)?;
        let paragraph = num(if da == 0 { last.paragraph } else { 0 }, dp)?;
        let start = num(if da == 0 && dp == 0 { last.start } else { 0 }, r.signed(MENTIONS)?)?;
        let end = num(start, r.signed(MENTIONS)?)?;
        last = Mention { article, paragraph, start, end };
        mentions.push(last);
    }
    let n = r.count(SMALL)?;
    let mut related = Vec::with_capacity(n);
    for _ in 0..n {
        related.push(Related { entity: r.u(ENTITY_REFS)?, sentences: r.u(SMALL)?, articles: r.u(SMALL)? });
    }
    let series = if r.flag()? { Some(r.str(TEXT)?) } else { None };
    let point = match r.u(SMALL)? {
        0 => None,
        k => {
            let of = *POINT_KINDS.get(k as usize - 1).ok_or_else(|| malformed("unknown kind of point"))?;
            let degree = |n: i64| i32::try_from(n).map_err(|_| malformed("a point is out of range"));
            Some(Point { lat: degree(r.signed(REFS)?)?, lon: degree(r.signed(REFS)?)?, of })
        }
    };
    Ok(Entity { id, name, kind, aliases, roles, mentions, related, series, point })
}

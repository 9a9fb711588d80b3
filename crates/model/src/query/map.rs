//! The places map's geometry: which places the shown events name and how many events
//! each, the projection (equirectangular, longitudes narrowed by the cosine of the
//! middle latitude), the frame that fits the places, and zooming and panning it.

use crate::corpus::Corpus;
use crate::entity::{EntityKind, Point};

/// A place on the map: its entity (an index into `Corpus::entities`), its point and
/// the number of shown events that name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dot {
    pub entity: u32,
    pub point: Point,
    pub events: u32,
}

/// The places with a point that the shown events name, from their counts
/// (`Index::entity_counts` over the shown rows), most events first; and how many places
/// are named without a point (places the gazetteer does not know).
pub fn dots(corpus: &Corpus, per_entity: &[u32]) -> (Vec<Dot>, usize) {
    let mut out = Vec::new();
    let mut unplaced = 0;
    for (i, e) in corpus.entities.iter().enumerate() {
        let events = per_entity.get(i).copied().unwrap_or(0);
        if e.kind != EntityKind::Place || events == 0 {
            continue;
        }
        match e.point {
            Some(point) => out.push(Dot { entity: i as u32, point, events }),
            None => unplaced += 1,
        }
    }
    crate::order::sort_by_key(&mut out, |d| (std::cmp::Reverse(d.events), d.entity));
    (out, unplaced)
}

/// The width of a frame over its height: the map's drawing keeps this shape.
pub const ASPECT: f64 = 1.5;
/// The narrowest frame, in degrees of latitude high: one place alone is shown with
/// its surroundings, not as far as zooming goes.
pub const MIN_HEIGHT: f64 = 4.0;
/// The widest frame: the whole world and a margin.
pub const MAX_HEIGHT: f64 = 200.0;

/// What the map shows: a projection and a rectangle of it. Projected x is longitude
/// times `k` (the cosine of the middle latitude of the places), projected y is minus
/// latitude (north up), both in degrees; `k` has two decimals.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    pub k: f64,
    /// The middle of the rectangle, projected.
    pub x: f64,
    pub y: f64,
    /// Its height; its width is [`ASPECT`] times that.
    pub height: f64,
}

impl Frame {
    /// The frame that fits `points` with a margin, or the whole world for none.
    pub fn fit(points: impl IntoIterator<Item = Point>) -> Frame {
        let mut lat = (f64::INFINITY, f64::NEG_INFINITY);
        let mut lon = (f64::INFINITY, f64::NEG_INFINITY);
        for p in points {
            lat = (lat.0.min(p.lat_degrees()), lat.1.max(p.lat_degrees()));
            lon = (lon.0.min(p.lon_degrees()), lon.1.max(p.lon_degrees()));
        }
        if lat.0 > lat.1 {
            return Frame { k: 1.0, x: 0.0, y: 0.0, height: MAX_HEIGHT * 0.9 };
        }
        // To two decimals, as the drawing writes it in the outlines' transform.
        let k = (cos((lat.0 + lat.1) / 2.0 * std::f64::consts::PI / 180.0).max(0.2) * 100.0).round() / 100.0;
        let (w, h) = ((lon.1 - lon.0) * k, lat.1 - lat.0);
        // Three tenths of a margin each way, so the outermost dots and their names
        // are not on the edge.
        let height = within(h.max(w / ASPECT) * 1.6, MIN_HEIGHT, MAX_HEIGHT);
        Frame { k, x: (lon.0 + lon.1) / 2.0 * k, y: -(lat.0 + lat.1) / 2.0, height }
    }

    pub fn width(&self) -> f64 {
        self.height * ASPECT
    }

    /// Where a point is drawn.
    pub fn project(&self, p: Point) -> (f64, f64) {
        (p.lon_degrees() * self.k, -p.lat_degrees())
    }

    /// Zoomed by `factor` (above 1 zooms in) about the point at `(fx, fy)`, fractions
    /// of the frame's width and height from its top left corner (the middle is 0.5,
    /// 0.5): that point stays where it is on the screen.
    pub fn zoom(&self, factor: f64, (fx, fy): (f64, f64)) -> Frame {
        let height = within(self.height / factor, MIN_HEIGHT / 4.0, MAX_HEIGHT);
        let scale = height / self.height;
        let (ax, ay) = (self.x + (fx - 0.5) * self.width(), self.y + (fy - 0.5) * self.height);
        Frame { x: ax + (self.x - ax) * scale, y: ay + (self.y - ay) * scale, height, ..*self }
    }

    /// Moved by fractions of its width and height (positive: the view moves east and
    /// south, the map under it west and north).
    pub fn pan(&self, (dx, dy): (f64, f64)) -> Frame {
        let half = MAX_HEIGHT / 2.0;
        let x = within(self.x + dx * self.width(), -180.0 * self.k, 180.0 * self.k);
        Frame { x, y: within(self.y + dy * self.height, -half, half), ..*self }
    }
}

/// `v` kept between `lo` and `hi`. Not `f64::clamp`: its check that `lo <= hi`, which
/// the compiler cannot drop for bounds it does not know, formats floats when it fails,
/// and float formatting costs the wasm bundle some 15 kB.
fn within(v: f64, lo: f64, hi: f64) -> f64 {
    v.max(lo).min(hi)
}

/// The cosine of `x` in [-π/2, π/2] by its Taylor series (error below 1e-6), so the
/// wasm bundle needs no libm for it.
fn cos(x: f64) -> f64 {
    let x2 = x * x;
    1.0 - x2 / 2.0 * (1.0 - x2 / 12.0 * (1.0 - x2 / 30.0 * (1.0 - x2 / 56.0 * (1.0 - x2 / 90.0 * (1.0 - x2 / 132.0)))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entity::{Entity, PointOf};

    fn point(lat: f64, lon: f64) -> Point {
        Point::from_degrees(lat, lon, PointOf::City)
    }

    fn place(name: &str, p: Option<Point>) -> Entity {
        Entity {
            id: format!("place:{name}"),
            name: name.into(),
            kind: EntityKind::Place,
            aliases: vec![],
            roles: vec![],
            mentions: vec![],
            related: vec![],
            series: None,
            point: p,
        }
    }

    #[test]
    fn the_cosine_is_close_enough() {
        for degrees in [-90.0f64, -60.0, -1.0, 0.0, 30.0, 45.0, 89.0, 90.0] {
            let x = degrees.to_radians();
            assert!((cos(x) - x.cos()).abs() < 1e-6, "{degrees}");
        }
    }

    #[test]
    fn dots_are_the_named_places_with_a_point_most_events_first() {
        let mut corpus = Corpus {
            entities: vec![
                place("a", Some(point(40.0, 49.0))),
                place("b", Some(point(41.0, 44.0))),
                place("c", None),
                place("d", Some(point(39.0, 45.0))),
            ],
            ..Corpus::default()
        };
        corpus.entities.push(Entity { kind: EntityKind::Person, ..place("e", Some(point(0.0, 0.0))) });
        let (dots, unplaced) = dots(&corpus, &[1, 5, 2, 0, 9]);
        assert_eq!(dots.iter().map(|d| (d.entity, d.events)).collect::<Vec<_>>(), vec![(1, 5), (0, 1)]);
        assert_eq!(unplaced, 1);
    }

    #[test]
    fn the_frame_fits_every_place_with_a_margin() {
        let places = [point(40.4, 49.9), point(41.7, 44.8), point(38.4, 27.1)];
        let f = Frame::fit(places);
        for p in places {
            let (x, y) = f.project(p);
            assert!((x - f.x).abs() < f.width() / 2.0 * 0.9, "{p:?} in {f:?}");
            assert!((y - f.y).abs() < f.height / 2.0 * 0.9, "{p:?} in {f:?}");
        }
        assert!((f.k - 40f64.to_radians().cos()).abs() < 0.02);
        assert_eq!(Frame::fit([point(40.0, 49.0)]).height, MIN_HEIGHT, "one place is not a point-sized map");
        assert_eq!(Frame::fit([]).k, 1.0, "no place: the world");
    }

    #[test]
    fn zooming_keeps_the_point_under_the_pointer_and_panning_moves_by_fractions() {
        let f = Frame { k: 0.8, x: 30.0, y: -40.0, height: 20.0 };
        let at = (0.25, 0.75);
        let under = |f: &Frame| (f.x + (at.0 - 0.5) * f.width(), f.y + (at.1 - 0.5) * f.height);
        let z = f.zoom(2.0, at);
        assert_eq!(z.height, 10.0);
        let (a, b) = (under(&f), under(&z));
        assert!((a.0 - b.0).abs() < 1e-9 && (a.1 - b.1).abs() < 1e-9, "{a:?} {b:?}");
        assert_eq!(f.zoom(2.0, (0.5, 0.5)).zoom(0.5, (0.5, 0.5)), f);
        let p = f.pan((0.1, -0.5));
        assert!((p.x - (30.0 + 3.0)).abs() < 1e-9 && (p.y - (-50.0)).abs() < 1e-9, "{p:?}");
        assert_eq!(f.zoom(1e9, at).height, MIN_HEIGHT / 4.0, "zooming in stops");
    }
}

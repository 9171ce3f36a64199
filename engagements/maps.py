"""Offline maps: country outlines from a shipped TopoJSON file, drawn as server-side SVG.

The outlines are Natural Earth's 1:110m countries as packaged by world-atlas
(static/data/countries-110m.json, ISC licence beside it). Points are projected
equirectangularly (x = longitude + 180, y = 90 - latitude) so the page needs no
tile server, no CDN and no JavaScript.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings

WORLD_FILE = settings.BASE_DIR / "static" / "data" / "countries-110m.json"


@dataclass(frozen=True)
class MapPoint:
    x: float
    y: float
    label: str
    order: int


@dataclass(frozen=True)
class MapView:
    view_box: str
    countries: list[str]
    points: list[MapPoint]
    route: str  # SVG polyline points in travel order
    stroke: float
    radius: float
    font: float


def project(lon: float, lat: float) -> tuple[float, float]:
    return round(lon + 180, 3), round(90 - lat, 3)


def _decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    sx, sy = topology["transform"]["scale"]
    tx, ty = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append(project(x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _ring(arcs: list[list[tuple[float, float]]], indexes: list[int]) -> str:
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    if len(points) < 3:
        return ""
    # a ring crossing the antimeridian (or wrapping a pole) is drawn as separate pieces,
    # so no line runs across the whole map
    pieces: list[list[tuple[float, float]]] = [[points[0]]]
    for previous, point in zip(points, points[1:], strict=False):
        if abs(point[0] - previous[0]) > 180:
            pieces.append([])
        pieces[-1].append(point)
    if len(pieces) == 1:
        return "M" + "L".join(f"{x:g},{y:g}" for x, y in points) + "Z"
    return "".join(
        "M" + "L".join(f"{x:g},{y:g}" for x, y in piece) for piece in pieces if len(piece) > 1
    )


@lru_cache(maxsize=1)
def country_paths() -> tuple[str, ...]:
    """One SVG path per country, in the 360 x 180 equirectangular plane."""
    topology = json.loads(WORLD_FILE.read_text(encoding="utf-8"))
    arcs = _decode_arcs(topology)
    paths = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = geometry.get("arcs") or []
        if geometry.get("type") == "Polygon":
            polygons = [polygons]
        d = "".join(_ring(arcs, ring) for polygon in polygons for ring in polygon)
        if d:
            paths.append(d)
    return tuple(paths)


def route_map(stops: list[tuple[str, float | None, float | None]]) -> MapView | None:
    """A map of the places in travel order, each (label, latitude, longitude); None if unplaced."""
    points = [
        MapPoint(*project(lon, lat), label=label, order=i)
        for i, (label, lat, lon) in enumerate(stops, start=1)
        if lat is not None and lon is not None
    ]
    if not points:
        return None
    xs, ys = [p.x for p in points], [p.y for p in points]
    width = max(max(xs) - min(xs), 20)
    height = max(max(ys) - min(ys), 12)
    margin = max(width, height) * 0.25
    left, top = min(xs) - margin, min(ys) - margin
    w, h = width + 2 * margin, height + 2 * margin
    # keep a landscape shape so small countries are not stretched
    if w < h * 1.6:
        left -= (h * 1.6 - w) / 2
        w = h * 1.6
    return MapView(
        view_box=f"{left:.2f} {top:.2f} {w:.2f} {h:.2f}",
        countries=list(country_paths()),
        points=points,
        route=" ".join(f"{p.x:g},{p.y:g}" for p in points),
        stroke=round(w / 400, 3),
        radius=round(w / 130, 3),
        font=round(w / 55, 3),
    )

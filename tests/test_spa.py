"""The backend serves the built SPA with history-API fallback, and finds a build made after start."""

from __future__ import annotations

import dataclasses

import httpx

from backend.app import create_app


async def test_routes_fall_back_to_index_and_assets_are_cached_forever(settings, rt, tmp_path):
    dist = tmp_path / "dist"
    app = create_app(dataclasses.replace(settings, spa_dist=dist), runtime=rt, manage_db=False)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="https://testserver") as http:
        # before the build
        assert (await http.get("/profile")).status_code == 404
        # the build lands while the server runs
        (dist / "assets").mkdir(parents=True)
        (dist / "index.html").write_text("<!doctype html><div id=root></div>")
        (dist / "assets" / "app-1234.js").write_text("console.log(1)")
        page = await http.get("/profile/sessions")
        assert page.status_code == 200 and "root" in page.text and page.headers["cache-control"] == "no-cache"
        asset = await http.get("/assets/app-1234.js")
        assert asset.headers["cache-control"] == "public, max-age=31536000, immutable"
        assert (await http.get("/graphql", headers={"accept": "text/html"})).status_code == 200

"""`python -m backend serve|migrate|demo|pki|schema` — what the Makefile calls."""

from __future__ import annotations

import argparse
import asyncio
import os
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m backend")
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="serve the SPA and /graphql")
    serve.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
    serve.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
    serve.add_argument("--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", "1")))
    sub.add_parser("migrate", help="apply aerich migrations")
    sub.add_parser("demo", help="load demo data (idempotent)")
    sub.add_parser("pki", help="create the demo EDS certificates under VAR_DIR/pki (idempotent) and list them")
    schema = sub.add_parser("schema", help="print the GraphQL SDL")
    schema.add_argument("--check", metavar="FILE", help="fail when FILE differs from the code")
    args = parser.parse_args(argv)

    if args.command == "serve":
        import uvicorn

        uvicorn.run(
            "backend.asgi:app",
            host=args.host,
            port=args.port,
            workers=args.workers,
            ws_per_message_deflate=False,  # ~300 KiB per connection otherwise (measured)
            proxy_headers=False,
            log_level=os.environ.get("LOG_LEVEL", "info"),
        )
        return 0
    if args.command == "migrate":
        from backend.migrate import migrate

        asyncio.run(migrate())
        return 0
    if args.command == "demo":
        from backend.demo import load_demo

        asyncio.run(load_demo())
        return 0
    if args.command == "pki":
        from backend.pki.demo_ca import ensure_demo_ca
        from backend.settings import Settings

        ca = ensure_demo_ca(Settings.from_env().var_dir / "pki")
        sys.stdout.write((ca.directory / "README.txt").read_text())
        return 0
    if args.command == "schema":
        from backend.schema.api import schema_sdl

        sdl = schema_sdl()
        if args.check:
            with open(args.check, encoding="utf-8") as fh:
                if fh.read() != sdl:
                    print(f"{args.check} is out of date: run `make schema`", file=sys.stderr)
                    return 1
            return 0
        sys.stdout.write(sdl)
        return 0
    return 2


if __name__ == "__main__":
    raise SystemExit(main())

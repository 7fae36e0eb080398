# syntax=docker/dockerfile:1
# Three images from one build, so the SPA that nginx serves and the one the backend knows
# (its GraphiQL playground lives in the SPA build) always come from the same commit:
#   spa      builds frontend/dist (never run, only copied from)
#   backend  the API: `python -m backend migrate|serve`
#   web      nginx with the SPA baked in, proxying the API paths to `backend`
# nginx gets its own image rather than a volume filled from the spa stage: a named volume is
# only populated when empty, so after a rebuild it would keep serving the old assets.
# Healthchecks live in docker-compose.yml, beside the dependencies that wait on them.

ARG NODE_IMAGE=node:20-bookworm-slim
ARG PYTHON_IMAGE=python:3.11-slim-bookworm
ARG NGINX_IMAGE=nginx:1.28-alpine

FROM ${NODE_IMAGE} AS spa
WORKDIR /src
# The whole (filtered) context: npm workspaces need every workspace manifest, and the
# frontend build may read schema.graphql for codegen.
COPY . .
# Only the frontend workspace's packages: e2e's Playwright is not needed to build.
RUN --mount=type=cache,target=/root/.npm \
    npm ci --workspace frontend --no-audit --no-fund && npm run build -w frontend


FROM ${PYTHON_IMAGE} AS backend
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /app
# Dependencies before code, read from pyproject.toml alone: a change under backend/ then
# reuses this layer instead of reinstalling every pinned package.
COPY pyproject.toml ./
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" \
        > /tmp/requirements.txt \
    && pip install -r /tmp/requirements.txt \
    && rm /tmp/requirements.txt
COPY backend/ ./backend/
# Editable, so the code exists once, at /app/backend, with every file it ships beside it
# (migrations, later fonts and templates) whether or not pyproject lists them as package
# data; settings.ROOT is then /app and VAR_DIR / SPA_DIST keep their defaults.
RUN pip install --no-deps -e .
COPY --from=spa /src/frontend/dist ./frontend/dist
RUN useradd --system --uid 10001 --home-dir /app shanyraq \
    && mkdir -p /app/var && chown shanyraq /app/var
USER shanyraq
EXPOSE 8000
CMD ["python", "-m", "backend", "serve", "--host", "0.0.0.0", "--port", "8000"]


FROM ${NGINX_IMAGE} AS web
COPY deploy/nginx.conf /etc/nginx/nginx.conf
COPY --from=spa /src/frontend/dist /usr/share/nginx/html

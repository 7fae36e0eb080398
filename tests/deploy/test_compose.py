"""docker-compose.yml: valid for the compose spec, and the facts of the scale-out profile that matter.

No Docker engine exists on these machines, so the file is checked against the spec's JSON
schema and read as data; the Dockerfile is read for the stages compose builds.
"""

from __future__ import annotations

import ipaddress
import re
import subprocess
import sys

import pytest

from tests.deploy.deployfiles import (
    COMPOSE,
    DOCKERFILE,
    ENV_EXAMPLE,
    NGINX_CONF,
    command,
    dockerfile_stages,
    environment,
    interpolate,
    load_compose,
    variables,
)

ONE_SHOT = {"migrate", "minio-init"}
SECRETS = re.compile(r"(PASSWORD|SECRET|TOKEN)")


@pytest.fixture(scope="module")
def compose() -> dict:
    return load_compose()


@pytest.fixture(scope="module")
def services(compose) -> dict:
    return compose["services"]


def test_compose_file_matches_the_compose_spec():
    # when
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.compose-spec", str(COMPOSE)],
        capture_output=True,
        text=True,
        timeout=120,
    )

    # then
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_profile_has_its_backing_services(services):
    # then
    assert services["postgres"]["image"].startswith("postgres:16")
    assert services["redis"]["image"].startswith("redis:7")
    assert "minio/minio" in services["minio"]["image"]
    assert {"backend", "nginx", "migrate", "minio-init"} <= services.keys()


def test_postgres_and_minio_keep_their_data_in_named_volumes(compose, services):
    # given
    declared = set(compose.get("volumes") or {})

    # then
    for name, target in (("postgres", "/var/lib/postgresql/data"), ("minio", "/data")):
        mounts = [str(v).split(":") for v in services[name]["volumes"]]
        assert any(m[0] in declared and m[1] == target for m in mounts), f"{name}: {mounts}"


def test_every_server_has_a_healthcheck_and_every_job_says_it_has_none(services):
    # then
    for name, service in services.items():
        check = service.get("healthcheck")
        assert check, f"{name} declares no healthcheck"
        if name in ONE_SHOT:
            assert check.get("disable") is True and service.get("restart") == "no", name
        else:
            assert check.get("test") and not check.get("disable"), name


def test_services_wait_for_healthy_dependencies_and_finished_jobs(services):
    # then
    for name, service in services.items():
        depends = service.get("depends_on") or {}
        assert isinstance(depends, dict), f"{name}: depends_on needs conditions, not a list"
        for target, spec in depends.items():
            expected = "service_completed_successfully" if target in ONE_SHOT else "service_healthy"
            assert spec.get("condition") == expected, f"{name} -> {target}: {spec}"


def test_backend_runs_several_workers_after_the_one_shot_migration(services):
    # given
    backend, migrate = services["backend"], services["migrate"]
    cmd = command(backend)

    # then
    assert cmd[:4] == ["python", "-m", "backend", "serve"]
    assert cmd[cmd.index("--host") + 1] == "0.0.0.0"
    assert int(cmd[cmd.index("--workers") + 1]) > 1
    assert command(migrate) == ["python", "-m", "backend", "migrate"]
    assert backend["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    assert backend["image"] == migrate["image"] and backend["build"] == migrate["build"]


def test_backend_is_configured_for_production_with_shared_state(services):
    # given
    env = environment(services["backend"])

    # then
    assert env["SHANYRAQ_ENV"] == "production"
    assert env["DATABASE_URL"].startswith("postgres://") and "@postgres:5432/" in env["DATABASE_URL"]
    # Several workers share subscriptions only through Redis; in-process pub/sub would split them.
    assert env["REDIS_URL"].startswith("redis://redis:")
    assert env["MESSAGING"] == "http" and env["SMS_HTTP_URL"] and "SMS_HTTP_TOKEN" in env
    assert env["REGISTRY_URL"] and "REGISTRY_TOKEN" in env
    for name in ("S3_ENDPOINT_URL", "S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"):
        assert env[name], name
    assert env["S3_ENDPOINT_URL"] == "http://minio:9000"
    assert environment(services["migrate"]) == env


def test_backend_trusts_forwarded_addresses_only_from_the_network_it_shares_with_nginx(compose, services):
    # given
    env = environment(services["backend"])
    shared = set(services["backend"]["networks"]) & set(services["nginx"]["networks"])
    subnets = [
        ipaddress.ip_network(interpolate(cfg["subnet"]))
        for net in shared
        for cfg in compose["networks"][net]["ipam"]["config"]
    ]
    trusted = [ipaddress.ip_network(n) for n in env["TRUSTED_PROXIES"].split(",")]

    # then
    assert subnets and trusted == subnets
    others = {n for s in services.values() for n in s.get("networks", [])} - shared
    assert not any(set(services[s]["networks"]) & shared for s in ("postgres", "redis", "minio"))
    assert all(compose["networks"][n].get("internal") for n in others)


def test_no_secret_is_written_in_the_compose_file(services):
    # then
    for name, service in services.items():
        for key, value in (service.get("environment") or {}).items():
            if SECRETS.search(key) or key == "DATABASE_URL":
                assert "${" in str(value), f"{name}.{key} must come from deploy/.env, not the file"


def test_env_example_names_every_required_variable(compose):
    # given
    # Optional settings appear commented out, with their default.
    example = set(re.findall(r"^#?\s*([A-Z][A-Z0-9_]*)=", ENV_EXAMPLE.read_text(), flags=re.M))

    # then
    assert variables(compose, required=True) <= example
    assert variables(compose, required=False) <= example


def test_compose_builds_stages_the_dockerfile_has(services):
    # given
    stages = dockerfile_stages()

    # then
    targets = {s["build"]["target"] for s in services.values() if "build" in s}
    assert targets == {"backend", "web"} and targets <= stages
    assert "spa" in stages


def test_nginx_image_serves_the_spa_from_the_root_its_config_names():
    # given
    text = DOCKERFILE.read_text()
    web = text[re.search(r"^FROM\s+\S+\s+AS\s+web\s*$", text, flags=re.M).end():]
    root = re.search(r"^\s*root\s+(\S+);", NGINX_CONF.read_text(), flags=re.M)[1]

    # then
    assert re.search(r"^COPY deploy/nginx.conf /etc/nginx/nginx.conf$", web, flags=re.M)
    assert re.search(rf"^COPY --from=spa /src/frontend/dist {re.escape(root)}$", web, flags=re.M)

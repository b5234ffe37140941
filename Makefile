# Convene: one entry point for building, running and testing.
#   make run   install what is missing, build, and launch the app on its store with demo data
#   make test  install what is missing, then run every test (what CI runs)

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
CARGO ?= cargo
JOBS ?= 2
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_PACKAGES := python3-icalendar qpdf poppler-utils libwebkit2gtk-4.1-dev libgtk-3-dev librsvg2-dev build-essential pkg-config \
	libssl-dev xvfb xauth webkit2gtk-driver iproute2 procps imagemagick
TAURI_DRIVER_VERSION := 2.1.0
# The shipped app is built for the host's triple named explicitly (profile-guided, scripts/pgo.sh),
# so its flags reach only the app's own code, not build scripts or macros.
TRIPLE := $(shell rustc -vV 2>/dev/null | sed -n 's/^host: //p')
RELEASE := target/$(TRIPLE)/release
# The optimised build's use of the profile. Only code the training run never reached counts as
# cold (LLVM's default also files code that ran only a few times there, such as start-up's, as
# cold and lays it out among the never-run code).
PGO_USE := -Cprofile-use=$(CURDIR)/target/pgo/convene.profdata -Cllvm-args=-profile-summary-cold-count=0

.PHONY: all deps deps-system deps-node deps-e2e deps-pgo ui build run test test-rust test-ui test-e2e bench-memory \
	lint bindings clean crash-test bench fuzz package package-check bench-app

all: build

## --- dependencies --------------------------------------------------------------------------
deps: deps-system deps-node

deps-system:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

deps-node:
	cd ui && npm ci --no-audit --no-fund

deps-e2e:
	cd tests/e2e && npm ci --no-audit --no-fund
	@command -v tauri-driver >/dev/null 2>&1 && tauri-driver --help >/dev/null 2>&1 || \
	  $(CARGO) install tauri-driver --version $(TAURI_DRIVER_VERSION) --locked -j $(JOBS)

## --- build -----------------------------------------------------------------------------------
ui:
	cd ui && npm run build

# The app embeds ui/dist at compile time, so the UI is built first.
build: ui
	$(CARGO) build -j $(JOBS) --workspace

run: deps build
	./target/debug/convene demo --if-empty
	./target/debug/convene-desktop

## --- tests -----------------------------------------------------------------------------------
test: deps deps-e2e build lint test-rust test-ui test-e2e
	@echo "All Convene tests passed."

lint:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy -j $(JOBS) --workspace --all-targets -- -D warnings

test-rust:
	$(CARGO) test -j $(JOBS) --workspace

test-ui:
	cd ui && npm test

test-e2e:
	CONVENE_APP=$(CURDIR)/target/debug/convene-desktop xvfb-run -a -s "-screen 0 1280x2000x24" \
	  npm --prefix tests/e2e test

# The full crash-safety run: 100 SIGKILL rounds (the default test run does 25).
crash-test: build
	CONVENE_CRASH_ROUNDS=100 $(CARGO) test -j $(JOBS) --test crash -- --nocapture

# Every benchmark, then BENCHMARKS.md rewritten (needs python3-numpy; app rows from the last
# `make test-e2e`).
# Debian's Python, where apt's numpy lands (a pyenv or venv python3 first on PATH would not see it).
BENCH_PYTHON ?= /usr/bin/python3
bench:
	$(BENCH_PYTHON) -c 'import numpy' 2>/dev/null || $(SUDO) apt-get install -y python3-numpy
	$(BENCH_PYTHON) scripts/bench_report.py

# The app's figures on the release build (the one `make package` ships): the e2e suite with
# performance marks, into tests/e2e/artifacts/timings-release.json; then `make bench`.
bench-app: package
	CONVENE_APP=$(CURDIR)/$(RELEASE)/convene-desktop CONVENE_CLI=$(CURDIR)/target/release/convene \
	  CONVENE_TIMINGS=timings-release.json xvfb-run -a -s "-screen 0 1280x2000x24" npm --prefix tests/e2e test

# Memory beside the platform's floor (an empty window of the same Tauri and WebKitGTK build,
# examples/memory_floor.rs), both release builds, in one run; then `make bench`.
bench-memory: package
	$(CARGO) build --release -j $(JOBS) --example memory_floor
	$(BENCH_PYTHON) scripts/memory_floor.py $(RELEASE)/convene-desktop target/release/convene \
	  target/release/examples/memory_floor

# Each importer fuzzed for 10 minutes (scripts/fuzz.sh SECONDS for another budget).
fuzz:
	bash scripts/fuzz.sh 600

# The Debian package (Tauri's bundler, from the npm @tauri-apps/cli in ui/): a release build of the
# app, profile-guided (scripts/pgo.sh builds it instrumented, runs it on demo data and merges the
# counts), then target/<host triple>/release/bundle/deb/Convene_<version>_amd64.deb, with the
# `convene` CLI (target/release) beside the app in /usr/bin. `make package-check` installs it
# on this machine and launches it on an empty data folder under Xvfb.
package: deps deps-pgo ui
	$(if $(TRIPLE),,$(error rustc was not found on PATH: the package is built for its host triple))
	$(CARGO) build --release -j $(JOBS) -p convene-cli
	JOBS=$(JOBS) bash scripts/pgo.sh target/release/convene
	cd $(CURDIR) && RUSTFLAGS="$(PGO_USE)" CARGO_BUILD_JOBS=$(JOBS) \
	  ui/node_modules/.bin/tauri build --bundles deb --ci --target $(TRIPLE)

# llvm-profdata, which merges the training run's counts (scripts/pgo.sh).
deps-pgo:
	rustup component add llvm-tools

package-check: package
	bash scripts/package-check.sh $(RELEASE)/bundle/deb/*.deb

bindings:
	CONVENE_UPDATE_BINDINGS=1 $(CARGO) test -j $(JOBS) -p convene-core --test bindings

clean:
	$(CARGO) clean
	rm -rf ui/dist ui/node_modules tests/e2e/node_modules

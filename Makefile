# The newcomer's two commands: `make run` and `make test`.
# Python 3.12+ is required (see pyproject.toml for why 3.11 will not do).
PYTHON ?= $(shell for p in python3.13 python3.12; do \
	  if command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then command -v $$p; exit 0; fi; done; \
	  root=$$(pyenv root 2>/dev/null || echo $$HOME/.pyenv); \
	  for v in $$(ls -d $$root/versions/3.13* $$root/versions/3.12* 2>/dev/null | sort -rV); do \
	    if [ -x $$v/bin/python3 ]; then echo $$v/bin/python3; exit 0; fi; done)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: venv run test bench mutate translations translations-update screenshots package clean

venv: $(STAMP) translations

$(STAMP): pyproject.toml
	@if [ -z "$(PYTHON)" ]; then echo "Uppdrag behöver Python 3.12 eller nyare (python3.13/python3.12 eller pyenv). Installera en och försök igen." >&2; exit 1; fi
	@echo "Använder $(PYTHON)"
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	@touch $(STAMP)

translations: $(STAMP)
	@if [ -f ui/i18n_build.py ]; then $(BIN)/python -m ui.i18n_build; fi

# Collect every string the ui shows into app/resources/translations/*.ts (Qt's pyside6-lupdate over
# every ui module); new ones are left unfinished for a translator, and `make test` fails until done.
translations-update: $(STAMP)
	$(BIN)/python -m ui.i18n_build --update

run: venv
	$(BIN)/uppdrag

# Random order (pytest-randomly; the seed is printed at the end). PYTEST_ARGS adds options, e.g.
# PYTEST_ARGS=--randomly-seed=N for an order again, PYTEST_ARGS="-p no:randomly" for the written order.
test: venv
	$(BIN)/ruff check .
	$(BIN)/mypy
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q $(PYTEST_ARGS)

# The README's pictures of the main views in Swedish and English (docs/screenshots), taken by the UI tests.
screenshots: venv
	UPPDRAG_SCREENSHOTS=docs/screenshots QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -p no:randomly tests/ui/test_screenshots.py

bench: venv
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench --size full

# Mutation testing of the core modules (tools/mutate.py lists them with their tests), then the score
# of each. Slow (minutes per module, tens for all); CI does not run it. MODULES=app.dates runs one;
# results are kept in mutants/ for the next run.
MUTATE_STAMP := $(VENV)/.installed-mutate

$(MUTATE_STAMP): $(STAMP)
	$(BIN)/pip install --quiet -e '.[test,mutate]'
	@touch $(MUTATE_STAMP)

mutate: venv $(MUTATE_STAMP)
	$(BIN)/python tools/mutate.py $(MODULES)

# The installable bundle for this machine (Linux: dist/uppdrag + tarball, macOS: dist/Uppdrag.app,
# Windows: dist/uppdrag, then Inno Setup). See packaging/README.md.
PACKAGE_STAMP := $(VENV)/.installed-package

$(PACKAGE_STAMP): $(STAMP)
	$(BIN)/pip install --quiet -e '.[test,package]'
	@touch $(PACKAGE_STAMP)

package: venv $(PACKAGE_STAMP)
	@start=$$(date +%s); \
	$(BIN)/python -m PyInstaller packaging/uppdrag.spec --noconfirm --log-level WARN \
	  --distpath dist --workpath build/pyinstaller || exit 1; \
	if [ "$$(uname -s)" = Linux ]; then $(BIN)/python packaging/linux/make_tarball.py dist/uppdrag || exit 1; fi; \
	if [ -d dist/Uppdrag.app ]; then out=dist/Uppdrag.app; else out=dist/uppdrag; fi; \
	echo "Paket: $$out, $$(du -sh $$out | cut -f1) uppackat, byggt på $$(( $$(date +%s) - start )) s"; \
	ls -1 dist/*.tar.gz 2>/dev/null | while read f; do echo "       $$f, $$(du -h $$f | cut -f1)"; done

clean:
	rm -rf $(VENV) build dist *.egg-info

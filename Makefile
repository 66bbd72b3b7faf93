# Two commands on a fresh machine:  make run   |   make test
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed

.PHONY: setup run test demo screenshots bench bundle pot catalogs clean

$(STAMP): pyproject.toml
	$(PYTHON) -c 'import sys; sys.exit("Hearth needs Python 3.11 or newer") if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP) catalogs

catalogs: $(STAMP)
	$(BIN)/python -m app i18n compile >/dev/null

run: setup
	$(BIN)/python -m app

demo: setup
	$(BIN)/python -m app --demo

# Two lanes: offscreen (fast, most tests), then a real X server with a window manager for layout,
# first-show and keyboard checks (tests/realdisplay; Xvfb and openbox, installed by build/system-deps.sh).
test: setup
	@sh build/system-deps.sh || true
	$(BIN)/python -m app crisis check
	$(BIN)/python -m app i18n check
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -p no:cacheprovider -n auto $(PYTEST_ARGS)
	HEARTH_REAL_DISPLAY=1 QT_QPA_PLATFORM=xcb $(BIN)/python -m pytest -q -p no:cacheprovider tests/realdisplay $(REAL_ARGS)

screenshots: setup
	for loc in en ar en_XA; do QT_QPA_PLATFORM=offscreen $(BIN)/python -m app --locale $$loc screenshot --out screenshots/$$loc; done
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m app --locale en screenshot --theme dark --out screenshots/en-dark

bench: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/startup.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/unlock.py
	[ -d $(VENV)/bench-big ] || $(BIN)/python bench/big_profile.py $(VENV)/bench-big  # 100k + 100k entries, once
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/pages.py $(VENV)/bench-big
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/progress.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/memory.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/import_big.py --rounds 3
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/exchange.py --rounds 3

# Translators: refresh the template after changing strings.
pot: $(STAMP)
	$(BIN)/pybabel extract --no-location --sort-by-file -F babel.cfg -k N_ -k pgettext:1c,2 --add-comments=Translators: \
	    --project=Hearth --copyright-holder="Hearth contributors" -o locales/app.pot app ui
	$(BIN)/pybabel extract --sort-by-file -F babel-programs.cfg --project=Hearth \
	    --copyright-holder="Hearth contributors" -o locales/programs.pot programs
	for domain in app programs; do for po in locales/*/LC_MESSAGES/$$domain.po; do [ -f "$$po" ] || continue; \
	    $(BIN)/pybabel update --no-fuzzy-matching -D $$domain -i locales/$$domain.pot -o $$po -l $$(basename $$(dirname $$(dirname $$po))); done; done

bundle: setup
	PYTHON=$(PYTHON) sh build/bundle.sh

clean:
	rm -rf $(VENV) dist build/work screenshots

.PHONY: run test bundle bundle-test

run:  ## set up and start the app on the embedded demo server
	scripts/run.sh

test:  ## set up and run the whole suite, lint included
	scripts/test.sh

bundle:  ## PyInstaller onedir bundle in dist/hatif
	scripts/bootstrap.sh dev
	.venv/bin/pyinstaller --noconfirm --clean build.spec

bundle-test:  ## build the bundle and run its self-test and a real call (part of make test)
	scripts/bootstrap.sh dev
	QT_QPA_PLATFORM=offscreen .venv/bin/pytest -q -m slow tests/app/test_bundle.py

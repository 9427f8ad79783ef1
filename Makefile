.PHONY: run test bundle bundle-test

run:  ## set up and start the app on the embedded demo server
	scripts/run.sh

test:  ## set up and run the whole suite, lint included
	scripts/test.sh

bundle:  ## PyInstaller onedir bundle in dist/hatif
	scripts/bootstrap.sh dev
	.venv/bin/pyinstaller --noconfirm --clean build.spec

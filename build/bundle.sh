#!/bin/sh
# Build the one-folder bundle (dist/hearth) from a venv of its own, build/venv, and test it in every language.
#
# Why a venv of its own: the bundle's numpy is built from source without BLAS (-Dallow-noblas=true). The charts
# never multiply large matrices, and numpy's wheel carries OpenBLAS and libgfortran (28 MB of the bundle). The
# development venv (.venv) keeps the wheel, so `make test` and the bundle test the same numpy version, built two
# ways; the bundle's selftest draws a chart with its own. The first build compiles numpy (about 8 minutes on 2
# cores; needs a C/C++ compiler and Python's headers) and keeps the wheel in build/wheels for the next builds.
# (--no-cache-dir: pip caches built wheels without the build options, so a cached one may have BLAS.)
# HEARTH_BUNDLE_NUMPY_WHEEL=1 skips that and bundles numpy's own wheel, OpenBLAS and all.
set -eu
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
DEV=.venv/bin/python
VENV=build/venv
WHEELS=build/wheels/numpy-noblas-nodispatch  # named for its build options: a change of options builds anew

numpy_version=$($DEV -c 'import numpy; print(numpy.__version__)')
[ -x $VENV/bin/python ] || $PY -m venv $VENV
$VENV/bin/python -m pip install --quiet --upgrade pip
if [ "${HEARTH_BUNDLE_NUMPY_WHEEL:-0}" != 1 ]; then
  wheel=$(ls $WHEELS/numpy-"$numpy_version"-*.whl 2>/dev/null | head -1 || true)
  if [ -z "$wheel" ]; then
    echo "building numpy $numpy_version without BLAS for the bundle (once; a few minutes) ..."
    $VENV/bin/python -m pip wheel --quiet --no-cache-dir --no-deps --no-binary numpy "numpy==$numpy_version" -w $WHEELS \
      -Csetup-args=-Dallow-noblas=true -Csetup-args=-Dblas=none -Csetup-args=-Dlapack=none -Csetup-args=-Dcpu-dispatch=none
    wheel=$(ls $WHEELS/numpy-"$numpy_version"-*.whl | head -1)
  fi
  $VENV/bin/python -m pip install --quiet --force-reinstall --no-deps "$wheel"
fi
# The same versions as the development venv, so the bundle holds what the tests ran against.
$DEV -m pip freeze --exclude-editable | grep -v -i '^numpy==' > build/work-requirements.txt
$VENV/bin/python -m pip install --quiet -r build/work-requirements.txt
$VENV/bin/python -m pip install --quiet -e '.[build]'
rm -f build/work-requirements.txt
blas=$($VENV/bin/python -c 'import numpy; print(numpy.show_config("dicts")["Build Dependencies"]["blas"].get("name"))')
echo "bundling numpy $numpy_version, BLAS: $blas"
if [ "${HEARTH_BUNDLE_NUMPY_WHEEL:-0}" != 1 ] && [ "$blas" != none ]; then echo "numpy in $VENV has BLAS"; exit 1; fi
$VENV/bin/pyinstaller --noconfirm --clean --distpath dist --workpath build/work build/hearth.spec
QT_QPA_PLATFORM=offscreen dist/hearth/hearth selftest
for loc in $(ls locales | grep -v '\.pot$'); do
  QT_QPA_PLATFORM=offscreen dist/hearth/hearth --locale "$loc" selftest >/dev/null || { echo "selftest failed in $loc"; exit 1; }
  echo "selftest passed in $loc"
done

